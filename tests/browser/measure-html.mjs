// measure-html.mjs - characters per line of an HTML edition's body
// paragraphs as a browser sets them (the PDF's are counted by
// tests/measure.py): each paragraph of a section (not in a table, a box
// or the contents) is split into lines by where its characters land, and
// every line but a paragraph's last is counted. Prints one JSON object,
// {"lines", "median", "p90"}, for a window 1400 px wide.
//
// Usage: node tests/browser/measure-html.mjs EDITION.html
// CHROMIUM names the browser (default /usr/bin/chromium).
import { launch } from './lib.mjs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

if (process.argv.length !== 3) {
  console.error('usage: measure-html.mjs EDITION.html');
  process.exit(2);
}
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(pathToFileURL(resolve(process.argv[2])).href);
const m = await page.evaluate(() => {
  const counts = [];
  const range = document.createRange();
  for (const p of document.querySelectorAll('main section p')) {
    if (p.closest('td, th, .callout, dl.rubric, nav, figure, section.form')) continue;
    const lines = new Map();
    const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (r) lines.set(Math.round(r.top), (lines.get(Math.round(r.top)) || 0) + 1);
      }
    }
    const n = [...lines.values()];
    n.pop(); // a paragraph's last line is as short as it ends
    counts.push(...n.filter((k) => k > 1));
  }
  counts.sort((a, b) => a - b);
  return {
    lines: counts.length,
    median: counts[counts.length >> 1],
    p90: counts[Math.floor(counts.length * 0.9)],
  };
});
console.log(JSON.stringify(m));
await browser.close();
