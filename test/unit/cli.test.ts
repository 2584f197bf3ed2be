// The real `techspec` bin (dist/cli.js, bundled by scripts/build.mjs) on fixture folders in a temp dir.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocumentText } from '../../src/core/parse';
import { buildCli, CLI_TODAY as TODAY, makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { FILLED, REPO_ROOT, lint, removeSection, withFrontMatter } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const run = (cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}) => runCli(CLI, cwd, args, env);
const workspace = makeFolder;

/** The filled spec under another id (front matter and title heading). */
function specWithId(id: string, text = FILLED): string {
  return text.replace(/TS-0001/g, id);
}

const RFC = '---\nrfc_id: RFC-0007\ntitle: Auth tokens\n---\n# RFC-0007: Auth tokens\n';
const PRD = '---\nprd_id: PRD-0012\ntitle: Login\n---\n# PRD-0012: Login\n';
// IN_REVIEW: a missing section is a warning there (in a DRAFT it is information, see 'severities per status').
const WARN_SPEC = specWithId('TS-0002', removeSection(withFrontMatter({ status: 'IN_REVIEW' }), 'Data Model'));
const ERROR_SPEC = specWithId('TS-0003', withFrontMatter({ status: 'draft' }));

/** A workspace with a clean spec, one with a warning, one with an error, and the documents they cite. */
function standardWorkspace(extra: Readonly<Record<string, string | Uint8Array>> = {}): string {
  return workspace({
    'docs/specs/TS-0001-payment-retries.md': FILLED,
    'docs/specs/TS-0002-warn.md': WARN_SPEC,
    'docs/specs/TS-0003-error.md': ERROR_SPEC,
    'docs/rfcs/RFC-0007-auth-tokens.md': RFC,
    'docs/prd/PRD-0012-login.md': PRD,
    'README.md': '# Project\n\nSee TS-0001.\n',
    ...extra,
  });
}

const SECTION_LINE = FILLED.split('\n').indexOf('## Executive Summary') + 1;
const WARN_LINE = `docs/specs/TS-0002-warn.md:${SECTION_LINE}:1 warning TS020 Missing section "## Data Model".`;
const ERROR_LINE = 'docs/specs/TS-0003-error.md:4:9 error TS006 Unknown status "draft": did you mean "DRAFT"?';
const LINE_SHAPE = /^(?<path>[^:]+):(?<line>[1-9]\d*):(?<column>[1-9]\d*) (?<severity>error|warning|information|hint) (?<code>TS\d{3}) (?<message>\S.*)$/;

