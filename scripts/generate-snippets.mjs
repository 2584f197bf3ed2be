// Regenerates snippets/tech-spec.code-snippets from templates/tech-spec-template.md.
//
//   node scripts/generate-snippets.mjs          write the file
//   node scripts/generate-snippets.mjs --check  exit 1 if the committed file is out of date
//
// The rules live in scripts/snippets-lib.mjs (shared with test/unit/snippets.test.ts).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnippets, formatSnippetsFile, SNIPPETS_PATH, TEMPLATE_PATH } from './snippets-lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const templateFile = resolve(root, TEMPLATE_PATH);
const snippetsFile = resolve(root, SNIPPETS_PATH);

const text = formatSnippetsFile(buildSnippets(readFileSync(templateFile, 'utf8')));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(snippetsFile, 'utf8').replace(/\r\n/g, '\n');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error(`${SNIPPETS_PATH} is out of date: run \`node scripts/generate-snippets.mjs\`.`);
    process.exit(1);
  }
  console.log(`${SNIPPETS_PATH} is up to date.`);
} else {
  mkdirSync(dirname(snippetsFile), { recursive: true });
  writeFileSync(snippetsFile, text);
  console.log(`Wrote ${SNIPPETS_PATH} (${Object.keys(JSON.parse(text)).length} snippets).`);
}
