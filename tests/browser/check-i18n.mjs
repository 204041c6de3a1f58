// check-i18n.mjs - a page's direction as a reader sees it, in headless
// Chromium at 1280 px: a kit in a language written right to left is
// mirrored (issue 18), one written left to right is not.
//
// Usage: node tests/browser/check-i18n.mjs --dir rtl|ltr [--phrase TEXT]
//          FILE.html...
// --dir is the direction of the kit's language: the side every check
// expects. --phrase: words of the other script that some page holds
// inside text of the kit's (an English name in an Arabic sentence). Per
// page, each where the page has the thing checked:
//   - <html dir> is the direction;
//   - a list, in whatever script, has its markers on the page's start
//     side: its items leave the list's marker gutter on that side, and
//     each item's first line starts at that side;
//   - a rubric band's stripe (its wide border) is on the start side;
//   - a table's first column is on the start side (the rightmost, right
//     to left), the contents' column beside the text on that side too;
//   - code (pre, code) is left to right whatever the page, a listing's
//     line numbers left of its lines;
//   - the phrase sits in a paragraph of the kit's direction, its letters
//     in their own order (left to right for Latin), the words before it
//     on the start side of it.
// Prints one "ok - ..." / "not ok - ..." line per check (run-tests.sh
// counts them), exits non-zero when any fails. CHROMIUM names the browser.
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finish, launch, report } from './lib.mjs';

const opts = { dir: null, phrase: null, files: [] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--dir') opts.dir = process.argv[++i];
  else if (a === '--phrase') opts.phrase = process.argv[++i];
  else opts.files.push(a);
}
if (!['rtl', 'ltr'].includes(opts.dir) || opts.files.length === 0) {
  console.error('usage: check-i18n.mjs --dir rtl|ltr [--phrase TEXT] FILE.html...');
  process.exit(2);
}

// ---- checks that run inside the page: each returns [problems, how many
// things it looked at] ---------------------------------------------------------

// The first strong letter of an element's text: 'rtl' (Hebrew, Arabic,
// Syriac, Thaana...), 'ltr' (Latin, Greek, Cyrillic, CJK...) or null.
function scriptsOf() {
  window.kgScript = (text) => {
    const m = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff]/.exec(text);
    if (!m) return null;
    return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(m[0]) ? 'rtl' : 'ltr';
  };
}

function pageDir(dir) {
  const got = document.documentElement.getAttribute('dir') || 'ltr';
  return [got === dir ? [] : [`<html dir="${got}">`], 1];
}

function listMarkers(dir) {
  const p = [];
  let n = 0;
  for (const list of document.querySelectorAll('main ul, main ol')) {
    const item = list.querySelector(':scope > li');
    if (!item || getComputedStyle(list).listStyleType === 'none') continue;
    n++;
    // every item's first line on the marker's side, whatever its script
    for (const li of list.querySelectorAll(':scope > li')) {
      // the first line: the rectangles of the text before any nested list
      const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      const rects = [];
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        if (t.parentElement.closest('ul, ol') !== list) break;
        if (!t.textContent.trim()) continue;
        const r = document.createRange();
        r.selectNodeContents(t);
        rects.push(...r.getClientRects());
      }
      if (!rects.length) continue;
      const top = Math.min(...rects.map(q => q.top));
      const first = rects.filter(q => q.top < top + 2);
      const line = { left: Math.min(...first.map(q => q.left)),
        right: Math.max(...first.map(q => q.right)) };
      const box = li.getBoundingClientRect();
      const gap = dir === 'rtl' ? box.right - line.right : line.left - box.left;
      if (gap > 2)
        p.push(`"${li.textContent.trim().slice(0, 30)}": its first line starts ${Math.round(gap)} px ` +
          `from the item's ${dir === 'rtl' ? 'right' : 'left'} edge`);
    }
    // an outside marker is drawn in the gutter before the item's start
    // edge: the item's edge on that side meets the list's padding there
    const l = list.getBoundingClientRect(), i = item.getBoundingClientRect();
    const s = getComputedStyle(list);
    const pad = parseFloat(dir === 'rtl' ? s.paddingRight : s.paddingLeft);
    const edge = dir === 'rtl' ? l.right - i.right : i.left - l.left;
    if (!(pad > 8 && Math.abs(edge - pad) < 1 && getComputedStyle(item).direction === dir))
      p.push(`"${item.textContent.trim().slice(0, 30)}": the list's padding is ${s.paddingLeft} ` +
        `left, ${s.paddingRight} right; its item starts ${Math.round(i.left - l.left)} px from the ` +
        `left, ${Math.round(l.right - i.right)} px from the right, ${getComputedStyle(item).direction}`);
  }
  return [p, n];
}

function rubricStripes(dir) {
  const p = [];
  const bands = document.querySelectorAll('dl.rubric > div');
  for (const band of bands) {
    const s = getComputedStyle(band);
    const [start, end] = dir === 'rtl' ? [s.borderRightWidth, s.borderLeftWidth]
      : [s.borderLeftWidth, s.borderRightWidth];
    if (!(parseFloat(start) > parseFloat(end)))
      p.push(`"${band.querySelector('dt').textContent}": left ${s.borderLeftWidth}, right ${s.borderRightWidth}`);
  }
  return [p, bands.length];
}

