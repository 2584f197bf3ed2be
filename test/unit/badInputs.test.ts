// Bad input: the corpus in test/fixtures/bad, the large generated inputs, and adversarial long
// lines. Every core entry point and the real CLI must get through all of it without throwing,
// with a finding or a reason for each bad file, and ranges inside the document.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type TechSpecConfig } from '../../src/core/config';
import { decodeText } from '../../src/core/encoding';
import { parseFrontMatter, setFrontMatterValue } from '../../src/core/frontMatter';
import { completionContext } from '../../src/core/frontMatterCompletion';
import { buildTemplateModel, factsFrom, isLintTarget, lintSpec, type Finding, type RuleCode } from '../../src/core/lint';
import { findPlaceholders } from '../../src/core/lint/templateModel';
import { parseDocumentText, type ParsedDocument } from '../../src/core/parse';
import { SpecIndex } from '../../src/core/specIndex';
import { skippedSummary, summarize, type SpecSummary } from '../../src/core/summary';
import type { Position, Range } from '../../src/core/text';
import { buildStatusGroups } from '../../src/core/treeModel';
import { MAX_FILE_SIZE, largeBadInputs, writeLargeBadInputs } from '../support/badInputs';
import { buildCli } from '../support/cliRunner';
import { ADVERSARIAL_LINES, adversarialSubjects } from '../support/adversarial';
import { Random, readTemplate, repoRoot } from '../support/fixtures';

const CORPUS = path.join(repoRoot, 'test', 'fixtures', 'bad');
const CLI = path.join(repoRoot, 'dist', 'cli.js');
const TODAY = '2026-06-01';
/** As the corpus's .vscode/settings.json has them: metacharacters and all, unfiltered. */
const PREFIXES = ['TS', 'RFC', 'PRD', 'A+B', '(X', 'T.S'];
const CONFIG: TechSpecConfig = { ...DEFAULT_CONFIG, specsFolder: '.', referencePrefixes: PREFIXES };
const TEMPLATE = buildTemplateModel(readTemplate());

interface Case {
  readonly name: string;
  readonly uri: string;
  /** The text as the callers read it; for a skipped file, read anyway to show the core survives it. */
  readonly text: string;
  readonly size: number;
  /** Why the callers do not parse it. */
  readonly skipped?: string;
  /** What decodeText said about it. */
  readonly warning?: string;
  readonly large: boolean;
}

interface Expectation {
  /** Rule codes that must be among the findings. */
  readonly codes?: readonly RuleCode[];
  /** A finding's message must match this. */
  readonly message?: RegExp;
  readonly isSpec?: boolean;
  /** Shown under "Could not read" in the tree. */
  readonly unreadable?: boolean;
  readonly skipped?: RegExp;
  readonly warning?: RegExp;
  /** No error-level finding. */
  readonly clean?: boolean;
  readonly check?: (parsed: ParsedDocument, summary: SpecSummary, findings: readonly Finding[]) => void;
}

const headingTexts = (parsed: ParsedDocument) => parsed.outline.headings.map((heading) => heading.text);
const referenceIds = (parsed: ParsedDocument) => parsed.references(PREFIXES).map((reference) => reference.id);

