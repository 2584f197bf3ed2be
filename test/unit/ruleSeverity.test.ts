// Rule severities that depend on the spec's status: `techSpec.rules` entries as one severity or as
// status → severity with `default`, the built-in per-status defaults (TS020/TS022), bad settings, and the CLI.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveConfig, resolveConfigReport } from '../../src/core/config';
import { RULES, lintWithIndex, severityOf } from '../../src/core/lint';
import { chooseSeverity, entryForStatus } from '../../src/core/lint/severity';
import { parseDocumentText } from '../../src/core/parse';
import { SpecIndex } from '../../src/core/specIndex';
import { CLI_TODAY, makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { REPO_ROOT, TEMPLATE, lint, removeSection, replaceSectionBody, withFrontMatter } from './lintFixtures';

/** A spec in `status` (null: no status key) with a placeholder in Data Model (TS022) and no Dependencies section (TS020). */
function unfinished(status: string | null): string {
  return removeSection(replaceSectionBody(withFrontMatter({ status }), 'Data Model', ['The [Name] table holds rows.']), 'Dependencies');
}

/** The severities of TS020 and TS022 on an unfinished spec, by code; a rule turned off is absent. */
function severities(status: string | null, rules: Readonly<Record<string, unknown>> = {}): Record<string, string> {
  const found = lint(unfinished(status), { config: { rules } }).filter((finding) => finding.code === 'TS020' || finding.code === 'TS022');
  return Object.fromEntries(found.map((finding) => [finding.code, finding.severity]));
}

describe('rule severities per status', () => {
  describe('built-in defaults', () => {
    it('missing sections and placeholders are information in a DRAFT', () => {
      assert.deepEqual(severities('DRAFT'), { TS020: 'information', TS022: 'information' });
    });

    it('they are warnings from IN_REVIEW on, where the guards check them', () => {
      for (const status of ['IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED']) {
        assert.deepEqual(severities(status), { TS020: 'warning', TS022: 'warning' }, status);
      }
    });

    it('a spec without a status, or with one no list knows, gets the rule’s default (warning)', () => {
      assert.deepEqual(severities(null), { TS020: 'warning', TS022: 'warning' });
      assert.deepEqual(severities('WIP'), { TS020: 'warning', TS022: 'warning' });
      assert.deepEqual(severities('""'), { TS020: 'warning', TS022: 'warning' });
    });

    it('a status spelt in another case or with spaces is the same status (TS006 says so separately)', () => {
      assert.deepEqual(severities('draft'), { TS020: 'information', TS022: 'information' });
      assert.deepEqual(severities('In Review'), { TS020: 'warning', TS022: 'warning' });
    });

    it('the table holds the per-status defaults: only TS020 and TS022 have any, and each is a real severity', () => {
      const withStatuses = RULES.filter((rule) => rule.byStatus !== undefined);
      assert.deepEqual(withStatuses.map((rule) => [rule.code, rule.severity, rule.byStatus]), [
        ['TS020', 'warning', { DRAFT: 'information' }],
        ['TS022', 'warning', { DRAFT: 'information' }],
      ]);
      for (const rule of RULES) {
        for (const status of ['DRAFT', 'IN_REVIEW', undefined]) {
          const expected = (status !== undefined && rule.byStatus?.[status]) || rule.severity;
          assert.equal(severityOf(rule.code, {}, status), expected, `${rule.code} in ${status}`);
        }
      }
    });
  });

  describe('settings', () => {
    it('a plain severity holds in every status, replacing the built-in per-status default', () => {
      for (const status of ['DRAFT', 'IN_REVIEW', null]) {
        assert.deepEqual(severities(status, { TS022: 'warning', 'section-missing': 'error' }), { TS020: 'error', TS022: 'warning' }, String(status));
      }
    });

    it('an object gives the status’s entry, else its default', () => {
      const rules = { TS022: { DRAFT: 'off', IN_REVIEW: 'error', default: 'hint' } };
      assert.deepEqual(severities('DRAFT', rules), { TS020: 'information' });
      assert.deepEqual(severities('IN_REVIEW', rules), { TS020: 'warning', TS022: 'error' });
      assert.deepEqual(severities('APPROVED', rules), { TS020: 'warning', TS022: 'hint' });
      assert.deepEqual(severities(null, rules), { TS020: 'warning', TS022: 'hint' });
    });

    it('the user’s default replaces the built-in DRAFT entry too', () => {
      assert.deepEqual(severities('DRAFT', { TS020: { default: 'error' } }), { TS020: 'error', TS022: 'information' });
    });

    it('without a default, a status the object does not name falls back to the built-in choice for that status', () => {
      const rules = { placeholder: { IN_REVIEW: 'error' } };
      assert.deepEqual(severities('DRAFT', rules), { TS020: 'information', TS022: 'information' });
      assert.deepEqual(severities('IN_REVIEW', rules), { TS020: 'warning', TS022: 'error' });
      assert.deepEqual(severities('APPROVED', rules), { TS020: 'warning', TS022: 'warning' });
    });

    it('a rule with no built-in per-status default takes a per-status entry too', () => {
      const stale = (status: string) => withFrontMatter({ status, created: '2026-03-01', last_updated: '2026-04-01' });
      const rules = { stale: { IN_REVIEW: 'error' } };
      const found = (status: string) => lint(stale(status), { config: { rules } }).map((finding) => [finding.code, finding.severity]);
      assert.deepEqual(found('DRAFT'), [['TS040', 'information']]);
      assert.deepEqual(found('IN_REVIEW'), [['TS040', 'error']]);
    });

    it('status keys match the status however it is spelt; the exact key wins', () => {
      assert.deepEqual(severities('IN_REVIEW', { TS022: { 'in review': 'error' } }), { TS020: 'warning', TS022: 'error' });
      assert.deepEqual(severities('draft', { TS022: { DRAFT: 'hint' } }), { TS020: 'information', TS022: 'hint' });
      assert.equal(entryForStatus({ draft: 'hint', DRAFT: 'error' }, 'DRAFT'), 'error');
      assert.equal(entryForStatus({ draft: 'hint', default: 'error' }, 'default'), undefined, '`default` is no status');
    });

    it('the code’s entry wins over the name’s, whatever their forms', () => {
      assert.deepEqual(severities('DRAFT', { placeholder: 'error', TS022: { default: 'hint' } }), { TS020: 'information', TS022: 'hint' });
      assert.deepEqual(severities('DRAFT', { placeholder: { DRAFT: 'error' }, TS022: 'off' }), { TS020: 'information' });
      // An unusable code entry (files are read unchecked) leaves the name's.
      assert.deepEqual(severities('DRAFT', { placeholder: { DRAFT: 'error' }, TS022: 42 }), { TS020: 'information', TS022: 'error' });
    });

    it('unchecked values are passed over, never thrown on', () => {
      const builtIn = { severity: 'warning', byStatus: { DRAFT: 'information' } } as const;
      assert.equal(chooseSeverity(builtIn, { DRAFT: 'loud', default: 'error' }, 'DRAFT'), 'error');
      assert.equal(chooseSeverity(builtIn, { DRAFT: 'loud', default: ['x'] }, 'DRAFT'), 'information');
      for (const odd of [null, 3, [], ['error'], { DRAFT: { nested: 'error' } }, 'fatal', undefined]) {
        assert.equal(chooseSeverity(builtIn, odd, 'DRAFT'), 'information', JSON.stringify(odd));
        assert.equal(chooseSeverity(builtIn, odd, 'IN_REVIEW'), 'warning', JSON.stringify(odd));
      }
      const cyclic: Record<string, unknown> = {};
      cyclic.DRAFT = cyclic;
      assert.equal(severityOf('TS022', { TS022: cyclic }, 'DRAFT'), 'information');
    });
  });

  describe('bad settings are said, through the config problems', () => {
    const report = (rules: unknown) => resolveConfigReport({ rules });

    it('plain severities and objects of status: severity are kept without a problem', () => {
      const rules = { TS022: { DRAFT: 'information', default: 'warning' }, stale: 'off', TS020: { draft: 'hint', 'In Review': 'error' } };
      const { config, problems } = report(rules);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.rules, rules);
    });

    it('a value that is neither a severity nor an object is named, and the rule keeps its default', () => {
      const { config, problems } = report({ TS022: 3, TS020: ['error'], TS021: null, TS023: 'loud' });
      assert.deepEqual(config.rules, {});
      const neither = '(error, warning, information, hint, off) nor an object of status: severity (e.g. { "DRAFT": "information", "default": "warning" }); the rule keeps its default.';
      assert.deepEqual(problems, [
        { key: 'rules.TS022', message: `3 is neither a severity ${neither}` },
        { key: 'rules.TS020', message: `["error"] is neither a severity ${neither}` },
        { key: 'rules.TS021', message: `null is neither a severity ${neither}` },
        { key: 'rules.TS023', message: '"loud" is not a severity (error, warning, information, hint, off); the rule keeps its default.' },
      ]);
    });

    it('a bad severity inside an object is named by its status and dropped alone', () => {
      const { config, problems } = report({ TS022: { DRAFT: 'quiet', IN_REVIEW: 'error', default: 2 } });
      assert.deepEqual(config.rules, { TS022: { IN_REVIEW: 'error' } });
      assert.deepEqual(problems, [
        { key: 'rules.TS022.DRAFT', message: '"quiet" is not a severity (error, warning, information, hint, off); in DRAFT the rule keeps its default.' },
        { key: 'rules.TS022.default', message: '2 is not a severity (error, warning, information, hint, off); in other statuses the rule keeps its default.' },
      ]);
    });

    it('an object left with nothing usable is dropped; an empty one is said too', () => {
      assert.deepEqual(report({ TS022: { DRAFT: 'x' } }).config.rules, {});
      const empty = report({ TS022: {} });
      assert.deepEqual(empty.config.rules, {});
      assert.deepEqual(empty.problems, [{ key: 'rules.TS022', message: '{} names no status; the rule keeps its default.' }]);
    });

    it('an unknown rule is still named, whatever its value', () => {
      assert.deepEqual(report({ TS999: { DRAFT: 'off' } }).problems.map((problem) => problem.key), ['rules.TS999']);
    });

    it('a status key that no document type knows is kept, with a warning; another type’s status is known', () => {
      const { config, problems } = report({ TS022: { DRAFTT: 'off', ACCEPTED: 'error', default: 'warning' } });
      assert.deepEqual(config.rules, { TS022: { DRAFTT: 'off', ACCEPTED: 'error', default: 'warning' } });
      assert.equal(problems.length, 1);
      assert.equal(problems[0].key, 'rules.TS022.DRAFTT');
      assert.match(problems[0].message, /^"DRAFTT" is none of the statuses \(DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED, ACCEPTED, .*\); it applies only to documents with that status\.$/);
      const custom = resolveConfigReport({ statuses: ['WIP', 'DONE'], rules: { TS022: { WIP: 'off', DRAFT: 'hint' } } });
      assert.deepEqual(custom.problems.map((problem) => problem.key), [], 'DRAFT is still an RFC and PRD status');
      const own = resolveConfigReport({ statuses: ['WIP', 'DONE'], rules: { TS022: { WIPP: 'off' } } });
      assert.deepEqual(own.problems.map((problem) => problem.key), ['rules.TS022.WIPP']);
    });

    it('a rules value that is no object at all keeps the defaults, said once', () => {
      const { config, problems } = resolveConfigReport({ rules: 'off' });
      assert.deepEqual(config.rules, {});
      assert.deepEqual(problems.map((problem) => problem.key), ['rules']);
    });
  });
});

