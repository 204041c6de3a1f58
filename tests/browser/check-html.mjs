// check-html.mjs - the browser test of kitgen's HTML pages: headless
// Chromium loads each page and the test asserts on what it renders
// (structure, narrow screens, print styles, accessibility through
// axe-core in both colour schemes, no requests and no script), then saves
// screenshots at 1280 px and 390 px, light and dark, for a person to look
// at, and a print-to-PDF of each page.
//
// Usage: node tests/browser/check-html.mjs [--shots DIR] [--questions N]
//          [--topics N] [--tables-fit] [--no-axe] FILE.html...
// --questions / --topics: what an edition page must hold (N question
// sections, N topic parts, N rows in the comparison table); pages with no
// contents (the index) are checked without them. --tables-fit: no table
// may be wider than its column (scrolling inside its box). --no-axe: skip
// the (slow) accessibility scan, for pages built like one already scanned.
// Prints one "ok - ..." / "not ok - ..." line per check (run-tests.sh
// counts them) and exits non-zero when any check fails.
// CHROMIUM names the browser (default /usr/bin/chromium).
import { finish, launch, report } from './lib.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// ---- arguments -----------------------------------------------------------

const opts = { shots: null, questions: null, topics: null, tablesFit: false, axe: true, files: [] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--shots') opts.shots = process.argv[++i];
  else if (a === '--questions') opts.questions = Number(process.argv[++i]);
  else if (a === '--topics') opts.topics = Number(process.argv[++i]);
  else if (a === '--tables-fit') opts.tablesFit = true;
  else if (a === '--no-axe') opts.axe = false;
  else opts.files.push(a);
}
if (opts.files.length === 0) {
  console.error('usage: check-html.mjs [--shots DIR] [--questions N] [--topics N] FILE.html...');
  process.exit(2);
}

// ---- checks that run inside the page --------------------------------------

// The document's shape: language, one h1, heading levels in order,
// landmarks, table headers, unique ids, in-page links that resolve.
function structure() {
  const p = [];
  if (!document.documentElement.lang) p.push('<html> has no lang');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) p.push(`${h1} h1 elements, want 1`);
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > last + 1)
      p.push(`heading "${h.textContent.trim()}" is h${level} after h${last}`);
    last = level;
  }
  const landmarks = {
    'body > header': 1, main: 1, 'body > footer': 1,
  };
  for (const [sel, n] of Object.entries(landmarks)) {
    const got = document.querySelectorAll(sel).length;
    if (got !== n) p.push(`${got} "${sel}" landmarks, want ${n}`);
  }
  for (const th of document.querySelectorAll('th'))
    if (!['col', 'row'].includes(th.getAttribute('scope')))
      p.push(`th "${th.textContent.trim().slice(0, 30)}" has no scope`);
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) p.push(`duplicate id "${el.id}"`);
    seen.add(el.id);
  }
  for (const h of document.querySelectorAll('h2, h3, h4, h5, h6')) {
    const link = h.querySelector('a[href^="#"]');
    if (!link) p.push(`heading "${h.textContent.trim()}" is not linkable`);
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!document.getElementById(id)) p.push(`link to missing #${id}`);
  }
  return p;
}

// Nothing that runs or loads: no script, no event handler attribute, no
// embedded or remote resource, only http(s), mailto and in-page links.
// A panel packet's scorecards are forms (form.card, their controls in
// them) with kitgen's form script: its data block, then the script, last
// in <main> (t-htmlform.sh checks what they do).
function inert() {
  const p = [];
  const banned = 'script, iframe, frame, object, embed, img, picture, svg, math, video, audio, source, link, form, input, button, base, template, textarea, select';
  const data = document.getElementById('kg-card-data');
  const formScript = (el) => el.tagName === 'SCRIPT' && data && el.parentElement === document.querySelector('main') &&
    ((el === data && el.type === 'application/json') ||
     (el === data.nextElementSibling && !el.type && !el.src && el === el.parentElement.lastElementChild));
  const cardForm = (el) => data && (el.matches('form.card') ||
    (['INPUT', 'TEXTAREA', 'BUTTON'].includes(el.tagName) && el.closest('form.card')));
  for (const el of document.querySelectorAll(banned))
    if (!formScript(el) && !cardForm(el)) p.push(`<${el.tagName.toLowerCase()}> element`);
  if (document.querySelectorAll('style').length !== 1)
    p.push(`${document.querySelectorAll('style').length} style elements, want 1`);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) p.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      if (['src', 'srcset', 'action', 'formaction', 'background', 'poster', 'style'].includes(attr.name))
        p.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
    }
  }
  for (const a of document.querySelectorAll('[href]')) {
    const href = a.getAttribute('href');
    if (a.tagName !== 'A') p.push(`href on <${a.tagName.toLowerCase()}>`);
    else if (!/^(https?:\/\/|mailto:|#)/i.test(href)) {
      // the index links the build's own files, by plain relative name
      if (!(document.body.dataset.page === 'index' && /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.[a-z]+$/.test(href)))
        p.push(`link to "${href.slice(0, 60)}"`);
    }
  }
  return p;
}