const EXPECTED: Readonly<Record<string, Expectation>> = {
  'TS-0001-good.md': { isSpec: true, clean: true, check: (_p, summary) => assert.deepEqual(summary.checklist, { done: 1, total: 2, found: true }) },
  'TS-0002-also-good.md': { isSpec: true, clean: true, check: (_p, summary) => assert.equal(summary.status, 'APPROVED') },
  'TS-0101-unclosed-front-matter.md': { codes: ['TS002'], message: /not closed/, unreadable: true },
  'TS-0102-tabs-in-yaml.md': { codes: ['TS003'], message: /Tabs/, unreadable: true },
  'TS-0103-duplicate-keys.md': { codes: ['TS003'], message: /unique/, unreadable: true },
  'TS-0104-yaml-anchors.md': {
    isSpec: true,
    clean: true,
    codes: ['TS005'],
    check: (parsed) => {
      assert.equal(parsed.frontMatter.data?.author, 'Corpus');
      assert.deepEqual(parsed.frontMatter.data?.reviewers, ['ana', 'bo', 'ana']);
      assert.deepEqual(parsed.frontMatter.data?.owners, { primary: 'payments', fallback: 'payments' });
    },
  },
  'TS-0105-alias-bomb.md': { codes: ['TS003'], message: /alias/i, unreadable: true },
  'TS-0106-front-matter-list.md': { codes: ['TS003'], message: /must be a map/, unreadable: true },
  'TS-0107-front-matter-scalar.md': { codes: ['TS003'], message: /must be a map/, unreadable: true },
  'TS-0108-bom.md': {
    isSpec: true,
    clean: true,
    codes: ['TS030'],
    check: (parsed, summary) => {
      assert.equal(summary.title, 'Byte order mark');
      assert.ok(referenceIds(parsed).includes('RFC-0404'));
    },
  },
  'TS-0109-crlf.md': {
    isSpec: true,
    codes: ['TS006', 'TS030'],
    check: (parsed, _s, findings) => {
      // The value's range is `draft`, not `draft\r`.
      const status = findings.find((finding) => finding.code === 'TS006');
      assert.deepEqual(status?.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } });
      assert.ok(parsed.lines.every((line) => !line.includes('\r')));
      assert.deepEqual(headingTexts(parsed), ['TS-0109: CRLF', 'Executive Summary']);
    },
  },
  'TS-0110-mixed-line-endings.md': {
    isSpec: true,
    codes: ['TS006', 'TS007'],
    check: (parsed) => {
      assert.ok(parsed.lines.every((line) => !line.includes('\r') && !line.includes('\n')));
      assert.deepEqual(headingTexts(parsed), ['TS-0110: Mixed', 'Setext heading']);
      assert.equal(parsed.outline.tasks.length, 1);
    },
  },
  'TS-0111-invalid-utf8.md': { isSpec: true, warning: /UTF-8/, check: (_p, summary) => assert.ok(summary.title?.includes('\uFFFD')) },
  'TS-0112-nul-byte.md': { skipped: /NUL/, unreadable: true },
  'TS-0113-regex-prefixes.md': {
    isSpec: true,
    codes: ['TS010', 'TS030'],
    check: (parsed) => {
      const ids = referenceIds(parsed);
      for (const id of ['A+B-0001', '(X-0002', 'T.S-0003', 'T.S-0006']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
      // Read as patterns, `A+B` and `T.S` would match these; `T.S-0007` is a link destination.
      for (const id of ['AAB-0001', 'TxS-0003', 'T.S-0007', 'B+B-0005']) assert.ok(!ids.some((found) => found.includes(id)), `${id} in ${ids.join(', ')}`);
    },
  },
  'TS-0114-deep-nesting.md': {
    isSpec: true,
    clean: true,
    codes: ['TS005'],
    check: (parsed) => {
      assert.deepEqual(headingTexts(parsed), ['TS-0114: Deep nesting', 'Implementation Checklist']);
      assert.deepEqual(parsed.outline.tasks.map((task) => task.text), ['task at level 201 cites RFC-0404', 'after the deep list']);
      assert.equal(referenceIds(parsed).filter((id) => id === 'RFC-0404').length, 2);
    },
  },
  'TS-0115-empty.md': { codes: ['TS001'] },
  'TS-0116-only-dashes.md': { codes: ['TS002'] },
  'TS-0190-long-heading.md': { isSpec: true, codes: ['TS022'], check: (parsed) => assert.ok(parsed.outline.headings[0].text.length <= 2000) },
  'TS-0191-many-headings.md': {
    isSpec: true,
    codes: ['TS022'],
    check: (parsed) => {
      assert.equal(parsed.outline.headings.length, 50_000);
      assert.equal(new Set(parsed.outline.headings.map((heading) => heading.slug)).size, 50_000);
    },
  },
  'TS-0192-many-tasks.md': { isSpec: true, codes: ['TS030'], check: (_p, summary) => assert.deepEqual(summary.checklist, { done: 33_334, total: 100_000, found: true }) },
  'TS-0193-too-large.md': { skipped: /over maxFileSize/, unreadable: true },
  'TS-0194-yaml-nesting-bomb.md': { codes: ['TS003'], message: /nests more than 100 levels/, unreadable: true },
};