describe('rule severities per status in the CLI', function () {
  this.timeout(120_000);
  const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
  after(() => removeFolders());

  const files = {
    'docs/specs/TS-0001-draft.md': unfinished('DRAFT'),
    'docs/specs/TS-0002-review.md': unfinished('IN_REVIEW').replace(/TS-0001/g, 'TS-0002'),
    'docs/rfcs/RFC-0007-auth-tokens.md': '---\nrfc_id: RFC-0007\ntitle: Auth tokens\n---\n# RFC-0007\n',
    'docs/prd/PRD-0012-login.md': '---\nprd_id: PRD-0012\ntitle: Login\n---\n# PRD-0012\n',
  };

  /** What the editor computes: the same core, with the same settings resolved and the same workspace. */
  function coreSeverities(settings: Readonly<Record<string, unknown>>): Array<[string, number, string, string]> {
    const config = resolveConfig(settings);
    const index = new SpecIndex(config);
    const uris = Object.keys(files).map((name) => `file:///w/${name}`);
    Object.values(files).forEach((text, at) => index.upsert(uris[at], text));
    return Object.entries(files)
      .filter(([name]) => name.startsWith('docs/specs/'))
      .flatMap(([name, text]) => lintWithIndex(`file:///w/${name}`, parseDocumentText(text), TEMPLATE, config, index, CLI_TODAY).map((finding) => [name, finding.range.start.line + 1, finding.code, finding.severity] as [string, number, string, string]));
  }

  function cliSeverities(settings: Readonly<Record<string, unknown>>): { status: number | null; found: Array<[string, number, string, string]>; stderr: string } {
    const root = makeFolder({ ...files, '.techspec.json': JSON.stringify(settings) });
    const result = runCli(CLI, root, ['lint', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Array<{ line: number; code: string; severity: string }> }> };
    return { status: result.status, stderr: result.stderr, found: report.files.flatMap((file) => file.findings.map((finding) => [file.path, finding.line, finding.code, finding.severity] as [string, number, string, string])) };
  }

  it('gives the severities the editor’s core gives, for built-in defaults and per-status settings', () => {
    for (const settings of [{}, { rules: { TS022: { DRAFT: 'hint', default: 'error' }, 'section-missing': 'warning' } }, { rules: { placeholder: { in_review: 'off' } } }]) {
      const cli = cliSeverities(settings);
      assert.deepEqual(cli.found, coreSeverities(settings), JSON.stringify(settings));
    }
    // And what they are, so that the comparison cannot pass on two empty lists.
    assert.deepEqual(cliSeverities({}).found.map(([name, , code, severity]) => [name, code, severity]), [
      ['docs/specs/TS-0001-draft.md', 'TS020', 'information'],
      ['docs/specs/TS-0001-draft.md', 'TS022', 'information'],
      ['docs/specs/TS-0002-review.md', 'TS020', 'warning'],
      ['docs/specs/TS-0002-review.md', 'TS022', 'warning'],
    ]);
  });

  it('exits 1 only when a finding is an error in its spec’s status', () => {
    const inReview = cliSeverities({ rules: { TS022: { IN_REVIEW: 'error' } } });
    assert.equal(inReview.status, 1);
    assert.deepEqual(inReview.found.filter(([, , , severity]) => severity === 'error').map(([name, , code]) => [name, code]), [['docs/specs/TS-0002-review.md', 'TS022']]);
    const approvedOnly = cliSeverities({ rules: { TS022: { APPROVED: 'error' } } });
    assert.equal(approvedOnly.status, 0, 'no spec is APPROVED: the placeholders are no error anywhere');
    assert.equal(approvedOnly.stderr, '');
  });

  it('says a bad per-status value on stderr, naming its status, and uses the default', () => {
    const result = cliSeverities({ rules: { TS022: { DRAFT: 'loud', IN_REVIEW: 'error' } } });
    assert.equal(result.stderr.split('\n')[0], 'techspec: warning: .techspec.json: "rules.TS022.DRAFT": "loud" is not a severity (error, warning, information, hint, off); in DRAFT the rule keeps its default.');
    assert.deepEqual(result.found.filter(([, , code]) => code === 'TS022').map(([name, , , severity]) => [name, severity]), [
      ['docs/specs/TS-0001-draft.md', 'information'],
      ['docs/specs/TS-0002-review.md', 'error'],
    ]);
  });
});
