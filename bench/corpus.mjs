// Generates a corpus of realistic specs from the template: every placeholder filled in with prose,
// statuses spread over the lifecycle, checklists partly done, references to RFCs, PRDs and other specs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { renderTemplate } = require(path.join(root, 'out/src/core/template.js'));

const WORDS = 'service queue cache token request latency retry index shard replica schema migration endpoint payload tenant quota audit rollout canary metric alert budget window batch stream partition consumer producer ledger invoice session gateway policy'.split(' ');
const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED'];

/** A small deterministic PRNG, so every run measures the same corpus. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next, words) {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]);
  picked[0] = picked[0][0].toUpperCase() + picked[0].slice(1);
  return `${picked.join(' ')}.`;
}

export function makeSpec(template, index, next) {
  const id = `TS-${String(index + 1).padStart(5, '0')}`;
  const status = STATUSES[index % STATUSES.length];
  let text = renderTemplate(template, {
    id,
    title: `${sentence(next, 3).slice(0, -1)} ${index}`,
    author: `Author ${index % 37}`,
    created: '2026-01-15',
    lastUpdated: '2026-02-20',
    status,
    decisionRef: `RFC-${String((index % 50) + 1).padStart(4, '0')}`,
    relatedPrd: `PRD-${String((index % 20) + 1).padStart(4, '0')}`,
  });
  // Fill every [placeholder] with prose of a similar length; cite another spec now and then.
  text = text.replace(/\[([^\]\n]+)\](?!\()/g, (whole, inner, offset, all) => {
    if (/^[ xX]$/.test(inner) || all.charAt(offset - 1) === '!' || all.slice(offset - 2, offset) === '- ') return whole;
    const words = Math.max(2, Math.round(inner.length / 7));
    const cite = next() < 0.08 ? ` See TS-${String(Math.floor(next() * (index + 1)) + 1).padStart(5, '0')}.` : '';
    return sentence(next, words) + cite;
  });
  text = text.replace(/- \[ \]/g, () => (next() < 0.4 ? '- [x]' : '- [ ]'));
  return text;
}

/** Writes `count` specs into `folder/docs/specs`; returns their paths. */
export function writeCorpus(folder, count, template, seed = 42) {
  const next = random(seed);
  const specs = path.join(folder, 'docs', 'specs');
  fs.mkdirSync(specs, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(specs, `TS-${String(i + 1).padStart(5, '0')}-spec.md`);
    fs.writeFileSync(file, makeSpec(template, i, next));
    files.push(file);
  }
  const rfcs = path.join(folder, 'docs', 'rfcs');
  fs.mkdirSync(rfcs, { recursive: true });
  for (let i = 1; i <= 50; i++) {
    const id = `RFC-${String(i).padStart(4, '0')}`;
    fs.writeFileSync(path.join(rfcs, `${id}-decision.md`), `---\nrfc_id: ${id}\ntitle: Decision ${i}\nstatus: ACCEPTED\n---\n\n# ${id}: Decision ${i}\n\n## Summary\n\n${sentence(next, 12)}\n`);
  }
  const prds = path.join(folder, 'docs', 'prd');
  fs.mkdirSync(prds, { recursive: true });
  for (let i = 1; i <= 20; i++) {
    const id = `PRD-${String(i).padStart(4, '0')}`;
    fs.writeFileSync(path.join(prds, `${id}-product.md`), `---\nprd_id: ${id}\ntitle: Product ${i}\nstatus: APPROVED\n---\n\n# ${id}: Product ${i}\n\n${sentence(next, 12)}\n`);
  }
  return files;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [folder, count = '1000'] = process.argv.slice(2);
  const template = fs.readFileSync(path.join(root, 'templates/tech-spec-template.md'), 'utf8');
  const files = writeCorpus(path.resolve(folder), Number(count), template);
  console.log(`${files.length} specs in ${folder}`);
}