function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const name of fs.readdirSync(CORPUS).sort()) {
    if (!name.endsWith('.md') || name === 'CORPUS.md') continue;
    const bytes = fs.readFileSync(path.join(CORPUS, name));
    const decoded = decodeText(bytes);
    const text = decoded.ok ? decoded.text : new TextDecoder().decode(bytes);
    cases.push({
      name,
      uri: `file:///bad/${name}`,
      text,
      size: bytes.length,
      skipped: decoded.ok ? undefined : `not parsed: ${decoded.reason}`,
      warning: decoded.ok ? decoded.warning : undefined,
      large: false,
    });
  }
  for (const input of largeBadInputs()) {
    const size = Buffer.byteLength(input.text);
    cases.push({
      name: input.name,
      uri: `file:///bad/${input.name}`,
      text: input.text,
      size,
      skipped: size > CONFIG.maxFileSize ? `not parsed: over maxFileSize (${size} bytes)` : undefined,
      large: true,
    });
  }
  return cases;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function assertInside(range: Range, lines: readonly string[], label: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length, `${label}: line ${position.line} of ${lines.length}`);
    const length = lines[position.line].length;
    assert.ok(Number.isInteger(position.character) && position.character >= 0 && position.character <= length, `${label}: character ${position.character} of ${length} on line ${position.line}`);
  }
  assert.ok(comparePositions(range.start, range.end) <= 0, `${label}: range ends before it starts`);
}

