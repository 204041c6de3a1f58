// lib.mjs - what the browser tests (tests/browser/*.mjs) share: headless
// Chromium started the one way they all run it, and the report lines
// run-tests.sh counts.
//
// report(NAME, PROBLEMS) prints "ok - NAME" when PROBLEMS is empty, else
// "not ok - NAME" and the first problems, indented; failures() says how
// many checks failed, finish() exits with status 1 when any did.
// launch() starts the browser CHROMIUM names (default /usr/bin/chromium);
// when it cannot, that is a failed check "Chromium starts" and the
// script exits.
import { chromium } from 'playwright-core';

const SHOWN = 15; // problems printed under a failed check

let failed = 0;

export function report(name, problems) {
  if (problems.length === 0) {
    console.log(`ok - ${name}`);
    return;
  }
  failed++;
  console.log(`not ok - ${name}`);
  for (const p of problems.slice(0, SHOWN)) console.log(`    ${p}`);
  if (problems.length > SHOWN) console.log(`    ... and ${problems.length - SHOWN} more`);
}

export function failures() {
  return failed;
}

export function finish() {
  process.exit(failed ? 1 : 0);
}

export async function launch() {
  try {
    return await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (e) {
    report('Chromium starts', [String(e.message || e)]);
    process.exit(1);
  }
}
