// check-nav.mjs - the HTML pages at 390, 768 and 1280 px, as a reader
// finds them: from deep in an edition there is always a way back to the
// contents in view (the contents' own column on wide screens, the
// "Contents" bar on narrower ones; neither printed), the index page's
// download buttons stay on one row, and the footer's rule is as wide as
// the other rules. Screenshots at each width go to --shots DIR.
//
// Usage: node tests/browser/check-nav.mjs [--shots DIR] EDITION.html INDEX.html
// Prints one "ok - ..." / "not ok - ..." line per check and exits non-zero
// when any fails. CHROMIUM names the browser (default /usr/bin/chromium).
import { finish, launch, report } from './lib.mjs';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let shots = null;
if (args[0] === '--shots') { shots = args[1]; args.splice(0, 2); }
if (args.length !== 2) {
  console.error('usage: check-nav.mjs [--shots DIR] EDITION.html INDEX.html');
  process.exit(2);
}
const [edition, index] = args.map((f) => pathToFileURL(resolve(f)).href);

// In the page: is a link to #contents, or the contents themselves, in
// view and on top (what a tap there would hit)?
function contentsReachable() {
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.top >= innerHeight ||
        r.right <= 0 || r.left >= innerWidth) return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  };
  const links = [...document.querySelectorAll('a[href="#contents"]')]
    .filter((a) => !a.closest('nav.toc') && inView(a));
  const toc = document.querySelector('nav.toc');
  const tocLinks = toc ? [...toc.querySelectorAll('a[href^="#"]')].filter(inView) : [];
  const p = [];
  if (links.length === 0 && tocLinks.length === 0)
    p.push(`at scroll ${Math.round(scrollY)} no link to the contents and no contents in view`);
  return p;
}

function notPrinted() {
  const p = [];
  for (const el of document.querySelectorAll('.to-contents'))
    if (getComputedStyle(el).display !== 'none') p.push('the contents bar is printed');
  return p;
}

// The index page: each edition's buttons on one row, each button's
// format and size unbroken; the footer's rule spans the sections' width.
function indexLayout() {
  const p = [];
  for (const ul of document.querySelectorAll('ul.files')) {
    const tops = new Set([...ul.children].map((li) => Math.round(li.getBoundingClientRect().top)));
    if (tops.size !== 1) p.push(`${ul.closest('section').id}: its ${ul.children.length} buttons take ${tops.size} rows`);
    for (const span of ul.querySelectorAll('.format, .size')) {
      const lh = parseFloat(getComputedStyle(span).lineHeight) || 20;
      if (span.getClientRects().length > 1 || span.getBoundingClientRect().height > lh * 1.5)
        p.push(`"${span.textContent}" wraps`);
    }
  }
  return p;
}

function rulesAligned() {
  const p = [];
  const footer = document.querySelector('body > footer').getBoundingClientRect();
  const ref = document.querySelector('section.edition, main > section, dl.meta');
  const r = ref.getBoundingClientRect();
  if (Math.abs(footer.left - r.left) > 0.5 || Math.abs(footer.right - r.right) > 0.5)
    p.push(`footer's rule ${Math.round(footer.left)}..${Math.round(footer.right)} px, ` +
      `the others ${Math.round(r.left)}..${Math.round(r.right)} px`);
  return p;
}

const browser = await launch();
try {
  if (shots) mkdirSync(shots, { recursive: true });
  for (const width of [390, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 844 } });
    await page.goto(edition, { waitUntil: 'load' });
    const problems = [];
    // the top, a topic half way, the last section
    const spots = await page.evaluate(() => {
      const parts = [...document.querySelectorAll('main > section')];
      return [0, parts[Math.floor(parts.length / 2)]?.id, parts[parts.length - 1]?.id];
    });
    for (const spot of spots) {
      await page.evaluate((id) => {
        if (id) document.getElementById(id).scrollIntoView(); else window.scrollTo(0, 0);
        window.scrollBy(0, id ? 600 : 0);
      }, spot);
      problems.push(...await page.evaluate(contentsReachable));
      if (shots && spot === spots[1])
        await page.screenshot({ path: `${shots}/${basename(edition, '.html')}-${width}.png` });
    }
    report(`${basename(edition)} at ${width} px: the contents are in reach from anywhere`, problems);
    report(`${basename(edition)} at ${width} px: the footer's rule is as wide as the sections'`,
      await page.evaluate(rulesAligned));
    if (width === 390) {
      await page.emulateMedia({ media: 'print' });
      report(`${basename(edition)}: the way back to the contents is not printed`,
        await page.evaluate(notPrinted));
      await page.emulateMedia({ media: 'screen' });
    }
    await page.goto(index, { waitUntil: 'load' });
    report(`index.html at ${width} px: each edition's download buttons on one row, none wrapped`,
      await page.evaluate(indexLayout));
    report(`index.html at ${width} px: the footer's rule is as wide as the others`,
      await page.evaluate(rulesAligned));
    if (shots) await page.screenshot({ path: `${shots}/index-${width}.png` });
    await page.close();
  }
} catch (e) {
  report('the navigation test runs to the end', [String(e.stack || e)]);
} finally {
  await browser.close();
}
finish();