// The page never scrolls sideways. A table too wide for its column
// scrolls inside its own box instead; with tablesFit, that is an error too
// (real content has no word too long for a table).
function noHorizontalScroll(tablesFit) {
  const p = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width)
    p.push(`page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
  for (const box of document.querySelectorAll('.table'))
    if (tablesFit && box.scrollWidth > box.clientWidth + 1)
      p.push(`a table is ${box.scrollWidth} px wide in a ${box.clientWidth} px column`);
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    // a table and a code listing scroll sideways inside their own box
    // (which must fit); what they hold may be wider
    if (el.closest('.table') || el.parentElement?.closest('pre.code')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && getComputedStyle(el).position !== 'fixed') {
      p.push(`<${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}" ends at ${Math.round(r.right)} px`);
      break;
    }
  }
  return p;
}

function edition(expect) {
  const p = [];
  const count = (sel) => document.querySelectorAll(sel).length;
  if (expect.questions !== null && count('section[id^="q-"]') !== expect.questions)
    p.push(`${count('section[id^="q-"]')} question sections, want ${expect.questions}`);
  if (expect.topics !== null) {
    if (count('main > section[id^="topic-"]') !== expect.topics)
      p.push(`${count('main > section[id^="topic-"]')} topic parts, want ${expect.topics}`);
    const rows = count('#comparison table tbody tr');
    if (rows !== expect.topics) p.push(`comparison table has ${rows} rows, want ${expect.topics}`);
  }
  if (count('nav.toc a[href^="#"]') === 0) p.push('the contents have no links');
  for (const band of document.querySelectorAll('dl.rubric > div'))
    if (!/band-(strong|acceptable|weak)/.test(band.className))
      p.push(`rubric row without a band: ${band.className}`);
  return p;
}

// Under print media (and a dark scheme preference): light colours, each
// topic on a new page, rubric rows and table rows never split, links show
// their target.
function printStyles() {
  const p = [];
  const body = getComputedStyle(document.body);
  if (body.backgroundColor !== 'rgb(255, 255, 255)' && body.backgroundColor !== 'rgba(0, 0, 0, 0)')
    p.push(`print background is ${body.backgroundColor}`);
  if (body.color !== 'rgb(0, 0, 0)') p.push(`print text colour is ${body.color}`);
  for (const s of document.querySelectorAll('section.new-page'))
    if (getComputedStyle(s).breakBefore !== 'page') p.push(`#${s.id} does not start a page`);
  for (const s of document.querySelectorAll('main > section[id^="topic-"]'))
    if (!s.classList.contains('new-page')) p.push(`topic #${s.id} is not marked new-page`);
  for (const r of document.querySelectorAll('dl.rubric > div, tr'))
    if (getComputedStyle(r).breakInside !== 'avoid') {
      p.push(`a rubric or table row may split across pages`);
      break;
    }
  const nav = document.querySelector('nav.toc');
  if (nav && getComputedStyle(nav).position !== 'static') p.push('contents are not in the flow');
  for (const a of document.querySelectorAll('main a[href^="http"], main a[href^="mailto:"]')) {
    const after = getComputedStyle(a, '::after').content;
    if (!after.includes(a.getAttribute('href'))) p.push(`link "${a.textContent}" prints no target`);
  }
  return p;
}

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), first: ${v.nodes[0].target.join(' ')}` +
      (v.nodes[0].failureSummary ? ` - ${v.nodes[0].failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''));
  });
  return result;
}