function firstColumns(dir) {
  const p = [];
  let n = 0;
  for (const row of document.querySelectorAll('.table table tr')) {
    if (row.cells.length < 2 || !row.offsetParent) continue;
    n++;
    const a = row.cells[0].getBoundingClientRect(), b = row.cells[1].getBoundingClientRect();
    if (dir === 'rtl' ? !(a.left >= b.right - 1) : !(a.right <= b.left + 1))
      p.push(`"${row.cells[0].textContent.trim().slice(0, 30)}" is at ${Math.round(a.left)}..${Math.round(a.right)} px, ` +
        `the second cell at ${Math.round(b.left)}..${Math.round(b.right)} px`);
  }
  const nav = document.querySelector('nav.toc'), main = document.querySelector('main');
  if (nav && main && getComputedStyle(nav).position === 'fixed') {
    n++;
    const a = nav.getBoundingClientRect(), b = main.getBoundingClientRect();
    if (dir === 'rtl' ? !(a.left >= b.right - 1) : !(a.right <= b.left + 1))
      p.push(`the contents' column is at ${Math.round(a.left)}..${Math.round(a.right)} px, the text at ` +
        `${Math.round(b.left)}..${Math.round(b.right)} px`);
  }
  return [p, n];
}

function codeLtr() {
  const p = [];
  const code = document.querySelectorAll('pre, code');
  for (const el of code)
    if (getComputedStyle(el).direction !== 'ltr')
      p.push(`<${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}" is ${getComputedStyle(el).direction}`);
  for (const ln of document.querySelectorAll('pre.code .ln')) {
    const next = ln.nextSibling;
    if (!next || next.nodeType !== Node.TEXT_NODE || !next.textContent.trim()) continue;
    const r = document.createRange();
    r.selectNodeContents(next);
    const num = ln.getBoundingClientRect(), text = r.getClientRects()[0];
    if (text && !(num.right <= text.left + 1)) {
      p.push(`line ${ln.dataset.n}'s number is not left of it`);
      break;
    }
  }
  return [p, code.length];
}

function phraseOrder({ phrase, dir }) {
  const p = [];
  let n = 0;
  const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  const r = document.createRange();
  const box = (node, i) => {
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    return r.getBoundingClientRect();
  };
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const at = node.data.indexOf(phrase);
    if (at < 0) continue;
    n++;
    const block = node.parentElement.closest('p, li, h1, h2, h3, h4, h5, h6, dt, dd, td, th');
    const where = `"${node.data.trim().slice(0, 40)}"`;
    if (getComputedStyle(block).direction !== dir)
      p.push(`${where} is in a ${getComputedStyle(block).direction} <${block.tagName.toLowerCase()}>`);
    let last = null;
    for (let i = at; i < at + phrase.length; i++) {
      if (phrase[i - at] === ' ') continue;
      const b = box(node, i);
      if (last && !(b.left >= last.left)) {
        p.push(`${where}: "${phrase[i - at]}" is drawn left of the letter before it`);
        break;
      }
      last = b;
    }
    // the words before the phrase are on the start side of it
    const before = node.data.slice(0, at).search(/\S\s*$/);
    if (before >= 0) {
      const b = box(node, before), first = box(node, at);
      if (dir === 'rtl' ? !(b.left >= first.right - 1) : !(b.right <= first.left + 1))
        p.push(`${where}: the words before the phrase are not on its ${dir === 'rtl' ? 'right' : 'left'}`);
    }
  }
  return [p, n];
}

// ---- one page ---------------------------------------------------------------

let phraseSeen = 0;

async function checkPage(browser, file) {
  const name = basename(file);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  await page.evaluate(scriptsOf);
  const side = opts.dir === 'rtl' ? 'right' : 'left';
  const run = async (what, fn, arg) => {
    const [problems, n] = await page.evaluate(fn, arg);
    if (n > 0 || problems.length) report(`${name}: ${what}`, problems);
    return n;
  };
  await run(`<html dir> is ${opts.dir}`, pageDir, opts.dir);
  await run(`lists have their markers, and their items' lines, on the ${side}`, listMarkers, opts.dir);
  await run(`rubric bands have their stripe on the ${side}`, rubricStripes, opts.dir);
  await run(`tables' first column, and the contents' column, on the ${side}`, firstColumns, opts.dir);
  await run('code is left to right', codeLtr);
  if (opts.phrase)
    phraseSeen += await run(`"${opts.phrase}" reads in order inside ${opts.dir} text`, phraseOrder,
      { phrase: opts.phrase, dir: opts.dir });
  await page.close();
}

const browser = await launch();
try {
  for (const file of opts.files) await checkPage(browser, file);
  if (opts.phrase)
    report(`some page holds "${opts.phrase}"`, phraseSeen ? [] : ['no page holds it']);
} catch (e) {
  report('the direction test runs to the end', [String(e.stack || e)]);
} finally {
  await browser.close();
}
finish();