function assertClearMessage(message: string, label: string): void {
  assert.ok(message.trim().length >= 10, `${label}: message "${message}"`);
  assert.doesNotMatch(message, /undefined|\[object |NaN|\n/, `${label}: message "${message}"`);
  // A heading's text is cut at 2,000 characters, so no message quotes a whole hostile line.
  assert.ok(message.length <= 2500, `${label}: message of ${message.length} characters`);
}

/** Cursor positions in and around the front matter, and at the end of the text. */
function positions(parsed: ParsedDocument): Position[] {
  const { lines, frontMatter } = parsed;
  const result: Position[] = [];
  const lastFrontMatterLine = Math.min(Math.max(frontMatter.endLine + 1, 2), lines.length - 1, 60);
  const add = (line: number) => {
    const length = lines[line].length;
    for (const character of new Set([0, Math.min(1, length), length >> 1, length])) result.push({ line, character });
  };
  for (let line = 0; line <= lastFrontMatterLine; line++) add(line);
  add(lines.length - 1);
  return result;
}

interface Outcome {
  readonly testCase: Case;
  readonly parsed: ParsedDocument;
  readonly summary: SpecSummary;
  readonly findings: readonly Finding[];
  readonly lintTarget: boolean;
}

describe('bad input', function () {
  this.timeout(120_000);
  const cases = loadCases();
  const outcomes = new Map<string, Outcome>();
  let index: SpecIndex;

  before(() => {
    index = new SpecIndex(CONFIG);
    const parsedByName = new Map<string, ParsedDocument>();
    // The index first, as the callers build it: skipped files get a summary with the reason.
    for (const testCase of cases) {
      const parsed = parseDocumentText(testCase.text);
      parsedByName.set(testCase.name, parsed);
      if (testCase.skipped) index.set(skippedSummary(testCase.uri, testCase.skipped, testCase.size));
      else index.upsert(testCase.uri, testCase.text, parsed, testCase.warning);
    }
    const facts = factsFrom(index);
    for (const testCase of cases) {
      const parsed = parsedByName.get(testCase.name)!;
      const summary = summarize(testCase.uri, testCase.text, CONFIG, parsed);
      const findings = lintSpec({ uri: testCase.uri, parsed, template: TEMPLATE, config: CONFIG, workspace: facts, today: TODAY });
      outcomes.set(testCase.name, { testCase, parsed, summary, findings, lintTarget: isLintTarget(testCase.name, parsed, CONFIG) });
    }
  });

  describe('the corpus', () => {
    it('has an expectation for every file, and CORPUS.md lists every file with what it tests', () => {
      const names = cases.map((testCase) => testCase.name);
      assert.deepEqual([...names].sort(), Object.keys(EXPECTED).sort());
      const corpus = fs.readFileSync(path.join(CORPUS, 'CORPUS.md'), 'utf8');
      assert.ok(!corpus.startsWith('---'), 'CORPUS.md has no front matter');
      for (const name of names) assert.match(corpus, new RegExp(`^\\| \`${name.replace(/[.]/g, '\\.')}\` \\| \\S.+ \\|$`, 'm'), `${name} in CORPUS.md`);
      const listed = [...corpus.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
      assert.deepEqual([...listed].sort(), [...names].sort(), 'CORPUS.md lists exactly the corpus');
    });

    it('names every file like a spec and says in it what it tests', () => {
      for (const testCase of cases) {
        assert.match(testCase.name, /^TS-\d{4}-[a-z0-9-]+\.md$/, testCase.name);
        const quiet = testCase.name === 'TS-0115-empty.md' || testCase.name === 'TS-0116-only-dashes.md';
        if (!quiet) assert.match(testCase.text, /<!-- tests: \S[^\n]* -->/, testCase.name);
      }
      assert.equal(fs.readFileSync(path.join(CORPUS, 'TS-0115-empty.md')).length, 0);
      assert.equal(fs.readFileSync(path.join(CORPUS, 'TS-0116-only-dashes.md'), 'latin1'), '---');
    });

    it('keeps its bytes: BOM, CRLF, mixed endings, invalid UTF-8 and NUL are really there', () => {
      const bytes = (name: string) => fs.readFileSync(path.join(CORPUS, name));
      assert.deepEqual([...bytes('TS-0108-bom.md').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const crlf = bytes('TS-0109-crlf.md').toString('latin1');
      assert.equal(crlf.split('\r\n').length - 1, crlf.split('\n').length - 1, 'every \\n comes after \\r');
      const mixed = bytes('TS-0110-mixed-line-endings.md').toString('latin1');
      assert.ok(mixed.includes('\r\n') && /\r[^\n]/.test(mixed) && /[^\r]\n/.test(mixed));
      assert.equal(decodeText(bytes('TS-0111-invalid-utf8.md')).ok, true);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('TS-0111-invalid-utf8.md')));
      assert.ok(bytes('TS-0112-nul-byte.md').includes(0));
      const settings = JSON.parse(fs.readFileSync(path.join(CORPUS, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(settings, { 'techSpec.specsFolder': '.', 'techSpec.referencePrefixes': PREFIXES });
    });

    it('the large inputs are as large as they say, and not in the repository', () => {
      const byName = new Map(largeBadInputs().map((input) => [input.name, input]));
      const heading = byName.get('TS-0190-long-heading.md')!.text.split('\n').find((line) => line.startsWith('## '))!;
      assert.ok(heading.length >= 100_000);
      assert.equal((byName.get('TS-0191-many-headings.md')!.text.match(/^#{1,6} |^---$/gm) ?? []).length, 50_000 + 2);
      assert.equal((byName.get('TS-0192-many-tasks.md')!.text.match(/^- \[[ x]\] /gm) ?? []).length, 100_000);
      assert.ok(Buffer.byteLength(byName.get('TS-0193-too-large.md')!.text) > MAX_FILE_SIZE);
      for (const input of largeBadInputs()) {
        assert.ok(!fs.existsSync(path.join(CORPUS, input.name)), `${input.name} is committed`);
        assert.match(input.text, /^---\ntech_spec_id: TS-\d{4}\n/, input.name);
      }
    });
  });

  describe('the core', () => {
    it('parses, summarizes, checks and completes every file without throwing, ranges inside the document', () => {
      for (const { testCase, parsed, findings } of outcomes.values()) {
        const { lines } = parsed;
        const label = testCase.name;
        assert.equal(parsed.outline.lineCount, lines.length, label);
        for (const finding of findings) assertInside(finding.range, lines, `${label} ${finding.code}`);
        for (const reference of parsed.references(PREFIXES)) assertInside(reference.range, lines, `${label} reference ${reference.id}`);
        for (const field of parsed.frontMatter.fields) {
          assertInside(field.keyRange, lines, `${label} key ${field.key}`);
          assertInside(field.valueRange, lines, `${label} value of ${field.key}`);
        }
        for (const problem of parsed.frontMatter.problems) assertInside(problem.range, lines, `${label} problem`);
        for (const heading of parsed.outline.headings) {
          assert.ok(heading.line <= heading.endLine && heading.endLine <= heading.sectionEndLine && heading.sectionEndLine < lines.length, label);
        }
        for (const task of parsed.outline.tasks) assert.ok(task.line < lines.length, label);
        for (const fence of parsed.outline.fences) assert.ok(fence.start <= fence.end && fence.end < lines.length, label);
        for (const position of positions(parsed)) {
          const context = completionContext(parsed, position);
          if (context) assertInside(context.range, lines, `${label} completion at ${position.line}:${position.character}`);
        }
      }
    });

    it('gives each bad file a finding with a clear message, or a reason to skip it', () => {
      for (const [name, expected] of Object.entries(EXPECTED)) {
        const { testCase, findings, summary, parsed, lintTarget } = outcomes.get(name)!;
        assert.ok(lintTarget, `${name} is checked`);
        for (const finding of findings) assertClearMessage(finding.message, `${name} ${finding.code}`);
        const codes = new Set(findings.map((finding) => finding.code));
        for (const code of expected.codes ?? []) assert.ok(codes.has(code), `${name}: no ${code} among ${[...codes].join(', ')}`);
        if (expected.message) assert.ok(findings.some((finding) => expected.message!.test(finding.message)), `${name}: no message like ${expected.message}`);
        if (expected.clean) assert.deepEqual(findings.filter((finding) => finding.severity === 'error'), [], name);
        if (expected.skipped) {
          assert.match(testCase.skipped ?? '', expected.skipped, name);
          assertClearMessage(testCase.skipped!, name);
        } else {
          assert.equal(testCase.skipped, undefined, name);
          assert.ok(findings.length > 0 || testCase.warning, `${name}: neither a finding nor a warning`);
        }
        if (expected.warning) assert.match(testCase.warning ?? '', expected.warning, name);
        else assert.equal(testCase.warning, undefined, name);
        if (expected.isSpec !== undefined) assert.equal(summary.isSpec, expected.isSpec, `${name} isSpec`);
        if (expected.unreadable && !expected.skipped) {
          assert.equal(summary.unreadable, true, `${name} unreadable`);
          assertClearMessage(summary.problem ?? '', `${name} summary problem`);
        }
        expected.check?.(parsed, summary, findings);
      }
    });

    it('parses every file to the same result twice', () => {
      for (const testCase of cases.filter((candidate) => !candidate.large)) {
        const a = parseDocumentText(testCase.text);
        const b = parseDocumentText(testCase.text);
        assert.deepEqual({ ...a, references: a.references(PREFIXES) }, { ...b, references: b.references(PREFIXES) }, testCase.name);
      }
    });

    it('puts every unreadable file, skipped or broken, under "Could not read" in the tree, with its reason', () => {
      const groups = buildStatusGroups(index.all(), { statuses: CONFIG.statuses, relativePath: (uri) => uri.slice(uri.lastIndexOf('/') + 1) });
      const byCategory = (category: string) => groups.filter((group) => group.category === category).flatMap((group) => group.specs);
      const unreadable = byCategory('unreadable');
      const expectedUnreadable = Object.entries(EXPECTED).filter(([, expected]) => expected.unreadable).map(([name]) => name);
      assert.deepEqual(unreadable.map((spec) => spec.label).sort(), expectedUnreadable.sort());
      for (const spec of unreadable) assertClearMessage(spec.description, spec.label);
      // Every spec shows up exactly once.
      const shown = groups.flatMap((group) => group.specs.map((spec) => spec.uri));
      assert.equal(new Set(shown).size, shown.length);
      assert.deepEqual(shown.filter((uri) => index.get(uri)?.isSpec).sort(), index.specs().map((spec) => spec.uri).sort());
      assert.deepEqual(byCategory('other').map((spec) => spec.id).sort(), ['TS-0109', 'TS-0110']);
      // Read with U+FFFD: listed with its status, and the tooltip says what was off.
      const invalid = byCategory('status').find((spec) => spec.id === 'TS-0111');
      assert.match(invalid?.tooltip ?? '', /\nWarning: not valid UTF-8: invalid bytes were read as U\+FFFD$/);
      assert.ok(byCategory('status').filter((spec) => spec.id !== 'TS-0111').every((spec) => !spec.tooltip.includes('Warning:')));
      assert.ok(byCategory('status').some((spec) => spec.id === 'TS-0001'));
      assert.ok(byCategory('status').some((spec) => spec.id === 'TS-0002'));
    });

    it('refuses deeply nested YAML before `yaml` can overflow the stack and abort the process', () => {
      // Without the bound, the second or third of these killed Node with a fatal
      // "RegExpCompiler Allocation failed": the overflow is not even catchable.
      for (let round = 0; round < 10; round++) {
        for (const [open, close] of [['[', ']'], ['{a: ', '}']]) {
          const depth = 1000 + round * 500;
          const text = `---\ntech_spec_id: TS-0001\ntags: ${open.repeat(depth)}x${close.repeat(depth)}\n---\n# T\n`;
          const frontMatter = parseFrontMatter(text);
          assert.equal(frontMatter.data, undefined);
          assert.match(frontMatter.problems[0]?.message ?? '', /nests more than 100 levels deep/);
        }
        const blocks = parseFrontMatter(`---\nlist:\n${'- '.repeat(1000 + round)}x\n---\n`);
        assert.match(blocks.problems[0]?.message ?? '', /nests more than 100 levels deep/);
      }
      // Ordinary nesting still reads.
      const nested = parseFrontMatter(`---\na:\n  b:\n    - [1, [2, {c: [3]}]]\n    - ${'['.repeat(40)}x${']'.repeat(40)}\n---\n`);
      assert.deepEqual(nested.problems, []);
      assert.deepEqual((nested.data?.a as { b: unknown[] }).b[0], [1, [2, { c: [3] }]]);
    });

    it('reads aliases across keys, and refuses an edit that would change another key through one', () => {
      const text = '---\ntech_spec_id: TS-0001\ncreated: &day 2024-03-01\nlast_updated: *day\n---\n# T\n';
      const parsed = parseDocumentText(text);
      assert.equal(parsed.frontMatter.data?.last_updated, '2024-03-01');
      assert.ok(!lintSpec({ uri: 'file:///w/TS-0001-t.md', parsed, template: TEMPLATE, config: CONFIG, workspace: { owners: () => [] }, today: TODAY }).some((f) => f.code === 'TS007'));
      // Writing over the anchored value would move last_updated with it.
      assert.equal(setFrontMatterValue(text, 'created', '2024-04-01'), undefined);
      // The alias itself is just a value.
      assert.equal(setFrontMatterValue(text, 'last_updated', '2024-04-01'), text.replace('*day', '2024-04-01'));
      // A tag that reads an empty value as '' is not an empty value: setting null changes it.
      assert.equal(setFrontMatterValue('---\na: !\n---\n', 'a', null), undefined);
    });

    it('refuses front matter too long for `yaml` (its duplicate-key check is quadratic), but not flat front matter of any size', () => {
      const keys = (count: number, value: string) => Array.from({ length: count }, (_, i) => `k${i}: ${value}`).join('\n');
      const flowValues = parseFrontMatter(`---\n${keys(20_000, '[v]')}\n---\n`);
      assert.match(flowValues.problems[0]?.message ?? '', /over 1000 lines long/);
      const longLine = parseFrontMatter(`---\ntitle: ${'[a]'.repeat(20_000)}\n---\n`);
      assert.match(longLine.problems[0]?.message ?? '', /over 32 KB long/);
      // Under the limit, a hostile line still gives a handful of problems, not one per bracket.
      const brackets = parseFrontMatter(`---\ntitle: ${'[a]'.repeat(10_000)}\n---\n`);
      assert.ok(brackets.problems.length > 0 && brackets.problems.length <= 20, `${brackets.problems.length} problems`);
      const flat = parseFrontMatter(`---\n${keys(20_000, 'v')}\n---\n`);
      assert.deepEqual(flat.problems, []);
      assert.equal(flat.data?.k19999, 'v');
    });
  });

  describe('the CLI (dist/cli.js) on a copy of the corpus with the large inputs', () => {
    let root: string;
    const run = (args: readonly string[]) => {
      const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, TECHSPEC_TODAY: TODAY, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull },
      });
      if (result.error) throw result.error;
      return result;
    };
    const noCrash = (stderr: string) => {
      assert.doesNotMatch(stderr, /^\s+at .+[:(]\d+:\d+\)?$/m, 'a stack trace');
      assert.doesNotMatch(stderr, /\b(?:Type|Range|Reference|Syntax)?Error\b|FATAL|out of memory/, 'an error');
    };

    before(() => {
      buildCli();
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-bad-'));
      fs.cpSync(CORPUS, root, { recursive: true });
      writeLargeBadInputs(root);
    });

    after(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it('lint exits 1 (errors found), not a crash, and reports or skips every file with a reason', () => {
      const result = run(['lint', '--root', root]);
      noCrash(result.stderr);
      assert.equal(result.status, 1, result.stderr);
      const reported = new Set(result.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(':'))));
      const skipped = new Map([...result.stderr.matchAll(/^(\S+\.md): skipped, (.+)$/gm)].map((match) => [match[1], match[2]]));
      for (const name of Object.keys(EXPECTED)) {
        const expected = EXPECTED[name];
        if (expected.skipped) {
          assert.match(skipped.get(name) ?? '', /^not parsed: \S/, `${name} not skipped with a reason`);
          assert.ok(!reported.has(name), name);
        } else {
          assert.ok(reported.has(name), `${name} not reported`);
        }
      }
      assert.match(skipped.get('TS-0193-too-large.md') ?? '', /over maxFileSize/);
      assert.match(skipped.get('TS-0112-nul-byte.md') ?? '', /binary/);
      assert.match(result.stderr, /^TS-0111-invalid-utf8\.md: not valid UTF-8/m);
      assert.ok(!reported.has('CORPUS.md'), 'CORPUS.md is no spec');
      for (const line of result.stdout.split('\n').filter(Boolean)) assert.match(line, /^\S+\.md:[1-9]\d*:[1-9]\d* (?:error|warning|information|hint) TS\d{3} \S/, line.slice(0, 300));
      assert.match(result.stderr, /^\d+ specs checked: [1-9]\d* error\(s\)/m);
    });

    it('lint --format json says the same in JSON', () => {
      const result = run(['lint', '--root', root, '--format', 'json']);
      noCrash(result.stderr);
      assert.equal(result.status, 1);
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string; skipped?: string; warning?: string; findings: unknown[] }> };
      const byPath = new Map(report.files.map((file) => [file.path, file]));
      for (const name of Object.keys(EXPECTED)) {
        const file = byPath.get(name);
        assert.ok(file, `${name} missing`);
        assert.ok(file.skipped || file.findings.length > 0, name);
      }
      assert.match(byPath.get('TS-0111-invalid-utf8.md')?.warning ?? '', /UTF-8/);
    });

    it('list exits 0, lists the readable specs and names the unreadable files on stderr', () => {
      const result = run(['list', '--root', root]);
      noCrash(result.stderr);
      assert.equal(result.status, 0, result.stderr);
      for (const id of ['TS-0001', 'TS-0002', 'TS-0104', 'TS-0191', 'TS-0192']) assert.match(result.stdout, new RegExp(`^${id} `, 'm'), id);
      assert.doesNotMatch(result.stdout, /TS-0101|TS-0193/);
      for (const [name, expected] of Object.entries(EXPECTED)) {
        if (expected.unreadable) assert.match(result.stderr, new RegExp(`^${name.replace(/\./g, '\\.')}: not listed, \\S`, 'm'), name);
      }
      const json = run(['list', '--root', root, '--format', 'json']);
      assert.equal(json.status, 0);
      assert.ok((JSON.parse(json.stdout) as unknown[]).length >= 10);
    });
  });

  describe('adversarial long lines', function () {
    // No clock here: `npm run bench` times n against 2n. These lines are long enough that a scan
    // that backtracks (quadratic or worse) would run for minutes and hit this timeout, while a
    // linear one takes milliseconds.
    this.timeout(120_000);
    const N = 400_000;
    for (const [subject, run] of adversarialSubjects()) {
      it(`${subject} gets through every adversarial line`, () => {
        for (const [shape, make] of ADVERSARIAL_LINES) {
          const line = make(N);
          assert.ok(line.length > N * 0.9, `${shape} is only ${line.length} long`);
          assert.doesNotThrow(() => run(line), `${subject} on ${shape}`);
        }
      });
    }

    it('references on a long line find exactly the ids in it, metacharacter prefixes too', () => {
      const line = 'A+B-1 (X-2 T.S-3 A+B-'.repeat(N / 22);
      const ids = parseDocumentText(line).references(PREFIXES).map((reference) => reference.id);
      const repeats = Math.floor(N / 22);
      // After the first, each `A+B-1` follows `A+B-` with no boundary, so it is not an id.
      assert.equal(ids.length, 1 + 2 * repeats);
      assert.deepEqual(ids.slice(0, 5), ['A+B-1', '(X-2', 'T.S-3', '(X-2', 'T.S-3']);
    });

    it('findPlaceholders matches what the regex it replaces matched', () => {
      const regex = /\[([^\]\n]+)\](?![(:[])/g;
      const alphabet = ['[', ']', '(', ':', 'a', ' ', '!', '^', '\n'];
      const random = new Random(7);
      for (let i = 0; i < 3000; i++) {
        let line = '';
        const length = random.int(0, 16);
        for (let j = 0; j < length; j++) line += random.pick(alphabet);
        const expected = [...line.matchAll(regex)].map((match) => ({ text: match[0], inner: match[1], index: match.index }));
        assert.deepEqual(findPlaceholders(line), expected, JSON.stringify(line));
      }
    });
  });
});
