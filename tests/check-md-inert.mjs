// check-md-inert.mjs - is a Markdown edition inert? Renders each file with
// markdown-it, raw HTML allowed (as a Markdown viewer that trusts its
// input would), and checks every tag of the result against what Markdown
// itself makes: so no raw HTML from the content got through, and every
// link is http(s), mailto or in-page. The writer's own heading anchors
// (<a id="...">) are the one raw tag allowed.
//
// Usage: node tests/check-md-inert.mjs FILE.md...
// Prints the problems and exits 1, or exits 0 when every file is inert.
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: false });
md.validateLink = () => true; // show every link, so that unsafe ones are seen
const tags = new Set(['p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'blockquote', 'hr', 'br', 's']);
const safeUrl = /^(https?:\/\/|mailto:|#)/i;
let problems = 0;

function problem(file, msg) {
  problems++;
  console.log(`${file}: ${msg}`);
}

for (const file of process.argv.slice(2)) {
  const html = md.render(readFileSync(file, 'utf8'));
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [tag, close, name, rest] = m;
    if (!tags.has(name.toLowerCase())) {
      problem(file, `raw tag ${tag.slice(0, 80)}`);
      continue;
    }
    if (close) continue;
    for (const a of rest.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      const [, attr, value = ''] = a;
      if (attr === 'href' && !safeUrl.test(value)) problem(file, `unsafe link ${tag.slice(0, 80)}`);
      else if (attr === 'id' && name === 'a' && /^[a-z0-9-]+$/.test(value)) continue;
      else if (attr === 'class' && /^language-[\w-]+$/.test(value)) continue;
      else if (!['href', 'title', 'start', 'style'].includes(attr)) problem(file, `attribute ${attr} in ${tag.slice(0, 80)}`);
      else if (attr === 'style' && !/^text-align:(left|right|center)$/.test(value)) problem(file, `style in ${tag.slice(0, 80)}`);
    }
  }
}
process.exit(problems ? 1 : 0);