describe('techspec CLI (dist/cli.js)', function () {
  this.timeout(120_000);

  before(() => {
    buildCli();
    assert.ok(fs.existsSync(CLI));
  });

  after(removeFolders);

  describe('usage', () => {
    it('--help prints the usage and exits 0', () => {
      const result = run(os.tmpdir(), ['--help']);
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^techspec — /);
      for (const command of ['techspec lint', 'techspec list', 'techspec new']) assert.ok(result.stdout.includes(command), command);
      assert.equal(result.stderr, '');
    });

    it('--version prints the package version and exits 0', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      const result = run(os.tmpdir(), ['--version']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, `${version}\n`);
    });

    it('an unknown command exits 2 with a message', () => {
      const root = workspace({});
      const result = run(root, ['frobnicate']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'techspec: unknown command "frobnicate"\n');
    });

    it('no command exits 2 with the usage', () => {
      const result = run(workspace({}), []);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Usage:/);
    });

    it('a bad --format exits 2', () => {
      const result = run(standardWorkspace(), ['lint', '--format', 'xml']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'techspec: --format must be text or json, not "xml".\n');
    });

    it('an unknown option exits 2', () => {
      const result = run(standardWorkspace(), ['lint', '--bogus']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^techspec: .*--bogus/);
    });

    it('a nonexistent path exits 2 with a clear message', () => {
      const result = run(standardWorkspace(), ['lint', 'docs/specs/TS-0404-nope.md']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'techspec: cannot read docs/specs/TS-0404-nope.md: no such file or folder\n');
    });

    it('a --root that is not a folder exits 2', () => {
      const root = standardWorkspace();
      const result = run(root, ['lint', '--root', 'missing']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `techspec: cannot read ${path.join(root, 'missing')}: not a folder\n`);
    });
  });

  describe('lint', () => {
    it('prints path:line:col severity code message, 1-based, and exits 1 on an error', () => {
      const result = run(standardWorkspace(), ['lint']);
      assert.equal(result.status, 1);
      const lines = result.stdout.split('\n');
      assert.equal(lines.pop(), '', 'output ends with a line break');
      assert.deepEqual(lines, [WARN_LINE, ERROR_LINE]);
      for (const line of lines) assert.match(line, LINE_SHAPE);
      assert.equal(result.stderr, '3 specs checked: 1 error(s), 1 warning(s), 0 information.\n');
    });

    it('reports what the core reports, position for position', () => {
      const root = standardWorkspace();
      const result = run(root, ['lint', 'docs/specs/TS-0003-error.md']);
      const expected = lint(ERROR_SPEC, { self: ['TS-0003'], uri: `file://${path.join(root, 'docs/specs/TS-0003-error.md')}` }).map(
        (finding) =>
          `docs/specs/TS-0003-error.md:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.code} ${finding.message}`,
      );
      assert.deepEqual(result.stdout.split('\n').slice(0, -1), expected);
    });

    it('exits 0 when there are only warnings', () => {
      const result = run(standardWorkspace(), ['lint', 'docs/specs/TS-0002-warn.md']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, `${WARN_LINE}\n`);
      assert.equal(result.stderr, '1 spec checked: 0 error(s), 1 warning(s), 0 information.\n');
    });

    it('exits 0 with no output lines for a clean spec', () => {
      const result = run(standardWorkspace(), ['lint', 'docs/specs/TS-0001-payment-retries.md']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, '1 spec checked: 0 error(s), 0 warning(s), 0 information.\n');
    });

    it('paths are relative to the root, also with --root from another working directory', () => {
      const root = standardWorkspace();
      const result = run(path.dirname(root), ['lint', '--root', path.basename(root)]);
      assert.equal(result.status, 1);
      assert.deepEqual(result.stdout.split('\n').slice(0, -1), [WARN_LINE, ERROR_LINE]);
    });

    it('--format json gives the documented shape', () => {
      const result = run(standardWorkspace(), ['lint', '--format', 'json']);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, '');
      const report = JSON.parse(result.stdout) as {
        files: Array<{ path: string; skipped?: string; findings: Array<Record<string, unknown>> }>;
        summary: Record<string, number>;
      };
      assert.deepEqual(Object.keys(report).sort(), ['files', 'summary']);
      assert.deepEqual(report.summary, { files: 3, error: 1, warning: 1, information: 0, hint: 0 });
      assert.deepEqual(
        report.files.map((file) => file.path),
        ['docs/specs/TS-0001-payment-retries.md', 'docs/specs/TS-0002-warn.md', 'docs/specs/TS-0003-error.md'],
      );
      assert.deepEqual(report.files[0], { path: 'docs/specs/TS-0001-payment-retries.md', findings: [] });
      const summaryLine = FILLED.split('\n')[SECTION_LINE - 1];
      assert.deepEqual(report.files[1].findings, [
        { line: SECTION_LINE, column: 1, endLine: SECTION_LINE, endColumn: summaryLine.length + 1, severity: 'warning', code: 'TS020', message: 'Missing section "## Data Model".' },
      ]);
      assert.deepEqual(report.files[2].findings, [
        { line: 4, column: 9, endLine: 4, endColumn: 14, severity: 'error', code: 'TS006', message: 'Unknown status "draft": did you mean "DRAFT"?' },
      ]);
    });

    it('checks only specs: documents without a tech_spec_id outside the specs folder are left alone', () => {
      const root = standardWorkspace({ 'docs/notes.md': '# Notes\n\n[Name]\n', 'docs/specs/README.md': '# Specs\n' });
      const result = run(root, ['lint', '--format', 'json']);
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string }> };
      assert.deepEqual(report.files.map((file) => file.path), ['docs/specs/TS-0001-payment-retries.md', 'docs/specs/TS-0002-warn.md', 'docs/specs/TS-0003-error.md']);
    });

    describe('configuration', () => {
      it('.techspec.json turns a rule off', () => {
        const root = standardWorkspace({ '.techspec.json': JSON.stringify({ rules: { TS020: 'off' } }) });
        const result = run(root, ['lint']);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, `${ERROR_LINE}\n`);
      });

      it('.techspec.json changes a severity by rule name, and may use the techSpec. prefix', () => {
        const byName = run(standardWorkspace({ '.techspec.json': '{ "rules": { "status-unknown": "warning" } }' }), ['lint']);
        assert.equal(byName.status, 0);
        assert.equal(byName.stdout, `${WARN_LINE}\n${ERROR_LINE.replace(' error TS006', ' warning TS006')}\n`);
        const prefixed = run(standardWorkspace({ '.techspec.json': '{ "techSpec.rules": { "TS006": "off", "TS020": "error" } }' }), ['lint']);
        assert.equal(prefixed.status, 1);
        assert.equal(prefixed.stdout, `${WARN_LINE.replace(' warning TS020', ' error TS020')}\n`);
      });

      it('.vscode/settings.json with comments (techSpec.rules) applies', () => {
        const settings = [
          '// Workspace settings',
          '{',
          '  /* the spec checks */',
          '  "techSpec.rules": { "TS006": "off" }, // no status errors',
          '  "editor.tabSize": 2,',
          '}',
        ].join('\n');
        const root = standardWorkspace({ '.vscode/settings.json': settings });
        const result = run(root, ['lint']);
        assert.equal(result.status, 0);
        assert.equal(result.stdout, `${WARN_LINE}\n`);
      });

      it('.techspec.json wins over .vscode/settings.json', () => {
        const root = standardWorkspace({
          '.vscode/settings.json': '{\n  // off here\n  "techSpec.rules": { "TS020": "off", "TS006": "off" },\n  "techSpec.staleAfterDays": 1\n}\n',
          '.techspec.json': '{ "rules": { "TS020": "error" } }',
        });
        const result = run(root, ['lint']);
        assert.equal(result.status, 1);
        // rules come whole from .techspec.json (TS006 is back); staleAfterDays still from settings.json.
        assert.deepEqual(result.stdout.split('\n').slice(0, -1), [
          'docs/specs/TS-0001-payment-retries.md:8:15 information TS040 Last updated 12 days ago while DRAFT: update the spec or its status.',
          'docs/specs/TS-0002-warn.md:8:15 information TS040 Last updated 12 days ago while IN_REVIEW: update the spec or its status.',
          WARN_LINE.replace(' warning TS020', ' error TS020'),
          ERROR_LINE,
        ]);
      });

      it('a severity that is not one is ignored: the default stays', () => {
        const result = run(standardWorkspace({ '.techspec.json': '{ "rules": { "TS006": "fatal", "TS020": "warn" } }' }), ['lint']);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, `${WARN_LINE}\n${ERROR_LINE}\n`);
      });

      it('a .techspec.json with comments and a trailing comma is read', () => {
        const root = standardWorkspace({ '.techspec.json': '{\n  // quiet\n  "rules": { "TS020": "off", "TS006": "off", },\n}\n' });
        const result = run(root, ['lint']);
        assert.equal(result.status, 0);
        assert.equal(result.stdout, '');
      });

      it('a .techspec.json that is not valid JSON exits 2 instead of falling back to the defaults', () => {
        for (const broken of ['{ rules: { TS020: "off" } }', '{ "rules": { "TS020": "off" }', '{ "maxFileSize": 10,, "x": 1 }']) {
          const result = run(standardWorkspace({ '.techspec.json': broken }), ['lint']);
          assert.equal(result.status, 2, broken);
          assert.equal(result.stdout, '', broken);
          assert.match(result.stderr, /^techspec: .*\.techspec\.json is not valid JSON: \w+ at line \d+, column \d+\.\n$/, broken);
        }
      });

      it('a .techspec.json that is not an object exits 2', () => {
        const result = run(standardWorkspace({ '.techspec.json': '[1, 2]' }), ['lint']);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^techspec: .*\.techspec\.json must hold a JSON object\.\n$/);
      });
    });

    describe('files that cannot be read as text', () => {
      it('a binary file is skipped with a reason, without crashing', () => {
        const binary = Buffer.concat([Buffer.from('---\ntech_spec_id: TS-0004\n---\n'), Buffer.from([0, 1, 2, 0, 255])]);
        const root = standardWorkspace({ 'docs/specs/TS-0004-binary.md': binary });
        const text = run(root, ['lint']);
        assert.equal(text.status, 1);
        assert.deepEqual(text.stdout.split('\n').slice(0, -1), [WARN_LINE, ERROR_LINE]);
        assert.equal(text.stderr, 'docs/specs/TS-0004-binary.md: skipped, not parsed: binary file (contains NUL bytes)\n4 specs checked: 1 error(s), 1 warning(s), 0 information.\n');
        const json = JSON.parse(run(root, ['lint', '--format', 'json']).stdout) as { files: Array<{ path: string; skipped?: string; findings: unknown[] }> };
        assert.deepEqual(json.files.find((file) => file.path === 'docs/specs/TS-0004-binary.md'), {
          path: 'docs/specs/TS-0004-binary.md',
          skipped: 'not parsed: binary file (contains NUL bytes)',
          findings: [],
        });
        const explicit = run(root, ['lint', 'docs/specs/TS-0004-binary.md']);
        assert.equal(explicit.status, 0);
        assert.equal(explicit.stdout, '');
        assert.match(explicit.stderr, /^docs\/specs\/TS-0004-binary\.md: skipped, not parsed: binary file/);
      });

      it('a file over maxFileSize is skipped with a reason', () => {
        const big = specWithId('TS-0005', withFrontMatter({ status: 'draft' })) + `\n${'x'.repeat(99)}\n`.repeat(2000);
        const root = standardWorkspace({ 'docs/specs/TS-0005-big.md': big, '.techspec.json': '{ "maxFileSize": 100000 }' });
        const size = Buffer.byteLength(big);
        assert.ok(size > 100_000);
        const result = run(root, ['lint', 'docs/specs/TS-0005-big.md']);
        assert.equal(result.status, 0, 'its error is not reported: it was not read');
        assert.equal(result.stdout, '');
        assert.equal(
          result.stderr,
          `docs/specs/TS-0005-big.md: skipped, not parsed: ${(size / 1024).toFixed(1)} KB is over maxFileSize (97.7 KB)\n1 spec checked: 0 error(s), 0 warning(s), 0 information.\n`,
        );
      });

      it('invalid UTF-8 does not crash: the text is read with replacement characters', () => {
        const bytes = Buffer.concat([Buffer.from(specWithId('TS-0006', withFrontMatter({ status: 'draft' }))), Buffer.from([0xc3, 0x28, 0xff, 0x0a])]);
        const root = standardWorkspace({ 'docs/specs/TS-0006-latin1.md': bytes });
        const result = run(root, ['lint', 'docs/specs/TS-0006-latin1.md']);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, 'docs/specs/TS-0006-latin1.md:4:9 error TS006 Unknown status "draft": did you mean "DRAFT"?\n');
      });

      it('a UTF-16 file with a byte order mark is read', () => {
        const text = specWithId('TS-0007', withFrontMatter({ status: 'draft' }));
        const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const root = standardWorkspace({ 'docs/specs/TS-0007-utf16.md': bytes });
        const result = run(root, ['lint', 'docs/specs/TS-0007-utf16.md']);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, 'docs/specs/TS-0007-utf16.md:4:9 error TS006 Unknown status "draft": did you mean "DRAFT"?\n');
      });
    });

    describe('targets', () => {
      it('a glob', () => {
        const root = standardWorkspace();
        const result = run(root, ['lint', 'docs/specs/*-warn.md']);
        assert.equal(result.status, 0);
        assert.equal(result.stdout, `${WARN_LINE}\n`);
        const both = run(root, ['lint', 'docs/**/TS-000[23]-*.md']);
        assert.equal(both.status, 1);
        assert.equal(both.stdout, `${WARN_LINE}\n${ERROR_LINE}\n`);
      });

      it('a folder: its Markdown files, folders named like files ignored', () => {
        const root = standardWorkspace({ 'docs/specs/nested/TS-0008-nested.md': specWithId('TS-0008', withFrontMatter({ status: 'Draft' })) });
        fs.mkdirSync(path.join(root, 'docs', 'specs', 'TS-0009-folder.md'));
        const result = run(root, ['lint', 'docs/specs']);
        assert.equal(result.status, 1);
        assert.deepEqual(result.stdout.split('\n').slice(0, -1), [
          WARN_LINE,
          ERROR_LINE,
          'docs/specs/nested/TS-0008-nested.md:4:9 error TS006 Unknown status "Draft": did you mean "DRAFT"?',
        ]);
        assert.equal(result.stderr, '4 specs checked: 2 error(s), 1 warning(s), 0 information.\n');
      });

      it('file names with spaces, % and brackets', () => {
        const name = 'docs/specs/TS-0011-50% [copy].md';
        const root = standardWorkspace({ [name]: specWithId('TS-0011', withFrontMatter({ status: 'draft' })) });
        const expected = `${name}:4:9 error TS006 Unknown status "draft": did you mean "DRAFT"?\n`;
        const direct = run(root, ['lint', name]);
        assert.equal(direct.status, 1);
        assert.equal(direct.stdout, expected);
        const all = run(root, ['lint']);
        assert.equal(all.stdout, `${WARN_LINE}\n${ERROR_LINE}\n${expected}`);
      });

      it('a file given twice (as a file and through a glob) is checked once', () => {
        const result = run(standardWorkspace(), ['lint', 'docs/specs/TS-0003-error.md', 'docs/specs/*.md']);
        assert.equal(result.stdout, `${WARN_LINE}\n${ERROR_LINE}\n`);
        assert.equal(result.stderr, '3 specs checked: 1 error(s), 1 warning(s), 0 information.\n');
      });
    });
  });

  describe('list', () => {
    const longTitle = 'A very long title that goes on and on past the sixty characters of the column';
    function listWorkspace(): string {
      return workspace({
        'docs/specs/TS-0001-payment-retries.md': FILLED,
        'docs/specs/TS-0010-long.md': `---\ntech_spec_id: TS-0010\ntitle: ${longTitle}\nstatus: IMPLEMENTED\n---\n# TS-0010\n\nNo checklist here.\n`,
        'docs/specs/TS-0002-search.md':
          '---\ntech_spec_id: TS-0002\ntitle: Search index\nstatus: APPROVED\n---\n# TS-0002: Search index\n\n## Implementation Checklist\n\n- [x] a\n- [X] b\n- [ ] c\n',
        'docs/rfcs/RFC-0007-auth-tokens.md': RFC,
        'README.md': '# Project\n',
      });
    }

    it('prints a table: id, status, title, checklist, path, sorted by id', () => {
      const result = run(listWorkspace(), ['list']);
      assert.equal(result.status, 0);
      const lines = result.stdout.split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, 4);
      const header = lines[0];
      const columns = ['ID', 'STATUS', 'TITLE', 'CHECKLIST', 'PATH'].map((name) => header.indexOf(name));
      assert.ok(columns.every((column, index) => column >= 0 && (index === 0 || column > columns[index - 1])), header);
      assert.equal(columns[0], 0);
      const cells = (line: string) => columns.map((start, index) => line.slice(start, columns[index + 1]).trim());
      assert.deepEqual(lines.slice(1).map(cells), [
        ['TS-0001', 'DRAFT', 'Payment Retries', '0/17', 'docs/specs/TS-0001-payment-retries.md'],
        ['TS-0002', 'APPROVED', 'Search index', '2/3', 'docs/specs/TS-0002-search.md'],
        ['TS-0010', 'IMPLEMENTED', `${longTitle.slice(0, 59)}…`, 'no section', 'docs/specs/TS-0010-long.md'],
      ]);
    });

    it('--format json', () => {
      const result = run(listWorkspace(), ['list', '--format', 'json']);
      assert.equal(result.status, 0);
      assert.deepEqual(JSON.parse(result.stdout), [
        { id: 'TS-0001', status: 'DRAFT', title: 'Payment Retries', progress: '0/17', path: 'docs/specs/TS-0001-payment-retries.md' },
        { id: 'TS-0002', status: 'APPROVED', title: 'Search index', progress: '2/3', path: 'docs/specs/TS-0002-search.md' },
        { id: 'TS-0010', status: 'IMPLEMENTED', title: longTitle, progress: 'no section', path: 'docs/specs/TS-0010-long.md' },
      ]);
    });

    it('an empty workspace lists the header only, or []', () => {
      const root = workspace({});
      assert.equal(run(root, ['list']).stdout.split('\n').length, 2);
      assert.equal(run(root, ['list', '--format', 'json']).stdout, '[]\n');
    });
  });

  describe('new', () => {
    const existing = {
      'docs/specs/TS-0001-payment-retries.md': FILLED,
      'docs/specs/TS-0002-warn.md': WARN_SPEC,
      'docs/specs/TS-0007-last.md': specWithId('TS-0007'),
      'docs/rfcs/RFC-0007-auth-tokens.md': RFC,
      'docs/prd/PRD-0012-login.md': PRD,
    };

    it('creates docs/specs/TS-000N-title.md with the next id after the highest one, and prints its path', () => {
      const root = workspace(existing);
      const result = run(root, ['new', 'Rate Limiter', '--author', 'Grace Hopper']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'docs/specs/TS-0008-rate-limiter.md\n');
      const text = fs.readFileSync(path.join(root, 'docs/specs/TS-0008-rate-limiter.md'), 'utf8');
      const data = parseDocumentText(text).frontMatter.data;
      assert.deepEqual(
        { ...data },
        { tech_spec_id: 'TS-0008', title: 'Rate Limiter', status: 'DRAFT', decision_ref: null, author: 'Grace Hopper', created: TODAY, last_updated: TODAY, related_prd: null },
      );
      assert.ok(text.includes('\n# TS-0008: Rate Limiter\n'));
      // A fresh spec: only its placeholders to fill in.
      const lintResult = run(root, ['lint', 'docs/specs/TS-0008-rate-limiter.md', '--format', 'json']);
      assert.equal(lintResult.status, 0);
      const codes = (JSON.parse(lintResult.stdout) as { files: Array<{ findings: Array<{ code: string }> }> }).files[0].findings.map((finding) => finding.code);
      assert.ok(codes.length > 0);
      assert.deepEqual([...new Set(codes)], ['TS022']);
    });

    it('--decision-ref, --related-prd and --status land in the front matter; the author may come from the config', () => {
      const root = workspace({ ...existing, '.techspec.json': '{ "author": "Config Author" }' });
      const result = run(root, ['new', 'Billing: "Export" / v2', '--decision-ref', 'RFC-0007', '--related-prd', 'PRD-0012', '--status', 'IN_REVIEW']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'docs/specs/TS-0008-billing-export-v2.md\n');
      const text = fs.readFileSync(path.join(root, 'docs/specs/TS-0008-billing-export-v2.md'), 'utf8');
      const data = parseDocumentText(text).frontMatter.data;
      assert.equal(data?.title, 'Billing: "Export" / v2');
      assert.equal(data?.decision_ref, 'RFC-0007');
      assert.equal(data?.related_prd, 'PRD-0012');
      assert.equal(data?.status, 'IN_REVIEW');
      assert.equal(data?.author, 'Config Author');
      const lintResult = JSON.parse(run(root, ['lint', 'docs/specs/TS-0008-billing-export-v2.md', '--format', 'json']).stdout) as { summary: { error: number } };
      assert.equal(lintResult.summary.error, 0);
    });

    it('never overwrites: an existing file at the target path stays untouched and the next id is used', () => {
      // With matchFileNames off, the index does not see the squatting file's id, so the first try collides.
      const root = workspace({ ...existing, '.techspec.json': '{ "matchFileNames": false }', 'docs/specs/TS-0008-rate-limiter.md': 'precious\n' });
      const before = fs.statSync(path.join(root, 'docs/specs/TS-0008-rate-limiter.md'));
      const result = run(root, ['new', 'Rate Limiter', '--author', 'Grace Hopper']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'docs/specs/TS-0009-rate-limiter.md\n');
      assert.equal(fs.readFileSync(path.join(root, 'docs/specs/TS-0008-rate-limiter.md'), 'utf8'), 'precious\n');
      assert.equal(fs.statSync(path.join(root, 'docs/specs/TS-0008-rate-limiter.md')).mtimeMs, before.mtimeMs);
      assert.match(fs.readFileSync(path.join(root, 'docs/specs/TS-0009-rate-limiter.md'), 'utf8'), /^---\ntech_spec_id: TS-0009\n/);
    });

    it('a second run gets the next id', () => {
      const root = workspace(existing);
      assert.equal(run(root, ['new', 'One', '--author', 'A']).stdout, 'docs/specs/TS-0008-one.md\n');
      assert.equal(run(root, ['new', 'One', '--author', 'A']).stdout, 'docs/specs/TS-0009-one.md\n');
    });

    it('--folder inside the root is used; outside the root exits 2 and writes nothing', () => {
      const root = workspace(existing);
      const inside = run(root, ['new', 'Elsewhere', '--folder', 'design/specs', '--author', 'A']);
      assert.equal(inside.status, 0, inside.stderr);
      assert.equal(inside.stdout, 'design/specs/TS-0008-elsewhere.md\n');
      assert.ok(fs.existsSync(path.join(root, 'design/specs/TS-0008-elsewhere.md')));

      const outsideName = `outside-${path.basename(root)}`;
      const outside = run(root, ['new', 'Escape', '--folder', `../${outsideName}`, '--author', 'A']);
      assert.equal(outside.status, 2);
      assert.equal(outside.stdout, '');
      assert.equal(outside.stderr, `techspec: the folder "../${outsideName}" is outside ${root}\n`);
      assert.equal(fs.existsSync(path.join(path.dirname(root), outsideName)), false);
      const absolute = run(root, ['new', 'Escape', '--folder', os.tmpdir(), '--author', 'A']);
      assert.equal(absolute.status, 2);
    });

    it('a --folder that is a file exits 2 with a message, not a stack trace', () => {
      const root = workspace({ ...existing, 'notes.md': 'notes\n' });
      for (const folder of ['notes.md', 'notes.md/sub']) {
        const result = run(root, ['new', 'X', '--folder', folder, '--author', 'A']);
        assert.equal(result.status, 2, folder);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^techspec: E(EXIST|NOTDIR): [^\n]*notes\.md[^\n]*\n$/, folder);
      }
      assert.equal(fs.readFileSync(path.join(root, 'notes.md'), 'utf8'), 'notes\n');
    });

    describe('templatePath', () => {
      const custom = [
        '---',
        'tech_spec_id: TS-XXXX',
        'title: {{title}}',
        'status: DRAFT',
        'author: {{author}}',
        'created: {{date}}',
        'last_updated: {{date}}',
        '---',
        '',
        '# TS-XXXX: [Title]',
        '',
        '## Context',
        '',
        '[Why this exists]',
        '',
        '## Decision',
        '',
        '[What we do]',
        '',
        '## Implementation Checklist',
        '',
        '- [ ] Build it',
        '',
      ].join('\n');

      it('new and lint both use a custom template', () => {
        const root = workspace({ ...existing, 'templates/spec.md': custom, '.techspec.json': '{ "templatePath": "templates/spec.md" }' });
        const created = run(root, ['new', 'Cache Layer', '--author', 'Ada']);
        assert.equal(created.status, 0, created.stderr);
        assert.equal(created.stdout, 'docs/specs/TS-0008-cache-layer.md\n');
        const text = fs.readFileSync(path.join(root, 'docs/specs/TS-0008-cache-layer.md'), 'utf8');
        assert.ok(text.startsWith('---\ntech_spec_id: TS-0008\ntitle: Cache Layer\nstatus: DRAFT\nauthor: Ada\ncreated: 2026-06-01\nlast_updated: 2026-06-01\n---\n\n# TS-0008: Cache Layer\n'), text);
        const result = run(root, ['lint', 'docs/specs/TS-0008-cache-layer.md']);
        assert.equal(result.status, 0);
        assert.equal(
          result.stdout,
          [
            // A new spec is a DRAFT: its placeholders are information.
            `docs/specs/TS-0008-cache-layer.md:14:1 information TS022 Section "Context" still holds the template's placeholder [Why this exists].`,
            `docs/specs/TS-0008-cache-layer.md:18:1 information TS022 Section "Decision" still holds the template's placeholder [What we do].`,
            '',
          ].join('\n'),
        );
        // A spec written to the default template misses the custom sections.
        const other = run(root, ['lint', 'docs/specs/TS-0001-payment-retries.md', '--format', 'json']);
        const messages = (JSON.parse(other.stdout) as { files: Array<{ findings: Array<{ message: string }> }> }).files[0].findings.map((finding) => finding.message);
        assert.ok(messages.includes('Missing section "## Context".'), messages.join('\n'));
        assert.ok(messages.includes('Missing section "## Decision".'));
      });

      it('the team template (test/fixtures/customTemplate): new writes the author, lint skips the template, list counts Delivery Tasks only', () => {
        const root = makeFolder({});
        fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'customTemplate'), root, { recursive: true });
        // The fixture's specs are dated November 2026.
        const december = { TECHSPEC_TODAY: '2026-12-01' };
        const created = run(root, ['new', 'Saved Carts', '--author', 'Katherine Johnson'], december);
        assert.equal(created.status, 0, created.stderr);
        assert.equal(created.stdout, 'docs/specs/TS-0003-saved-carts.md\n');
        const data = parseDocumentText(fs.readFileSync(path.join(root, 'docs/specs/TS-0003-saved-carts.md'), 'utf8')).frontMatter.data;
        assert.equal(data?.author, 'Katherine Johnson');
        const result = run(root, ['lint', '--format', 'json'], december);
        const files = (JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Array<{ code: string; message: string }> }> }).files;
        assert.deepEqual(
          files.map((file) => [file.path, [...new Set(file.findings.map((finding) => finding.code))]]),
          [
            // Both are APPROVED with no recorded approval (TS032).
            ['docs/specs/TS-0001-checkout-redesign.md', ['TS032']],
            ['docs/specs/TS-0002-gift-cards.md', ['TS032', 'TS020']],
            ['docs/specs/TS-0003-saved-carts.md', ['TS022']],
          ],
        );
        assert.deepEqual(files[1].findings.map((finding) => finding.message), ['APPROVED without a current approval: no approval is recorded.', 'Missing section "## Delivery Tasks".']);
        const listed = JSON.parse(run(root, ['list', '--format', 'json'], december).stdout) as Array<{ id: string; progress: string }>;
        assert.deepEqual(listed.map((row) => [row.id, row.progress]), [['TS-0001', '1/3'], ['TS-0002', 'no section'], ['TS-0003', '0/3']]);
      });

      it('a template outside the root, or a missing one, exits 2', () => {
        const outside = run(workspace({ ...existing, '.techspec.json': '{ "templatePath": "../tpl.md" }' }), ['lint']);
        assert.equal(outside.status, 2);
        assert.match(outside.stderr, /^techspec: templatePath "\.\.\/tpl\.md" points outside /);
        const missing = run(workspace({ ...existing, '.techspec.json': '{ "templatePath": "nope.md" }' }), ['new', 'X']);
        assert.equal(missing.status, 2);
        assert.equal(missing.stderr, 'techspec: cannot read the template nope.md; check templatePath\n');
      });
    });

    it('without a title exits 2', () => {
      const result = run(workspace(existing), ['new', '--author', 'A']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^techspec: new needs a title/);
    });

    it('in an empty folder starts at TS-0001', () => {
      const root = workspace({});
      const result = run(root, ['new', 'First', '--author', 'A']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'docs/specs/TS-0001-first.md\n');
    });
  });
});
