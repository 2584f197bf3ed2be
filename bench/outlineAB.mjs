// A/B of two builds of scanOutline on the bench's 1 MB spec (the template repeated), in
// interleaved rounds so that load on the machine falls on both alike: CPU ms, medians.
//   node bench/outlineAB.mjs <outline.js of build A> <outline.js of build B> [rounds]
// e.g. A = main's src/core compiled to /tmp/main-out, B = out/src/core/outline.js of this tree.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const [pathA, pathB, roundsArg] = process.argv.slice(2);
if (!pathA || !pathB) throw new Error('usage: node bench/outlineAB.mjs <outline.js A> <outline.js B> [rounds]');
const scanA = require(path.resolve(pathA)).scanOutline;
const scanB = require(path.resolve(pathB)).scanOutline;

const template = fs.readFileSync(path.join(root, 'templates/tech-spec-template.md'), 'utf8');
const body = template.slice(template.indexOf('\n# ') + 1);
let big = template;
while (big.length < 1024 * 1024) big += `\n${body}`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpuMs = (run) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
for (let i = 0; i < 5; i++) {
  scanA(big);
  scanB(big);
}
const a = [];
const b = [];
for (let round = 0; round < Number(roundsArg ?? 15); round++) {
  for (let i = 0; i < 5; i++) a.push(cpuMs(() => scanA(big)));
  for (let i = 0; i < 5; i++) b.push(cpuMs(() => scanB(big)));
}
const same = JSON.stringify(scanA(big).headings.length) === JSON.stringify(scanB(big).headings.length);
console.log(`outline of a ${(big.length / 1024).toFixed(0)} KB spec: A ${median(a).toFixed(1)} ms, B ${median(b).toFixed(1)} ms, B/A ${(median(b) / median(a)).toFixed(2)}${same ? '' : ' (heading counts differ)'}`);
