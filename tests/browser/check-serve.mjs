// check-serve.mjs - the browser test of `kitgen serve`: headless Chromium
// keeps a served page open while the topic file is edited, broken and
// fixed, and the test asserts that the page reloads by itself each time,
// shows the new content, shows the diagnostics box while the content is
// broken and drops it when fixed, and that the page's policy lets the
// reload script run (no CSP violation in the console).
//
// Usage: node tests/browser/check-serve.mjs URL FILE OLD NEW
//   URL    a served page; FILE a content file whose line OLD is replaced
//          by NEW (then by a broken line, then by OLD again).
// Prints "ok - ..." / "not ok - ..." lines; exits non-zero on a failure.
// CHROMIUM names the browser (default /usr/bin/chromium).
import { finish, launch, report } from './lib.mjs';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [url, file, oldLine, newLine] = process.argv.slice(2);
if (!newLine) {
  console.error('usage: check-serve.mjs URL FILE OLD NEW');
  process.exit(2);
}

// Write FILE with OLD replaced, as editors do: a temporary file, renamed.
const original = readFileSync(file, 'utf8');
function save(text) {
  writeFileSync(`${file}.kitgen-test~`, text);
  renameSync(`${file}.kitgen-test~`, file);
}

// Mark the page, run edit, wait for the page to be a new one (the mark
// gone); what the new page holds.
async function afterReload(page, edit) {
  await page.evaluate(() => { window.kitgenMark = 1; });
  const loaded = page.waitForEvent('load', { timeout: 10000 });
  edit();
  await loaded;
  await page.waitForFunction(() => window.kitgenMark === undefined, null, { timeout: 10000 });
  return page.evaluate(() => ({
    text: document.body.innerText,
    box: document.getElementById('kitgen-diagnostics')?.innerText ?? null,
  }));
}

const browser = await launch();
try {
  const page = await browser.newPage();
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) csp.push(m.text()); });
  const stream = page.waitForRequest((r) => r.url().includes('/_kitgen/events?page='), { timeout: 10000 });
  await page.goto(url, { waitUntil: 'load' });
  await stream;
  // the stream must be open before the first edit
  await page.waitForTimeout(200);

  let got = await afterReload(page, () => save(original.replace(oldLine, newLine)));
  report('the open page reloads after an edit and shows it',
    got.text.includes(newLine.replace(/^title: /, '')) ? [] : ['the new title is not on the page']);
  got = await afterReload(page, () => save(original.replace(oldLine, 'title: [broken')));
  report('a broken save shows the diagnostics over the page',
    got.box && /error: /.test(got.box) && got.text.includes(newLine.replace(/^title: /, ''))
      ? [] : [`box: ${got.box}`]);
  got = await afterReload(page, () => save(original));
  report('fixing it removes the diagnostics', got.box === null ? [] : [`box: ${got.box}`]);
  report('the page policy lets the reload script run', csp);
} catch (e) {
  report('the serve browser test runs to the end', [String(e.stack || e)]);
} finally {
  save(original);
  await browser.close();
}
finish();
