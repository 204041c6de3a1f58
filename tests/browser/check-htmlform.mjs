// check-htmlform.mjs - a panel packet's scorecards filled in, in headless
// Chromium, as an interviewer would: names, date, a rating per line, a
// "prompted" box, evidence with quotes, colons and line breaks. Writes
// what the page's live results show (OUT/live.json) and the card files
// its Save buttons download (OUT/cards/), for tests/t-htmlform.sh to
// compare with `kitgen score`. Then, with JavaScript off, the page is still
// the printable form (OUT/nojs.pdf, printed on A4).
//
// Usage: node tests/browser/check-htmlform.mjs OUT PAGE.html SPEC...
// SPEC is ROUND:OVERALL:RATING,RATING... (the lines' ratings, in order,
// the last repeated): "1:acceptable:strong,weak".
// Prints one "ok - ..." / "not ok - ..." line per check and exits
// non-zero when any fails. CHROMIUM names the browser.
import { finish, launch, report } from './lib.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, file, ...specs] = process.argv.slice(2);
if (!out || !file || specs.length === 0) {
  console.error('usage: check-htmlform.mjs OUT PAGE.html ROUND:OVERALL:RATING,...');
  process.exit(2);
}
const url = pathToFileURL(resolve(file)).href;
mkdirSync(`${out}/cards`, { recursive: true });

// What each round is filled in with: names that need quoting in YAML.
const person = (round) => ({
  candidate: 'Ada "The Tester": O\'Neil',
  interviewer: `Grace: Hopper #${round}`,
  date: '2026-12-03',
});
const evidence = (round, line) =>
  `Round ${round}, line ${line}: said "use a token bucket": it's fair\n- then: # not a comment \\ done`;

async function fill(page, spec) {
  const [round, overall, lines] = spec.split(':');
  const ratings = lines.split(',');
  const form = (sel) => page.locator(`form.card[data-round="${round}"] ${sel}`);
  const p = person(round);
  // one card of the round takes the names; a second card gets them too
  await form('input[data-field="candidate"]').first().fill(p.candidate);
  await form('input[data-field="interviewer"]').first().fill(p.interviewer);
  await form('input[data-field="date"]').first().fill(p.date);
  const dims = await form('tr[data-dim]').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-dim')));
  for (let i = 0; i < dims.length; i++) {
    const row = form(`tr[data-dim="${dims[i]}"]`);
    const rating = ratings[Math.min(i, ratings.length - 1)];
    await row.locator(`input[type="radio"][value="${rating}"]`).check();
    if (i === 0) await row.locator('input[data-mark="prompted"]').check();
    await row.locator('textarea').fill(evidence(round, i + 1));
  }
  await form(`tr[data-overall] input[value="${overall}"]`).check();
  return { round, dims };
}

const browser = await launch();

try {
  // ---- with the script ---------------------------------------------------
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const events = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => events.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(file|blob):/.test(r.url())) events.push(`request: ${r.url().slice(0, 80)}`);
  });
  await page.goto(url, { waitUntil: 'load' });

  const ready = await page.evaluate(() => ({
    live: !!document.getElementById('kg-live'),
    buttons: document.querySelectorAll('.card-save button').length,
    rounds: JSON.parse(document.getElementById('kg-card-data').textContent).rounds.length,
  }));
  report('the script runs: live results and a Save button per round',
    (ready.live ? [] : ['no #kg-live']).concat(ready.buttons === ready.rounds ? []
      : [`${ready.buttons} Save buttons for ${ready.rounds} rounds`]));

  // Save with nothing filled in: a message, no file
  const first = specs[0].split(':')[0];
  const save = (round) => page.locator(`form.card[data-round="${round}"] .card-save button`);
  const status = (round) => page.locator(`form.card[data-round="${round}"] .card-saved`);
  let early = null;
  page.once('download', (d) => { early = d.suggestedFilename(); });
  await save(first).click();
  await page.waitForTimeout(300);
  const msg = await status(first).textContent();
  report('Save on a blank card says what is missing and saves nothing',
    (early ? [`downloaded ${early}`] : []).concat(
      /candidate/.test(msg) && /overall rating/.test(msg) ? [] : [`status: "${msg}"`]));

  const filled = [];
  for (const spec of specs) filled.push(await fill(page, spec));

  const live = await page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent ?? null;
    const cells = (sel) => [...document.querySelectorAll(sel)].map((tr) =>
      [...tr.children].map((c) => c.textContent));
    const total = document.querySelector('#kg-live .card-live-total');
    return {
      rounds: cells('#kg-live tr[data-kg^="round-"]'),
      gates: cells('#kg-live tr[data-kg^="gate-"]'),
      total: total.getAttribute('data-total'),
      verdict: total.getAttribute('data-verdict'),
      line: text('#kg-live .card-live-total'),
      scores: [...document.querySelectorAll('.card-score')].map((p) => p.textContent),
    };
  });
  writeFileSync(`${out}/live.json`, JSON.stringify(live, null, 2));

  const saved = [];
  for (const { round } of filled) {
    const [download] = await Promise.all([page.waitForEvent('download'), save(round).click()]);
    const name = download.suggestedFilename();
    await download.saveAs(`${out}/cards/${name}`);
    saved.push(name);
  }
  const want = filled.map(({ round }) => `ada-the-tester-o-neil-round-${round}-grace-hopper-${round}.yaml`);
  report('Save downloads each round\'s card file, named for candidate, round and interviewer',
    JSON.stringify(saved) === JSON.stringify(want) ? [] : [`saved ${saved}, want ${want}`]);
  const said = await status(filled[0].round).textContent();
  report('the card says where it was saved', said.includes(want[0]) ? [] : [`status: "${said}"`]);

  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    [...document.querySelectorAll('.card-live, .card-save')]
      .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className));
  report('the live results and Save buttons do not print', hidden);
  report('no console errors, page errors or requests', events);
  await context.close();

  // ---- without the script ------------------------------------------------
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(url, { waitUntil: 'load' });
  await still.emulateMedia({ media: 'print' });
  const form = await still.evaluate(() => {
    const p = [];
    const n = (sel) => document.querySelectorAll(sel).length;
    if (n('form.card') === 0) p.push('no card form');
    if (n('.card-live') || n('.card-save')) p.push('live results or Save without a script');
    for (const [sel, what] of [['input.box[type="radio"]', 'a radio'],
      ['input.box[type="checkbox"]', 'a prompted box'], ['textarea.evidence', 'an evidence field'],
      ['input.line[data-field="candidate"]', 'a candidate line']]) {
      const e = document.querySelector(sel);
      if (!e) { p.push(`no ${what}`); continue; }
      const s = getComputedStyle(e);
      if (sel.startsWith('input.box') && (s.appearance !== 'none' || parseFloat(s.borderTopWidth) < 1))
        p.push(`${what} does not print as a box (${s.appearance}, ${s.borderTopWidth})`);
      if (sel.startsWith('input.line') && (parseFloat(s.borderBottomWidth) < 1 || parseFloat(s.borderTopWidth) > 0))
        p.push(`${what} does not print as a line`);
      if (sel.startsWith('textarea') && parseFloat(s.borderTopWidth) > 0)
        p.push(`${what} prints a box inside the evidence cell`);
    }
    return p;
  });
  report('with scripts off the page is the form, inputs printing as boxes and lines', form);
  await still.pdf({ path: `${out}/nojs.pdf`, format: 'A4', printBackground: false });
  report('with scripts off the page prints', []);
  await off.close();
} catch (e) {
  report('the form test runs to the end', [String(e.stack || e)]);
} finally {
  await browser.close();
}
finish();
