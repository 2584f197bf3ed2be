// `npm run bench`: the core and the CLI against baselines measured in the same run.
// Sizes: BENCH_SIZES=1000,10000 (default). Targets are printed beside the ratios; nothing asserts them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { writeCorpus } from './corpus.mjs';
import { benchHotPaths } from './hotPaths.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { SpecIndex } = require(path.join(root, 'out/src/core/specIndex.js'));
const { DEFAULT_CONFIG } = require(path.join(root, 'out/src/core/config.js'));
const { scanOutline } = require(path.join(root, 'out/src/core/outline.js'));
const { ADVERSARIAL_LINES, adversarialSubjects } = require(path.join(root, 'out/test/support/adversarial.js'));
const MarkdownIt = require('markdown-it');

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const template = fs.readFileSync(path.join(root, 'templates/tech-spec-template.md'), 'utf8');
const rows = [];
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function time(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function row(measure, value, baseline, ratioText, target, met) {
  rows.push({ measure, value, baseline, ratio: ratioText, target, met: met === undefined ? '' : met ? 'yes' : 'NO' });
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`);
const fmtBytes = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

function readAll(files) {
  let total = 0;
  for (const file of files) total += fs.readFileSync(file, 'utf8').length;
  return total;
}

function indexAll(files) {
  const index = new SpecIndex(DEFAULT_CONFIG);
  for (const file of files) index.upsert(`file://${file}`, fs.readFileSync(file, 'utf8'));
  return index;
}

function markdownItAll(files) {
  const md = new MarkdownIt();
  let tokens = 0;
  for (const file of files) tokens += md.parse(fs.readFileSync(file, 'utf8'), {}).length;
  return tokens;
}

async function benchSize(count) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `techspec-bench-${count}-`));
  try {
    log(`generating ${count} specs in ${folder}`);
    const files = writeCorpus(folder, count, template);
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    log(`corpus: ${fmtBytes(bytes)}, ${fmtBytes(bytes / count)} a spec`);
    readAll(files); // warm the page cache so every contender reads from memory

    const runs = count >= 10000 ? 3 : 5;
    const raw = median(Array.from({ length: runs }, () => time(() => readAll(files)).ms));
    const cold = median(Array.from({ length: runs }, () => time(() => indexAll(files)).ms));
    log(`markdown-it over ${count} specs (one run)`);
    const full = time(() => markdownItAll(files)).ms;
    row(`cold index build, ${count} specs`, fmtMs(cold), `raw read ${fmtMs(raw)}`, `${(cold / raw).toFixed(2)}× the raw read`, '≤ 3.5×', cold / raw <= 3.5);
    row(`cold index vs markdown-it, ${count} specs`, fmtMs(cold), `markdown-it ${fmtMs(full)}`, `${(full / cold).toFixed(1)}× faster`, '≥ 15× faster', full / cold >= 15);

    if (count === Math.max(...sizes)) {
      const index = indexAll(files);
      const target = files[Math.floor(files.length / 2)];
      const original = fs.readFileSync(target, 'utf8');
      const uri = `file://${target}`;
      const samples = [];
      for (let i = 0; i < 200; i++) {
        const edited = original.replace(/^last_updated: .*$/m, `last_updated: 2026-03-${String((i % 28) + 1).padStart(2, '0')}`) + `\nEdit ${i}.\n`;
        samples.push(time(() => index.upsert(uri, edited)).ms);
      }
      const reindex = median(samples);
      row(`re-index one edited spec (median of 200, ${count} in index)`, fmtMs(reindex), '', '', '≤ 2 ms', reindex <= 2);
      benchLint(folder, files, count);
      benchHeap(folder, count);
      await benchHotPaths({ files, count, row, median, fmtMs, fmtBytes, template });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function benchOutline() {
  const body = template.slice(template.indexOf('\n# ') + 1);
  let big = template;
  while (big.length < 1024 * 1024) big += `\n${body}`;
  scanOutline(big);
  const ours = median(Array.from({ length: 20 }, () => time(() => scanOutline(big)).ms));
  const md = new MarkdownIt();
  const theirs = median(Array.from({ length: 3 }, () => time(() => md.parse(big, {})).ms));
  const headings = scanOutline(big).headings.length;
  row(`outline of a ${fmtBytes(big.length)} spec (${headings} headings)`, fmtMs(ours), `markdown-it ${fmtMs(theirs)}`, `${(theirs / ours).toFixed(1)}× faster`, '≤ 30 ms', ours <= 30);
}

/** Each scanner on adversarial lines of n and of 2n characters: a linear scan about doubles. */
function benchAdversarial() {
  const n = 100_000;
  const ratios = [];
  for (const [subject, run] of adversarialSubjects()) {
    for (const [shape, make] of ADVERSARIAL_LINES) {
      const short = make(n);
      const long = make(2 * n);
      run(short);
      const a = median(Array.from({ length: 5 }, () => time(() => run(short)).ms));
      const b = median(Array.from({ length: 5 }, () => time(() => run(long)).ms));
      // A few milliseconds is timer and GC noise, far from a quadratic blow-up: count it as linear.
      ratios.push({ ratio: b < 5 ? 2 : b / a, where: `${subject}, ${shape}`, b });
    }
  }
  ratios.sort((x, y) => y.ratio - x.ratio);
  const worst = ratios[0];
  row(
    `adversarial lines, ${ratios.length} scanner × line pairs: time(2n)/time(n), n = ${n / 1000}k chars`,
    `median ${median(ratios.map((r) => r.ratio)).toFixed(2)}×`,
    '',
    `worst ${worst.ratio.toFixed(2)}× (${worst.where}, ${fmtMs(worst.b)} at 2n)`,
    '≈ 2× (linear; 4× is quadratic)',
    worst.ratio < 3.5,
  );
}

function benchLint(folder, files, count) {
  const cli = path.join(root, 'dist', 'cli.js');
  log(`techspec lint over ${count} specs`);
  const ours = time(() => spawnSync(process.execPath, [cli, 'lint', '--root', folder, '--format', 'json'], { cwd: folder, maxBuffer: 1 << 30 }));
  if (ours.result.status !== 0 && ours.result.status !== 1) throw new Error(`techspec lint failed: ${ours.result.stderr}`);
  const subset = Math.min(count, 300);
  const subsetFolder = path.join(folder, 'subset');
  fs.mkdirSync(subsetFolder);
  for (const file of files.slice(0, subset)) fs.copyFileSync(file, path.join(subsetFolder, path.basename(file)));
  log(`markdownlint-cli2 over ${subset} specs`);
  const peerBin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const peer = time(() => spawnSync(process.execPath, [peerBin, '*.md'], { cwd: subsetFolder, maxBuffer: 1 << 30 }));
  const oursPerSpec = ours.ms / count;
  const peerPerSpec = peer.ms / subset;
  row(
    `techspec lint, ${count} specs (whole process)`,
    `${fmtMs(ours.ms)} (${fmtMs(oursPerSpec)}/spec)`,
    `markdownlint-cli2 ${fmtMs(peerPerSpec)}/spec (${subset} specs, scaled per spec)`,
    `${(peerPerSpec / oursPerSpec).toFixed(1)}× faster`,
    '≥ 50× faster',
    peerPerSpec / oursPerSpec >= 50,
  );
}

function benchHeap(folder, count) {
  // A child with --expose-gc, so the figure is the index alone, after collection.
  const script = `
    const { SpecIndex } = require(${JSON.stringify(path.join(root, 'out/src/core/specIndex.js'))});
    const { DEFAULT_CONFIG } = require(${JSON.stringify(path.join(root, 'out/src/core/config.js'))});
    const fs = require('fs'); const path = require('path');
    const dir = ${JSON.stringify(path.join(folder, 'docs', 'specs'))};
    const files = fs.readdirSync(dir).map((name) => path.join(dir, name));
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const index = new SpecIndex(DEFAULT_CONFIG);
    for (const file of files) index.upsert('file://' + file, fs.readFileSync(file, 'utf8'));
    gc(); gc();
    const after = process.memoryUsage().heapUsed;
    process.stdout.write(String(after - before));
    if (index.size < files.length) process.exit(3);`;
  const bytes = Number(execFileSync(process.execPath, ['--expose-gc', '-e', script]).toString());
  row(`heap held by the index, ${count} specs`, fmtBytes(bytes), '', `${fmtBytes(bytes / count)}/spec`, '≤ 60 MB', bytes <= 60 * 1024 * 1024);
}

async function benchSizes() {
  // The production build that the .vsix ships: the extension, and yaml in its own file, loaded on first use.
  spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], { cwd: root });
  const bundle = fs.statSync(path.join(root, 'dist/extension.js')).size;
  const yamlBundle = fs.statSync(path.join(root, 'dist/yaml.js')).size;
  row('dist/extension.js (production)', fmtBytes(bundle), '', `+ dist/yaml.js ${fmtBytes(yamlBundle)}, loaded on first use`, '≤ 350 KB', bundle + yamlBundle <= 350 * 1024);
  // The browser build is one file with yaml inside: compare it with the Node bundle and yaml together.
  const webBundle = fs.statSync(path.join(root, 'dist/web/extension.js')).size;
  row('dist/web/extension.js (production, browser)', fmtBytes(webBundle), fmtBytes(bundle + yamlBundle), `${(webBundle / (bundle + yamlBundle)).toFixed(2)}× the Node bundle + yaml`, '≤ 350 KB', webBundle <= 350 * 1024);
  log('packaging the .vsix');
  const vsix = path.join(os.tmpdir(), `techspec-bench-${process.pid}.vsix`);
  const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: root, encoding: 'utf8' });
  if (packaged.status === 0) {
    row('techspec.vsix', fmtBytes(fs.statSync(vsix).size), '', '', '', undefined);
    fs.rmSync(vsix, { force: true });
  } else {
    row('techspec.vsix', 'packaging failed', '', '', '', false);
    log(packaged.stderr);
  }
  // vsce runs the production build into dist/: put the development build back.
  spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root });
}

function printTable() {
  const headers = { measure: 'measure', value: 'value', baseline: 'baseline (same run)', ratio: 'ratio', target: 'target', met: 'met' };
  const keys = Object.keys(headers);
  const widths = keys.map((key) => Math.max(headers[key].length, ...rows.map((r) => String(r[key]).length)));
  const line = (r) => `| ${keys.map((key, i) => String(r[key]).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(headers));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmtBytes(os.totalmem())} RAM, Node ${process.version}`);
}

for (const size of sizes) await benchSize(size);
benchOutline();
benchAdversarial();
await benchSizes();
printTable();