// ---- one page ---------------------------------------------------------------

async function checkPage(browser, file) {
  const url = pathToFileURL(resolve(file)).href;
  const name = basename(file);
  const base = name.replace(/\.html$/, '');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const events = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => events.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { events.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => {
    if (r.url().split('#')[0] !== url) events.push(`request: ${r.url().slice(0, 80)}`);
  });
  page.on('popup', () => events.push('popup opened'));

  await page.goto(url, { waitUntil: 'load' });
  const isEdition = await page.evaluate(() => !!document.querySelector('nav.toc'));

  report(`${name}: structure (lang, one h1, heading order, landmarks, th scope, ids, anchors)`,
    await page.evaluate(structure));
  report(`${name}: inert (no script, handlers, embeds or unsafe links)`, await page.evaluate(inert));
  if (isEdition)
    report(`${name}: holds the edition (questions, topics, comparison rows, contents, rubric bands)`,
      await page.evaluate(edition, { questions: opts.questions, topics: opts.topics }));

  for (const width of [360, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    report(`${name}: no horizontal scroll at ${width} px`,
      await page.evaluate(noHorizontalScroll, opts.tablesFit));
  }

  for (const scheme of opts.axe ? ['light', 'dark'] : []) {
    await page.emulateMedia({ media: 'screen', colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    report(`${name}: axe-core finds no accessibility problem (${scheme}, 1280 px)`, await axe(page));
    await page.setViewportSize({ width: 390, height: 844 });
    report(`${name}: axe-core finds no accessibility problem (${scheme}, 390 px)`, await axe(page));
  }

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  report(`${name}: print styles (light colours, new pages, rows kept whole)`, await page.evaluate(printStyles));

  report(`${name}: no console errors, dialogs, popups or requests`, events);
  await context.close();
  if (opts.shots) await screenshots(browser, url, base, isEdition);
}

// Screenshots of the top of the page and, in an edition, of a question,
// the comparison table and a rubric; light and dark, wide and narrow.
async function shoot(page, base, isEdition) {
  mkdirSync(opts.shots, { recursive: true });
  const spots = [['top', null]];
  if (isEdition) {
    const ids = await page.evaluate(() => ({
      question: document.querySelector('section[id^="q-"]')?.id,
      comparison: document.querySelector('#comparison') ? 'comparison' : undefined,
      rubric: document.querySelector('section dl.rubric')?.closest('section')?.id,
      scorecard: document.querySelector('.scorecard')?.closest('section')?.id,
      notes: document.querySelector('.notes')?.closest('section')?.id,
      contents: 'contents',
    }));
    for (const [spot, id] of Object.entries(ids)) if (id) spots.push([spot, id]);
  }
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ media: 'screen', colorScheme: scheme });
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      for (const [spot, id] of spots) {
        await page.evaluate((target) => {
          if (target) document.getElementById(target).scrollIntoView();
          else window.scrollTo(0, 0);
        }, id);
        await page.screenshot({ path: `${opts.shots}/${base}-${width}-${scheme}-${spot}.png` });
      }
    }
  }
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.pdf({ path: `${opts.shots}/${base}-print.pdf`, format: 'A4', printBackground: false });
}

// The pictures are taken in a page of their own, freshly loaded, not in the
// one the checks ran in: in a full `make test` Chromium's compositor now
// and then stalled on a screenshot of the public kit after the axe runs
// and the print emulation, until the timeout. Pictures are for people, not
// checks, so a set that times out is taken again once, in a new page,
// before the run gives up.
async function screenshots(browser, url, base, isEdition) {
  for (let attempt = 1; ; attempt++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await shoot(page, base, isEdition);
      return;
    } catch (e) {
      if (e.name !== 'TimeoutError' || attempt === 2) throw e;
    } finally {
      await context.close();
    }
  }
}

// ---- main -------------------------------------------------------------------

const browser = await launch();
try {
  for (const file of opts.files) await checkPage(browser, file);
} catch (e) {
  report('the browser test runs to the end', [String(e.stack || e)]);
} finally {
  await browser.close();
}
finish();
