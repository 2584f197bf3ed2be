// Every spec-check rule: when it fires (code, severity, message, range) and when it stays quiet.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { findCollisions } from '../../src/core/ids/collisions';
import { RULES, buildTemplateModel, isLintTarget, isRealDate, lintSpec, lintWithIndex, severityOf, type RuleCode } from '../../src/core/lint';
import { fixFor } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import { applyEdit } from '../../src/core/frontMatter';
import { approvalEdit } from '../../src/core/lifecycle/approve';
import { SpecIndex } from '../../src/core/specIndex';
import {
  BODY,
  FILLED,
  PRD_URI,
  RFC_URI,
  TEMPLATE,
  TEMPLATE_TEXT,
  renderedSpec,
  TODAY,
  URI,
  codes,
  lineOf,
  lint,
  lintConfig,
  locate,
  rangeOf,
  removeSection,
  replaceSectionBody,
  sectionLines,
  withCode,
  withFrontMatter,
} from './lintFixtures';

const firing = new Set<string>();
const quiet = new Set<string>();
/** A test that shows a rule firing; the coverage test at the end checks every rule has one. */
function fires(code: RuleCode, title: string, body: () => void): void {
  firing.add(code);
  it(`${code} fires: ${title}`, body);
}
function staysQuiet(code: RuleCode, title: string, body: () => void): void {
  quiet.add(code);
  it(`${code} stays quiet: ${title}`, body);
}

describe('lint rules', () => {
  describe('the fixtures', () => {
    it('the filled spec has no placeholder left outside fences, and kept links and task boxes', () => {
      assert.ok(!FILLED.includes('[Component/Feature Name]'));
      assert.ok(!FILLED.includes('[Name]'));
      assert.ok(FILLED.includes('- [Design Overview](#design-overview)'));
      assert.ok(FILLED.includes('- [ ] Set up project structure'));
      assert.ok(FILLED.includes('"data": [...],'), 'the fenced [...] stays');
      assert.equal(FILLED.split('\n').length, TEMPLATE_TEXT.split('\n').length, 'filling keeps every line');
      assert.equal(withFrontMatter({}), FILLED.replace(/ {2,}# Optional[^\n]*/g, ''));
    });

    it('the default template model has the 13 sections in order and its placeholders', () => {
      assert.deepEqual(
        TEMPLATE.sections.map((section) => section.slug),
        [
          'executive-summary',
          'table-of-contents',
          'design-overview',
          'detailed-specifications',
          'data-model',
          'api-specification',
          'security-implementation',
          'performance-considerations',
          'testing-strategy',
          'deployment--operations',
          'dependencies',
          'implementation-checklist',
          'references',
        ],
      );
      assert.ok(TEMPLATE.placeholders.has('[Name]'));
      assert.ok(TEMPLATE.placeholders.has('[Date]'));
      assert.ok(!TEMPLATE.placeholders.has('[ ]'), 'a task box is not a placeholder');
      assert.ok(!TEMPLATE.placeholders.has('[...]'), 'fenced text is not a placeholder');
      assert.ok(!TEMPLATE.placeholders.has('[Design Overview]'), 'link text is not a placeholder');
      assert.ok(!TEMPLATE.placeholders.has('[RFC-XXXX]'), 'link text is not a placeholder');
      assert.equal(TEMPLATE.eol, '\n');
    });
  });

  describe('a complete spec', () => {
    it('a spec rendered from the template with every placeholder filled in has no findings at all', () => {
      assert.deepEqual(lint(FILLED), []);
    });

    it('the same spec with CRLF line breaks has no findings either', () => {
      assert.deepEqual(lint(FILLED.replace(/\n/g, '\r\n')), []);
    });

    it('has no findings through lintWithIndex with a real SpecIndex that holds the workspace', () => {
      const config = lintConfig();
      const index = new SpecIndex(config);
      index.upsert(URI, FILLED);
      index.upsert(RFC_URI, '---\nrfc_id: RFC-0007\ntitle: Auth tokens\n---\n# RFC-0007: Auth tokens\n');
      index.upsert(PRD_URI, '---\nprd_id: PRD-0012\ntitle: Login\n---\n# PRD-0012: Login\n');
      assert.deepEqual(lintWithIndex(URI, parseDocumentText(FILLED), TEMPLATE, config, index, TODAY), []);
    });

    it('the freshly rendered template reports one TS022 per section that holds placeholders, and nothing else', () => {
      const rendered = renderedSpec();
      const findings = lint(rendered);
      assert.deepEqual(new Set(codes(findings)), new Set(['TS022']));
      const sections = findings.map((finding) => /^Section "([^"]+)"/.exec(finding.message)?.[1]);
      assert.deepEqual(sections, [
        'Executive Summary',
        'Design Overview',
        'Detailed Specifications',
        'Data Model',
        'API Specification',
        'Security Implementation',
        'Performance Considerations',
        'Testing Strategy',
        'Deployment & Operations',
        'Dependencies',
        'Implementation Checklist',
        'References',
      ]);
      const summary = findings[0];
      const placeholder =
        '[1 paragraph describing what is being built, why this approach was chosen (or reference RFC), and the key design decisions. Keep concise - details come in later sections.]';
      // A new spec is a DRAFT: its placeholders are information until it goes to review.
      assert.equal(summary.severity, 'information');
      assert.equal(summary.message, `Section "Executive Summary" still holds the template's placeholder ${placeholder}.`);
      assert.deepEqual(summary.range, locate(rendered, '[1 paragraph', placeholder));
      const checklist = findings.find((finding) => finding.message.startsWith('Section "Implementation Checklist"'));
      assert.equal(checklist?.message, `Section "Implementation Checklist" still holds the template's placeholder [Date] and 6 more.`);
    });
  });

  describe('front matter: TS001–TS003', () => {
    fires('TS001', 'a document without front matter', () => {
      const text = BODY.replace(/^\n/, '');
      const findings = lint(text);
      assert.deepEqual(withCode(findings, 'TS001'), [
        {
          code: 'TS001',
          severity: 'error',
          message: 'No front matter: a spec starts with a `---` block holding tech_spec_id, title and status.',
          range: rangeOf(0, 0, 0),
          fix: undefined,
        },
      ]);
      // Nothing else about front matter is reported, and the body is still checked (and clean).
      assert.deepEqual(codes(findings), ['TS001']);
    });

    fires('TS001', 'an empty document, without crashing the structure checks', () => {
      const findings = lint('');
      assert.equal(findings[0].code, 'TS001');
      assert.deepEqual(findings[0].range, rangeOf(0, 0, 0));
      // Every section is missing; with no `##` at all they point at the end of the text.
      const missing = withCode(findings, 'TS020');
      assert.equal(missing.length, TEMPLATE.sections.length);
      for (const finding of missing) assert.deepEqual(finding.range, rangeOf(0, 0, 0));
    });

    staysQuiet('TS001', 'front matter after a byte order mark', () => {
      assert.deepEqual(lint(`\uFEFF${FILLED}`), []);
    });

    fires('TS002', 'front matter without its closing ---', () => {
      const text = '---\ntech_spec_id: TS-0001\ntitle: Payment Retries\n\n# TS-0001: Payment Retries\n';
      const findings = lint(text);
      assert.deepEqual(withCode(findings, 'TS002'), [
        { code: 'TS002', severity: 'error', message: 'Front matter is not closed: add a `---` line after it.', range: rangeOf(0, 0, 3), fix: undefined },
      ]);
      assert.deepEqual(withCode(findings, 'TS001'), []);
      assert.deepEqual(withCode(findings, 'TS004'), [], 'an unreadable block reports no missing keys');
    });

    fires('TS002', 'a document that is a lone ---', () => {
      assert.deepEqual(
        lint('---').filter((finding) => finding.code !== 'TS020'),
        [{ code: 'TS002', severity: 'error', message: 'Front matter is not closed: add a `---` line after it.', range: rangeOf(0, 0, 3), fix: undefined }],
      );
    });

    staysQuiet('TS002', 'a front matter closed with ...', () => {
      const text = FILLED.replace(/\nrelated_prd: PRD-0012( +# Optional - link to PRD)\n---\n/, '\nrelated_prd: PRD-0012$1\n...\n');
      assert.notEqual(text, FILLED);
      assert.deepEqual(lint(text), []);
    });

    fires('TS003', 'a tab as indentation', () => {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', '\tstatus: DRAFT']);
      const findings = lint(text);
      assert.deepEqual(withCode(findings, 'TS003'), [
        { code: 'TS003', severity: 'error', message: 'Invalid YAML in front matter: Tabs are not allowed as indentation', range: rangeOf(3, 0, 1), fix: undefined },
      ]);
      assert.deepEqual(codes(findings), ['TS003'], 'no key checks on a block that does not parse');
    });

    fires('TS003', 'a duplicate key', () => {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'status: DRAFT', 'status: APPROVED']);
      const findings = lint(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].code, 'TS003');
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /^Invalid YAML in front matter: Map keys must be unique/);
      assert.deepEqual(findings[0].range.start, { line: 3, character: 0 });
    });

    fires('TS003', 'a list instead of a map', () => {
      const text = withFrontMatter(['- tech_spec_id', '- title']);
      assert.deepEqual(lint(text), [
        { code: 'TS003', severity: 'error', message: 'Front matter must be a map of `key: value` lines.', range: rangeOf(1, 0, 7, 2), fix: undefined },
      ]);
    });

    fires('TS003', 'a scalar instead of a map', () => {
      const findings = lint(withFrontMatter(['just some words: and: more']));
      assert.deepEqual(codes(findings), ['TS003']);
      assert.equal(findings[0].range.start.line, 1);
    });

    fires('TS003', 'an alias bomb, quickly', () => {
      const lines = [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
        'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      ];
      const started = Date.now();
      const findings = lint(withFrontMatter(lines));
      assert.ok(Date.now() - started < 2000, 'alias expansion is bounded');
      assert.deepEqual(codes(findings), ['TS003']);
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /^Front matter could not be read: /);
      assert.deepEqual(findings[0].range, rangeOf(1, 0, lines[5].length, 6));
    });

    staysQuiet('TS003', 'quoted values, comments and a tab after the colon are valid YAML', () => {
      const text = withFrontMatter([
        '# a comment line',
        'tech_spec_id: "TS-0001"',
        "title: 'Payment Retries: the sequel'",
        'status: DRAFT # still a draft',
        'decision_ref:\tRFC-0007',
        'author: Ada Lovelace',
        'created: 2026-05-01',
        'last_updated: 2026-05-20',
        'related_prd: PRD-0012',
      ]);
      assert.deepEqual(lint(text), []);
    });
  });

  describe('front-matter keys: TS004, TS005', () => {
    fires('TS004', 'a required key is missing, reported on the closing delimiter with an addKey fix', () => {
      const text = withFrontMatter({ author: null });
      assert.deepEqual(lint(text), [
        { code: 'TS004', severity: 'warning', message: 'Missing front-matter key "author".', range: rangeOf(8, 0, 3), fix: { kind: 'addKey', key: 'author' } },
      ]);
    });

    fires('TS004', 'every required key missing from an empty block, in template order', () => {
      const findings = lint(withFrontMatter([]));
      assert.deepEqual(
        withCode(findings, 'TS004').map((finding) => finding.fix),
        ['tech_spec_id', 'title', 'status', 'author', 'created', 'last_updated'].map((key) => ({ kind: 'addKey', key })),
      );
      for (const finding of withCode(findings, 'TS004')) assert.deepEqual(finding.range, rangeOf(1, 0, 3));
    });

    fires('TS004', 'a required key with no value, on the key, once (an empty status is TS006 alone)', () => {
      const text = withFrontMatter({ author: '', title: '""', status: '' });
      const findings = lint(text);
      assert.deepEqual(
        withCode(findings, 'TS004').map((finding) => [finding.message, finding.range.start.line, finding.fix]),
        [
          ['Front-matter key "title" has no value.', 2, { kind: 'addKey', key: 'title' }],
          ['Front-matter key "author" has no value.', 5, { kind: 'addKey', key: 'author' }],
        ],
      );
      assert.deepEqual(withCode(findings, 'TS006').map((finding) => finding.message), ['Empty status: use one of DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED.']);
    });

    staysQuiet('TS004', 'optional keys (decision_ref, related_prd) may be left out, or left empty', () => {
      assert.deepEqual(lint(withFrontMatter({ decision_ref: '', related_prd: '' })), []);
      const text = withFrontMatter({ decision_ref: null, related_prd: null });
      assert.deepEqual(lint(text), []);
    });

    fires('TS005', 'a key the template does not have', () => {
      const text = withFrontMatter({ owner: 'bob' });
      assert.deepEqual(lint(text), [
        {
          code: 'TS005',
          severity: 'information',
          message: 'Unknown front-matter key "owner": the template does not have it.',
          range: rangeOf(9, 0, 5),
          fix: undefined,
        },
      ]);
    });

    staysQuiet('TS005', 'keys listed in idFields are known', () => {
      const text = withFrontMatter({ id: 'TS-0001' });
      assert.deepEqual(lint(text), []);
      const custom = withFrontMatter({ spec_key: 'TS-0001' });
      assert.deepEqual(lint(custom, { config: { idFields: ['tech_spec_id', 'spec_key'] } }), []);
    });
  });

  describe('status: TS006', () => {
    const statusRange = (value: string) => rangeOf(3, 8, 8 + value.length);

    fires('TS006', '`draft` suggests DRAFT with a setStatus fix', () => {
      assert.deepEqual(lint(withFrontMatter({ status: 'draft' })), [
        { code: 'TS006', severity: 'error', message: 'Unknown status "draft": did you mean "DRAFT"?', range: statusRange('draft'), fix: { kind: 'setStatus', status: 'DRAFT' } },
      ]);
    });

    fires('TS006', 'a case slip (`Draft`) and a separator slip (`in-review`, `in review`)', () => {
      for (const [value, suggestion] of [
        ['Draft', 'DRAFT'],
        ['in-review', 'IN_REVIEW'],
        ['in review', 'IN_REVIEW'],
        ['Implemented', 'IMPLEMENTED'],
      ]) {
        assert.deepEqual(lint(withFrontMatter({ status: value })), [
          {
            code: 'TS006',
            severity: 'error',
            message: `Unknown status "${value}": did you mean "${suggestion}"?`,
            range: statusRange(value),
            fix: { kind: 'setStatus', status: suggestion },
          },
        ]);
      }
    });

    fires('TS006', 'an unknown status gets the list and no fix', () => {
      assert.deepEqual(lint(withFrontMatter({ status: 'ON_HOLD' })), [
        {
          code: 'TS006',
          severity: 'error',
          message: 'Unknown status "ON_HOLD": use one of DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED.',
          range: statusRange('ON_HOLD'),
          fix: undefined,
        },
      ]);
    });

    fires('TS006', 'an empty status', () => {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', 'status:', 'author: Ada', 'created: 2026-05-01', 'last_updated: 2026-05-20']);
      assert.deepEqual(lint(text), [
        {
          code: 'TS006',
          severity: 'error',
          message: 'Empty status: use one of DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED.',
          range: rangeOf(3, 7, 7),
          fix: undefined,
        },
      ]);
    });

    fires('TS006', 'a number or a boolean is not a status', () => {
      for (const value of ['3', 'true']) {
        assert.deepEqual(lint(withFrontMatter({ status: value })), [
          {
            code: 'TS006',
            severity: 'error',
            message: `Unknown status "${value}": use one of DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED.`,
            range: statusRange(value),
            fix: undefined,
          },
        ]);
      }
    });

    fires('TS006', 'the statuses come from the configuration', () => {
      const config = { statuses: ['PROPOSED', 'ACCEPTED'] };
      const findings = lint(withFrontMatter({ status: 'proposed' }), { config });
      assert.deepEqual(findings.map((finding) => [finding.code, finding.fix]), [['TS006', { kind: 'setStatus', status: 'PROPOSED' }]]);
      assert.deepEqual(codes(lint(withFrontMatter({ status: 'DRAFT' }), { config })), ['TS006']);
    });

    staysQuiet('TS006', 'every default status, and a quoted one', () => {
      // A SUPERSEDED spec without superseded_by is TS041's finding, not TS006's.
      for (const status of DEFAULT_CONFIG.statuses) assert.deepEqual(lint(withFrontMatter({ status, last_updated: '2026-05-31' }), { config: { rules: { TS041: 'off' } } }), [], status);
      assert.deepEqual(lint(withFrontMatter({ status: '"APPROVED"' })), []);
    });
  });

  describe('dates: TS007–TS009', () => {
    fires('TS007', 'an impossible date (2026-02-30) in created: no fix', () => {
      assert.deepEqual(lint(withFrontMatter({ created: '2026-02-30' })), [
        {
          code: 'TS007',
          severity: 'error',
          message: '"created" is not a date in YYYY-MM-DD form: "2026-02-30".',
          range: rangeOf(6, 9, 19),
          fix: undefined,
        },
      ]);
    });

    fires('TS007', 'a badly formed last_updated gets a touchLastUpdated fix', () => {
      assert.deepEqual(lint(withFrontMatter({ last_updated: '2026-5-20' })), [
        {
          code: 'TS007',
          severity: 'error',
          message: '"last_updated" is not a date in YYYY-MM-DD form: "2026-5-20".',
          range: rangeOf(7, 14, 23),
          fix: { kind: 'touchLastUpdated' },
        },
      ]);
    });

    fires('TS007', 'free text and a number', () => {
      assert.deepEqual(codes(lint(withFrontMatter({ created: 'YYYY-MM-DD' }))), ['TS007']);
      assert.deepEqual(codes(lint(withFrontMatter({ created: '20260501' }))), ['TS007']);
    });

    staysQuiet('TS007', 'real dates, a leap day included', () => {
      assert.deepEqual(lint(withFrontMatter({ created: '2024-02-29', last_updated: '2026-05-31' })), []);
      assert.equal(isRealDate('2024-02-29'), true);
      assert.equal(isRealDate('2026-02-29'), false);
      assert.equal(isRealDate('2026-02-30'), false);
      assert.equal(isRealDate('2026-13-01'), false);
      assert.equal(isRealDate('2026-00-10'), false);
      assert.equal(isRealDate('2026-04-31'), false);
      assert.equal(isRealDate(' 2026-04-01'), false);
    });

    fires('TS008', 'last_updated earlier than created', () => {
      assert.deepEqual(lint(withFrontMatter({ created: '2026-05-10', last_updated: '2026-05-09' })), [
        {
          code: 'TS008',
          severity: 'warning',
          message: '"last_updated" (2026-05-09) is earlier than "created" (2026-05-10).',
          range: rangeOf(7, 14, 24),
          fix: { kind: 'touchLastUpdated' },
        },
      ]);
    });

    staysQuiet('TS008', 'the same day, and a later one', () => {
      assert.deepEqual(lint(withFrontMatter({ created: '2026-05-10', last_updated: '2026-05-10' })), []);
      assert.deepEqual(lint(withFrontMatter({ created: '2026-05-10', last_updated: '2026-05-11' })), []);
    });

    fires('TS009', 'a date after the pinned today', () => {
      assert.deepEqual(lint(withFrontMatter({ last_updated: '2026-06-02' })), [
        { code: 'TS009', severity: 'warning', message: '"last_updated" (2026-06-02) is in the future.', range: rangeOf(7, 14, 24), fix: { kind: 'touchLastUpdated' } },
      ]);
      assert.deepEqual(lint(withFrontMatter({ created: '2026-06-02', last_updated: '2026-06-02' }), { today: '2026-06-01' }), [
        { code: 'TS009', severity: 'warning', message: '"created" (2026-06-02) is in the future.', range: rangeOf(6, 9, 19), fix: undefined },
        { code: 'TS009', severity: 'warning', message: '"last_updated" (2026-06-02) is in the future.', range: rangeOf(7, 14, 24), fix: { kind: 'touchLastUpdated' } },
      ]);
    });

    staysQuiet('TS009', 'today itself, and the same text with a later today', () => {
      assert.deepEqual(lint(withFrontMatter({ last_updated: '2026-06-01' })), []);
      assert.deepEqual(lint(withFrontMatter({ last_updated: '2026-06-02' }), { today: '2026-06-02' }), []);
    });
  });

  describe('ids: TS010–TS012', () => {
    fires('TS010', 'a malformed tech_spec_id', () => {
      for (const id of ['TS-XXXX', 'TS0001', 'TS-00a1', 'RFC-0001']) {
        assert.deepEqual(lint(withFrontMatter({ tech_spec_id: id })), [
          {
            code: 'TS010',
            severity: 'error',
            message: `Malformed id "${id}": expected TS-<digits>, e.g. TS-0042.`,
            range: rangeOf(1, 14, 14 + id.length),
            fix: undefined,
          },
        ], id);
      }
    });

    fires('TS010', 'the prefix comes from idPrefix', () => {
      const findings = lint(withFrontMatter({}), { config: { idPrefix: 'SPEC' } });
      assert.deepEqual(withCode(findings, 'TS010').map((finding) => finding.message), ['Malformed id "TS-0001": expected SPEC-<digits>, e.g. SPEC-0042.']);
    });

    fires('TS010', 'a malformed decision_ref and related_prd', () => {
      assert.deepEqual(lint(withFrontMatter({ decision_ref: 'RFC7', related_prd: 'the login PRD' })), [
        { code: 'TS010', severity: 'error', message: 'Malformed decision_ref "RFC7": expected an id such as RFC-0007.', range: rangeOf(4, 14, 18), fix: undefined },
        {
          code: 'TS010',
          severity: 'error',
          message: 'Malformed related_prd "the login PRD": expected an id such as PRD-0012 or a URL.',
          range: rangeOf(8, 13, 26),
          fix: undefined,
        },
      ]);
    });

    staysQuiet('TS010', 'a URL in related_prd, and a short id (TS-1)', () => {
      assert.deepEqual(lint(withFrontMatter({ related_prd: 'https://example.com/prd/12' })), []);
      assert.deepEqual(lint(withFrontMatter({ tech_spec_id: 'TS-1' }), { self: ['TS-1', 'TS-0001'], uri: 'file:///w/docs/specs/payment.md' }), []);
    });

    fires('TS011', 'the id differs from the file name', () => {
      const text = FILLED.replace(/TS-0001/g, 'TS-0003');
      const uri = 'file:///w/docs/specs/TS-0002-x.md';
      assert.deepEqual(lint(text, { uri, self: ['TS-0003', 'TS-0002'] }), [
        { code: 'TS011', severity: 'warning', message: "The id TS-0003 differs from the file name's TS-0002.", range: rangeOf(1, 14, 21), fix: undefined },
      ]);
    });

    staysQuiet('TS011', 'a matching file name, or a file name without an id', () => {
      const text = FILLED.replace(/TS-0001/g, 'TS-0003');
      assert.deepEqual(lint(text, { uri: 'file:///w/docs/specs/TS-0003-x.md', self: ['TS-0003'] }), []);
      assert.deepEqual(lint(text, { uri: 'file:///w/docs/specs/payment-retries.md', self: ['TS-0003'] }), []);
      assert.deepEqual(lint(text, { uri: 'file:///w/docs/my%20specs/TS-0003-x%20y.md', self: ['TS-0003'] }), []);
    });

    it('a uri with a stray % does not throw', () => {
      const uri = 'file:///w/docs/specs/TS-0001-100%-done.md';
      assert.deepEqual(lint(FILLED, { uri }), []);
      assert.deepEqual(codes(lint(FILLED, { uri, owners: { 'TS-0001': ['file:///w/docs/specs/TS-0001-50%.md'] } })), ['TS012']);
    });

    fires('TS012', 'a SpecIndex that holds another owner of the same id', () => {
      const config = lintConfig();
      const index = new SpecIndex(config);
      const other = 'file:///w/docs/specs/TS-0001-other%20spec.md';
      index.upsert(URI, FILLED);
      const otherText = '---\ntech_spec_id: TS-0001\ntitle: Other\nstatus: DRAFT\n---\n# TS-0001: Other\n';
      index.upsert(other, otherText);
      index.upsert(RFC_URI, '# RFC-0007\n');
      index.upsert(PRD_URI, '# PRD-0012\n');
      assert.deepEqual(lintWithIndex(URI, parseDocumentText(FILLED), TEMPLATE, config, index, TODAY), [
        { code: 'TS012', severity: 'error', message: 'Duplicate id TS-0001: also owned by TS-0001-other spec.md.', range: rangeOf(1, 14, 21), fix: { kind: 'renumberId' } },
      ]);
      // The other document sees the duplicate too.
      const fromOther = lintWithIndex(other, parseDocumentText(otherText), TEMPLATE, config, index, TODAY);
      assert.deepEqual(withCode(fromOther, 'TS012').map((finding) => finding.message), ['Duplicate id TS-0001: also owned by TS-0001-payment-retries.md.']);
    });

    fires('TS012', 'several other owners are all named', () => {
      const findings = lint(FILLED, { owners: { 'TS-0001': ['file:///w/a/TS-0001-a.md', 'file:///w/b/TS-0001-b.md'] } });
      assert.deepEqual(findings.map((finding) => finding.message), ['Duplicate id TS-0001: also owned by TS-0001-a.md, TS-0001-b.md.']);
    });

    staysQuiet('TS012', 'the index holds the spec itself only (or does not hold it yet)', () => {
      const config = lintConfig();
      const index = new SpecIndex(config);
      index.upsert(RFC_URI, '# RFC-0007\n');
      index.upsert(PRD_URI, '# PRD-0012\n');
      // A new, unsaved spec: not in the index, and the body cites TS-0001, which nobody owns yet.
      assert.deepEqual(codes(lintWithIndex(URI, parseDocumentText(FILLED), TEMPLATE, config, index, TODAY)), ['TS030']);
      index.upsert(URI, FILLED);
      assert.deepEqual(lintWithIndex(URI, parseDocumentText(FILLED), TEMPLATE, config, index, TODAY), []);
    });

    // TS013 comes from `techspec lint --against <ref>` (test/unit/cliIds.test.ts runs it on a real repository).
    fires('TS013', 'the ref gives an id of the working tree to a document at another path', () => {
      const working = [{ path: 'docs/specs/TS-0002-export.md', ownedIds: ['TS-0002'] }, { path: 'docs/specs/TS-0001-a.md', ownedIds: ['TS-0001'] }];
      const onRef = [{ path: 'docs/specs/TS-0002-search.md', ownedIds: ['TS-0002'] }, { path: 'docs/specs/TS-0001-a.md', ownedIds: ['TS-0001'] }];
      assert.deepEqual(findCollisions(working, onRef), [{ id: 'TS-0002', path: 'docs/specs/TS-0002-export.md', others: ['docs/specs/TS-0002-search.md'] }]);
    });

    staysQuiet('TS013', 'the same document on both sides, or an id the ref does not have', () => {
      const working = [{ path: 'docs/specs/TS-0001-a.md', ownedIds: ['TS-0001'] }, { path: 'docs/specs/TS-0003-new.md', ownedIds: ['TS-0003'] }];
      assert.deepEqual(findCollisions(working, [{ path: 'docs/specs/TS-0001-a.md', ownedIds: ['TS-0001'] }]), []);
    });
  });

  describe('structure: TS020–TS023', () => {
    const firstSection = () => lineOf(FILLED, '## Executive Summary');

    fires('TS020', 'a missing section, reported at the first section with an insertSection fix', () => {
      const text = removeSection(FILLED, 'Data Model');
      assert.deepEqual(lint(text), [
        { code: 'TS020', severity: 'information', message: 'Missing section "## Data Model".', range: firstSection(), fix: { kind: 'insertSection', slug: 'data-model' } },
      ]);
    });

    fires('TS020', 'several missing sections come in template order', () => {
      const text = removeSection(removeSection(removeSection(FILLED, 'References'), 'Executive Summary'), 'Testing Strategy');
      const findings = lint(text);
      assert.deepEqual(findings.map((finding) => finding.fix), [
        { kind: 'insertSection', slug: 'executive-summary' },
        { kind: 'insertSection', slug: 'testing-strategy' },
        { kind: 'insertSection', slug: 'references' },
      ]);
      for (const finding of findings) assert.deepEqual(finding.range, lineOf(text, '## Table of Contents'));
    });

    staysQuiet('TS020', 'a heading with extra markup still counts, and a ### heading is at the wrong level, not missing', () => {
      const text = FILLED.replace('## Data Model', '## *Data Model*');
      assert.deepEqual(lint(text), []);
      const demoted = FILLED.replace('## Data Model', '### Data Model');
      assert.deepEqual(lint(demoted), [
        {
          code: 'TS024',
          severity: 'warning',
          message: 'Section "Data Model" is a level 3 heading; the template has it at level 2 (##).',
          range: lineOf(demoted, '### Data Model'),
          fix: undefined,
        },
      ]);
    });

    fires('TS024', 'a section of the template at another heading level', () => {
      const text = FILLED.replace('## Dependencies', '#### Dependencies');
      assert.deepEqual(lint(text), [
        {
          code: 'TS024',
          severity: 'warning',
          message: 'Section "Dependencies" is a level 4 heading; the template has it at level 2 (##).',
          range: lineOf(text, '#### Dependencies'),
          fix: undefined,
        },
      ]);
    });

    staysQuiet('TS024', 'a deeper heading with a section name above the section itself', () => {
      const text = FILLED.replace('### Unit Tests', '### Testing Strategy');
      assert.deepEqual(lint(text), []);
    });

    fires('TS021', 'two sections swapped', () => {
      const data = sectionLines(FILLED, 'Data Model');
      const api = sectionLines(FILLED, 'API Specification');
      const lines = FILLED.split('\n');
      const swapped = [
        ...lines.slice(0, data.start),
        ...lines.slice(api.start, api.end),
        ...lines.slice(data.start, data.end),
        ...lines.slice(api.end),
      ].join('\n');
      assert.deepEqual(lint(swapped), [
        {
          code: 'TS021',
          severity: 'warning',
          message: 'Section "API Specification" comes before "Data Model" but the template puts it after.',
          range: lineOf(swapped, '## API Specification'),
          fix: undefined,
        },
      ]);
    });

    fires('TS021', 'a section moved to the end', () => {
      const summary = sectionLines(FILLED, 'Executive Summary');
      const lines = FILLED.split('\n');
      const moved = [...lines.slice(0, summary.start), ...lines.slice(summary.end), '', '---', '', ...lines.slice(summary.start, summary.end)].join('\n');
      const findings = lint(moved);
      assert.deepEqual(findings.map((finding) => [finding.code, finding.message, finding.range]), [
        ['TS021', 'Section "Table of Contents" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Table of Contents')],
        ['TS021', 'Section "Design Overview" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Design Overview')],
        ['TS021', 'Section "Detailed Specifications" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Detailed Specifications')],
        ['TS021', 'Section "Data Model" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Data Model')],
        ['TS021', 'Section "API Specification" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## API Specification')],
        ['TS021', 'Section "Security Implementation" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Security Implementation')],
        ['TS021', 'Section "Performance Considerations" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Performance Considerations')],
        ['TS021', 'Section "Testing Strategy" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Testing Strategy')],
        ['TS021', 'Section "Deployment & Operations" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Deployment & Operations')],
        ['TS021', 'Section "Dependencies" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Dependencies')],
        ['TS021', 'Section "Implementation Checklist" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## Implementation Checklist')],
        ['TS021', 'Section "References" comes before "Executive Summary" but the template puts it after.', lineOf(moved, '## References')],
      ]);
    });

    staysQuiet('TS021', 'extra sections of the author’s own between template sections', () => {
      const text = FILLED.replace('## Data Model', '## Glossary\n\nTerms used here.\n\n---\n\n## Data Model');
      assert.deepEqual(lint(text), []);
    });

    fires('TS022', 'one finding per section, at its first placeholder, counting the rest', () => {
      const text = replaceSectionBody(
        replaceSectionBody(FILLED, 'Data Model', ['### Entities', '', 'The [Name] table holds [list].', '', '#### More', '', '| [field] | x |']),
        'Dependencies',
        ['Uses [Service 1].'],
      );
      assert.deepEqual(lint(text), [
        {
          code: 'TS022',
          severity: 'information',
          message: `Section "Data Model" still holds the template's placeholder [Name] and 2 more.`,
          range: locate(text, 'The [Name]', '[Name]'),
          fix: undefined,
        },
        {
          code: 'TS022',
          severity: 'information',
          message: `Section "Dependencies" still holds the template's placeholder [Service 1].`,
          range: locate(text, 'Uses [Service 1]', '[Service 1]'),
          fix: undefined,
        },
      ]);
    });

    fires('TS022', 'a placeholder above the first section belongs to the title heading', () => {
      const text = FILLED.replace('# TS-0001: Payment Retries\n', '# TS-0001: Payment Retries\n\nOwned by [Name].\n');
      assert.deepEqual(lint(text), [
        {
          code: 'TS022',
          severity: 'information',
          message: `Section "TS-0001: Payment Retries" still holds the template's placeholder [Name].`,
          range: locate(text, 'Owned by', '[Name]'),
          fix: undefined,
        },
      ]);
    });

    staysQuiet('TS022', 'footnotes, links, reference definitions, images, task boxes and fenced text are not placeholders', () => {
      const text = replaceSectionBody(FILLED, 'Data Model', [
        'A footnote[^1] and a [link](https://example.com) and [Name](#data-model).',
        'A reference [Name][name] and an image ![Name](x.png) and ![Name].',
        '',
        '- [ ] an open task',
        '- [x] a done task',
        '',
        '```',
        '[Name] [describe input] [Date]',
        '```',
        '',
        '~~~md',
        'Input: [describe input]',
        '~~~',
        '',
        '[^1]: The [note].',
        '[name]: https://example.com/name',
      ]);
      assert.deepEqual(lint(text), []);
    });

    staysQuiet('TS022', 'placeholders quoted in code spans or HTML comments, on one line or several', () => {
      const text = replaceSectionBody(FILLED, 'Data Model', [
        'Replace `[Name]` with the entity, and ``[list]`` too.',
        '<!-- TODO: [Name] -->',
        '<!--',
        'Fill in [describe input] and [Date].',
        '-->',
      ]);
      assert.deepEqual(lint(text), []);
    });

    fires('TS022', 'a placeholder after a comment closes, or outside a code span, on the same line', () => {
      const text = replaceSectionBody(FILLED, 'Data Model', ['<!-- a note', 'ends here --> but [Name] is left.', '`code` then [list]']);
      assert.deepEqual(lint(text), [
        {
          code: 'TS022',
          severity: 'information',
          message: `Section "Data Model" still holds the template's placeholder [Name] and 1 more.`,
          range: locate(text, 'ends here --> but [Name]', '[Name]'),
          fix: undefined,
        },
      ]);
    });

    staysQuiet('TS022', 'a template without placeholders never reports them', () => {
      const template = buildTemplateModel('# T\n\n## Only\n\nText.\n');
      assert.equal(template.placeholders.size, 0);
      const findings = lintSpec({
        uri: URI,
        parsed: parseDocumentText('---\ntech_spec_id: TS-0001\ntitle: T\nstatus: DRAFT\nauthor: A\ncreated: 2026-05-01\nlast_updated: 2026-05-31\n---\n## Only\n\n[Name]\n'),
        template,
        config: lintConfig(),
        workspace: { owners: () => [URI] },
        today: TODAY,
      });
      assert.deepEqual(findings, []);
    });

    fires('TS023', 'an Implementation Checklist without task items', () => {
      const text = replaceSectionBody(FILLED, 'Implementation Checklist', ['Nothing planned yet.', '', '- a plain list item']);
      assert.deepEqual(lint(text), [
        {
          code: 'TS023',
          severity: 'warning',
          message: 'The Implementation Checklist has no task items (`- [ ] ...`).',
          range: lineOf(text, '## Implementation Checklist'),
          fix: undefined,
        },
      ]);
    });

    fires('TS023', 'task items inside a fence do not count', () => {
      const text = replaceSectionBody(FILLED, 'Implementation Checklist', ['```', '- [ ] not a task', '```']);
      assert.deepEqual(codes(lint(text)), ['TS023']);
    });

    staysQuiet('TS023', 'one task in a subsection is enough; a missing checklist is TS020, not TS023', () => {
      const text = replaceSectionBody(FILLED, 'Implementation Checklist', ['### Phase 1', '', '- [x] done']);
      assert.deepEqual(lint(text), []);
      assert.deepEqual(codes(lint(removeSection(FILLED, 'Implementation Checklist'))), ['TS020']);
    });
  });

  describe('references: TS030', () => {
    fires('TS030', 'an id nobody owns, in the body and in the front matter', () => {
      const text = withFrontMatter({ decision_ref: 'RFC-0404' }).replace('## Executive Summary\n\n', '## Executive Summary\n\nSee PRD-0099 and TS-0042.\n');
      assert.deepEqual(lint(text), [
        { code: 'TS030', severity: 'warning', message: 'No document in the workspace owns RFC-0404.', range: rangeOf(4, 14, 22), fix: undefined },
        { code: 'TS030', severity: 'warning', message: 'No document in the workspace owns PRD-0099.', range: locate(text, 'See PRD-0099', 'PRD-0099'), fix: undefined },
        { code: 'TS030', severity: 'warning', message: 'No document in the workspace owns TS-0042.', range: locate(text, 'See PRD-0099', 'TS-0042'), fix: undefined },
      ]);
    });

    fires('TS030', 'a referenceUrls entry for another prefix, or a non-web URL, does not cover it', () => {
      const text = FILLED.replace('## Executive Summary\n\n', '## Executive Summary\n\nSee RFC-0099.\n');
      assert.deepEqual(codes(lint(text, { config: { referenceUrls: { PRD: 'https://prd.example.com/{id}' } } })), ['TS030']);
      assert.deepEqual(codes(lint(text, { config: { referenceUrls: { RFC: 'javascript:alert("{id}")' } } })), ['TS030']);
    });

    staysQuiet('TS030', 'referenceUrls covers a prefix; ids in code, links and URLs are not citations', () => {
      const text = FILLED.replace(
        '## Executive Summary\n\n',
        '## Executive Summary\n\nSee RFC-0099. `TS-0042` is code, [a link](https://x.example/TS-0043) and https://example.com/PRD-0098 are not citations.\n',
      );
      assert.deepEqual(lint(text, { config: { referenceUrls: { RFC: 'https://rfc.example.com/{id}' } } }), []);
      // tech_spec_id is the spec's own id, never a citation; other id fields neither.
      const ownIds = withFrontMatter({ rfc_id: 'RFC-0500' });
      assert.deepEqual(lint(ownIds), []);
    });
  });

  describe('staleness: TS040', () => {
    fires('TS040', 'a DRAFT or IN_REVIEW spec not updated for more than staleAfterDays', () => {
      for (const status of ['DRAFT', 'IN_REVIEW']) {
        assert.deepEqual(lint(withFrontMatter({ status, created: '2026-03-01', last_updated: '2026-04-01' })), [
          {
            code: 'TS040',
            severity: 'information',
            message: `Last updated 61 days ago while ${status}: update the spec or its status.`,
            range: rangeOf(7, 14, 24),
            fix: { kind: 'touchLastUpdated' },
          },
        ]);
      }
      assert.deepEqual(codes(lint(withFrontMatter({ last_updated: '2026-05-20' }), { config: { staleAfterDays: 7 } })), ['TS040']);
    });

    staysQuiet('TS040', 'other statuses, exactly staleAfterDays, and a longer staleAfterDays', () => {
      for (const status of ['APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED']) {
        assert.deepEqual(lint(withFrontMatter({ status, created: '2025-01-01', last_updated: '2025-01-01' }), { config: { rules: { TS041: 'off' } } }), [], status);
      }
      assert.deepEqual(lint(withFrontMatter({ created: '2026-05-01', last_updated: '2026-05-02' })), [], 'exactly 30 days');
      assert.deepEqual(codes(lint(withFrontMatter({ created: '2026-05-01', last_updated: '2026-05-01' }))), ['TS040'], '31 days');
      assert.deepEqual(lint(withFrontMatter({ created: '2026-03-01', last_updated: '2026-04-01' }), { config: { staleAfterDays: 90 } }), []);
    });
  });

  describe('reference types: TS050', () => {
    fires('TS050', 'a PRD id in decision_ref, an RFC id in related_prd, or a key a type declares', () => {
      const swapped = withFrontMatter({ decision_ref: 'PRD-0012', related_prd: 'RFC-0007' });
      assert.deepEqual(lint(swapped).filter((finding) => finding.code === 'TS050'), [
        {
          code: 'TS050',
          severity: 'warning',
          message: '"decision_ref" names PRD-0012, a PRD document; it should name a RFC document (RFC-<digits>).',
          range: locate(swapped, 'decision_ref:', 'PRD-0012'),
          fix: undefined,
        },
        {
          code: 'TS050',
          severity: 'warning',
          message: '"related_prd" names RFC-0007, a RFC document; it should name a PRD document (PRD-<digits>).',
          range: locate(swapped, 'related_prd:', 'RFC-0007'),
          fix: undefined,
        },
      ]);
      const declared = lintSpec({
        uri: URI,
        parsed: parseDocumentText(withFrontMatter({ decision_ref: 'RFC-0007' }).replace('author:', 'supersedes: RFC-0007\nauthor:')),
        template: TEMPLATE,
        config: { ...lintConfig(), referenceFields: { decision_ref: 'RFC', supersedes: 'TS' } },
        workspace: { owners: () => ['file:///w/x.md'] },
        today: TODAY,
      });
      assert.deepEqual(codes(declared.filter((finding) => finding.code === 'TS050' || finding.code === 'TS005')), ['TS005', 'TS050']);
    });

    staysQuiet('TS050', 'ids of the right type, URLs, empty values, and keys that name no type', () => {
      assert.deepEqual(codes(lint(withFrontMatter({ decision_ref: 'RFC-0007', related_prd: 'PRD-0012' }))), []);
      assert.deepEqual(codes(lint(withFrontMatter({ decision_ref: null, related_prd: 'https://example.org/prd/12' }))), []);
      assert.deepEqual(codes(lint(withFrontMatter({ author: 'PRD-0012' }))), []);
      assert.deepEqual(codes(lint(withFrontMatter({ decision_ref: 'PRD-0012' }), { config: { rules: { 'reference-wrong-type': 'off' } } })), []);
    });
  });

  describe('severity overrides (config.rules)', () => {
    const missing = () => removeSection(FILLED, 'Data Model');

    it("'off' by code drops the finding", () => {
      assert.deepEqual(lint(missing(), { config: { rules: { TS020: 'off' } } }), []);
    });

    it("'off' by name drops the finding", () => {
      assert.deepEqual(lint(missing(), { config: { rules: { 'section-missing': 'off' } } }), []);
    });

    it('a severity by code or by name changes the finding’s severity', () => {
      assert.deepEqual(lint(missing(), { config: { rules: { TS020: 'error' } } }).map((finding) => finding.severity), ['error']);
      assert.deepEqual(lint(missing(), { config: { rules: { 'section-missing': 'hint' } } }).map((finding) => finding.severity), ['hint']);
      const stale = withFrontMatter({ created: '2026-03-01', last_updated: '2026-04-01' });
      assert.deepEqual(lint(stale, { config: { rules: { stale: 'warning' } } }).map((finding) => [finding.code, finding.severity]), [['TS040', 'warning']]);
    });

    it('the code wins over the name', () => {
      assert.deepEqual(lint(missing(), { config: { rules: { 'section-missing': 'error', TS020: 'information' } } }).map((finding) => finding.severity), ['information']);
      assert.deepEqual(lint(missing(), { config: { rules: { 'section-missing': 'error', TS020: 'off' } } }), []);
    });

    it('an override touches only its own rule', () => {
      const text = withFrontMatter({ status: 'draft' }).replace('\n## Data Model\n', '\n## Data Modelling\n');
      const findings = lint(text, { config: { rules: { TS020: 'off', 'status-unknown': 'warning' } } });
      assert.deepEqual(findings.map((finding) => [finding.code, finding.severity]), [['TS006', 'warning']]);
    });

    it('a value that is not a severity is ignored: the default stays', () => {
      assert.deepEqual(lint(missing(), { config: { rules: { TS020: 'fatal' } } }).map((finding) => finding.severity), ['information']);
      assert.equal(severityOf('TS001', { TS001: 'nope' as never }), 'error');
    });

    it('severityOf reads the defaults from RULES', () => {
      for (const rule of RULES) assert.equal(severityOf(rule.code, {}), rule.severity, rule.code);
    });
  });

  describe('lifecycle: TS041–TS045 (supersession, retired and unaccepted citations)', () => {
    const RFC_TEXT = (status: string) => `---\nrfc_id: RFC-0007\ntitle: Auth tokens\nstatus: ${status}\n---\n# RFC-0007\n`;
    const SPEC_URI = (id: string) => `file:///w/docs/specs/${id}-other.md`;
    const other = (id: string, keys: Readonly<Record<string, string>>) =>
      `---\ntech_spec_id: ${id}\n${Object.entries(keys).map(([key, value]) => `${key}: ${value}\n`).join('')}---\n# ${id}\n`;
    /** Lints the spec against a real index holding it, RFC-0007, PRD-0012 and the other documents given. */
    function lintIn(text: string, others: Readonly<Record<string, string>> = {}, options: { rfc?: string; config?: Readonly<Record<string, unknown>> } = {}) {
      // These specs predate recorded approvals: TS032 is tested on its own.
      const given = options.config ?? {};
      const config = lintConfig({ ...given, rules: { TS032: 'off', ...((given.rules as Record<string, unknown> | undefined) ?? {}) } });
      const index = new SpecIndex(config);
      index.upsert(RFC_URI, RFC_TEXT(options.rfc ?? 'ACCEPTED'));
      index.upsert(PRD_URI, '---\nprd_id: PRD-0012\nstatus: APPROVED\n---\n# PRD\n');
      for (const [id, body] of Object.entries(others)) index.upsert(SPEC_URI(id), body);
      index.upsert(URI, text);
      return lintWithIndex(URI, parseDocumentText(text), TEMPLATE, config, index, TODAY);
    }
    const cite = (text: string, line: string) => `${text}\n${line}\n`;

    fires('TS041', 'a SUPERSEDED spec without superseded_by', () => {
      const text = withFrontMatter({ status: 'SUPERSEDED' });
      assert.deepEqual(lintIn(text), [
        { code: 'TS041', severity: 'warning', message: 'The spec is SUPERSEDED but has no "superseded_by": name the spec that replaces it.', range: locate(text, 'status:', 'SUPERSEDED'), fix: undefined },
      ]);
    });
    staysQuiet('TS041', 'a SUPERSEDED spec that names its successor, which names it back; any other status', () => {
      const text = withFrontMatter({ status: 'SUPERSEDED', superseded_by: 'TS-0050' });
      assert.deepEqual(lintIn(text, { 'TS-0050': other('TS-0050', { status: 'DRAFT', supersedes: 'TS-0001' }) }, { config: { rules: { TS005: 'off' } } }), []);
      assert.deepEqual(lintIn(withFrontMatter({ status: 'DEPRECATED' })), []);
    });

    fires('TS042', 'supersedes and superseded_by naming documents that do not point back', () => {
      const text = withFrontMatter({ supersedes: 'TS-0002', superseded_by: 'TS-0050' });
      const findings = lintIn(text, { 'TS-0002': other('TS-0002', { status: 'SUPERSEDED' }), 'TS-0050': other('TS-0050', { status: 'DRAFT', supersedes: 'TS-0009' }) }, { config: { rules: { TS005: 'off' } } });
      assert.deepEqual(findings, [
        { code: 'TS042', severity: 'warning', message: 'TS-0002 does not point back: its "superseded_by" should be TS-0001, but it has no "superseded_by".', range: locate(text, 'supersedes:', 'TS-0002'), fix: undefined },
        { code: 'TS042', severity: 'warning', message: 'TS-0050 does not point back: its "supersedes" should be TS-0001, but it names TS-0009.', range: locate(text, 'superseded_by:', 'TS-0050'), fix: undefined },
      ]);
    });
    staysQuiet('TS042', 'both sides name each other', () => {
      const text = withFrontMatter({ supersedes: 'TS-0002' });
      assert.deepEqual(lintIn(text, { 'TS-0002': other('TS-0002', { status: 'SUPERSEDED', superseded_by: 'TS-0001' }) }, { config: { rules: { TS005: 'off' } } }), []);
    });

    fires('TS043', 'an id under supersedes or superseded_by that no document owns (and not TS030 as well)', () => {
      const text = withFrontMatter({ supersedes: 'TS-0998', superseded_by: 'TS-0999' });
      assert.deepEqual(lintIn(text, {}, { config: { rules: { TS005: 'off' } } }), [
        { code: 'TS043', severity: 'warning', message: 'No document owns TS-0998, named in "supersedes".', range: locate(text, 'supersedes:', 'TS-0998'), fix: undefined },
        { code: 'TS043', severity: 'warning', message: 'No document owns TS-0999, named in "superseded_by".', range: locate(text, 'superseded_by:', 'TS-0999'), fix: undefined },
      ]);
    });
    staysQuiet('TS043', 'the named document exists', () => {
      const text = withFrontMatter({ superseded_by: 'TS-0050', status: 'SUPERSEDED' });
      assert.deepEqual(codes(lintIn(text, { 'TS-0050': other('TS-0050', { status: 'DRAFT', supersedes: 'TS-0001' }) }, { config: { rules: { TS005: 'off' } } })), []);
    });

    fires('TS044', 'a DRAFT spec cites a SUPERSEDED spec (with the successor as a fix) and a DEPRECATED one (no fix)', () => {
      const text = cite(withFrontMatter({}), 'See TS-0002 and TS-0003.');
      const findings = lintIn(text, {
        'TS-0002': other('TS-0002', { status: 'SUPERSEDED', superseded_by: 'TS-0050' }),
        'TS-0050': other('TS-0050', { status: 'DRAFT', supersedes: 'TS-0002' }),
        'TS-0003': other('TS-0003', { status: 'DEPRECATED' }),
      });
      assert.deepEqual(findings, [
        { code: 'TS044', severity: 'information', message: 'TS-0002 is SUPERSEDED; TS-0050 replaces it.', range: locate(text, 'See TS-0002', 'TS-0002'), fix: { kind: 'replaceReference', id: 'TS-0002', replacement: 'TS-0050' } },
        { code: 'TS044', severity: 'information', message: 'TS-0003 is DEPRECATED.', range: locate(text, 'See TS-0002', 'TS-0003'), fix: undefined },
      ]);
      const fix = fixFor(findings[0], { parsed: parseDocumentText(text), template: TEMPLATE, today: TODAY, statuses: DEFAULT_CONFIG.statuses, nextFreeId: 'TS-0051' });
      assert.deepEqual(fix, { title: 'Replace with TS-0050', edits: [{ range: locate(text, 'See TS-0002', 'TS-0002'), newText: 'TS-0050' }] });
    });
    staysQuiet('TS044', 'an IMPLEMENTED spec citing it, the successor citing it under supersedes, a live document', () => {
      const others = { 'TS-0002': other('TS-0002', { status: 'SUPERSEDED', superseded_by: 'TS-0001' }) };
      assert.deepEqual(lintIn(cite(withFrontMatter({ status: 'IMPLEMENTED' }), 'See TS-0002.'), others), []);
      assert.deepEqual(lintIn(withFrontMatter({ supersedes: 'TS-0002' }), others, { config: { rules: { TS005: 'off' } } }), []);
      assert.deepEqual(lintIn(cite(withFrontMatter({}), 'See TS-0004.'), { 'TS-0004': other('TS-0004', { status: 'APPROVED' }) }), []);
    });

    fires('TS045', 'an APPROVED spec whose decision RFC is still DRAFT, or in no status of its prefix', () => {
      const text = withFrontMatter({ status: 'APPROVED' });
      assert.deepEqual(lintIn(text, {}, { rfc: 'DRAFT' }), [
        { code: 'TS045', severity: 'warning', message: 'The spec is APPROVED, but its decision RFC-0007 is DRAFT; accepted: ACCEPTED, APPROVED, IMPLEMENTED.', range: locate(text, 'decision_ref:', 'RFC-0007'), fix: undefined },
      ]);
      assert.deepEqual(codes(lintIn(withFrontMatter({ status: 'IMPLEMENTED' }), {}, { rfc: 'ACCEPTED', config: { acceptedStatuses: { RFC: ['FINAL'] } } })), ['TS045']);
    });
    staysQuiet('TS045', 'an accepted decision, a per-prefix setting, or a spec not yet approved', () => {
      assert.deepEqual(lintIn(withFrontMatter({ status: 'APPROVED' }), {}, { rfc: 'ACCEPTED' }), []);
      assert.deepEqual(lintIn(withFrontMatter({ status: 'APPROVED' }), {}, { rfc: 'FINAL', config: { acceptedStatuses: { RFC: ['FINAL'] } } }), []);
      assert.deepEqual(lintIn(withFrontMatter({ status: 'IN_REVIEW' }), {}, { rfc: 'DRAFT' }), []);
    });

    it('without the index look-up (an older caller), the rules that read other documents stay quiet', () => {
      assert.deepEqual(codes(lint(withFrontMatter({ status: 'APPROVED', supersedes: 'TS-0002' }), { config: { rules: { TS005: 'off' } } })), []);
    });
  });

  describe('isLintTarget', () => {
    const config = { specsFolder: 'docs/specs', idPrefix: 'TS' };
    it('a tech_spec_id makes a target anywhere, even in front matter that does not parse', () => {
      assert.equal(isLintTarget('notes/a.md', parseDocumentText(FILLED), config), true);
      assert.equal(isLintTarget('notes/a.md', parseDocumentText('---\ntech_spec_id: TS-1\n\tbad: [\n---\n'), config), true);
      assert.equal(isLintTarget('notes/a.md', parseDocumentText('---\ntech_spec_id: TS-1\n'), config), true);
    });
    it('a spec-id file name in the specs folder makes a target; elsewhere it does not', () => {
      assert.equal(isLintTarget('docs/specs/TS-0004-x.md', parseDocumentText('# x\n'), config), true);
      assert.equal(isLintTarget('docs/rfcs/TS-0004-x.md', parseDocumentText('# x\n'), config), false);
      assert.equal(isLintTarget('docs/specs/README.md', parseDocumentText('# x\n'), config), false);
      assert.equal(isLintTarget('docs/specs/RFC-0004-x.md', parseDocumentText('# x\n'), config), false);
    });
  });

  describe('recorded approvals: TS031, TS032', () => {
    const approve = (text: string, by = 'Ana') => applyEdit(text, approvalEdit(text, { by }, '2026-05-30')!.edit);
    const change = (text: string) => text.replace('## Data Model', '## Data Model\n\nA late change.');
    const approvalFindings = (text: string) => lint(text, { config: { rules: { TS032: 'information' } } }).filter((finding) => finding.code === 'TS031' || finding.code === 'TS032');

    fires('TS031', 'on the entry of an approval whose content changed since', () => {
      const findings = approvalFindings(change(approve(FILLED)));
      assert.deepEqual(findings, [
        { code: 'TS031', severity: 'warning', message: 'Approval by Ana is stale: approved content changed since 2026-05-30.', range: rangeOf(10, 0, 11), fix: { kind: 'removeStaleApprovals' } },
      ]);
    });

    staysQuiet('TS031', 'while the content is as approved, line endings and trailing spaces aside', () => {
      const approved = approve(FILLED);
      assert.deepEqual(approvalFindings(approved), []);
      assert.deepEqual(approvalFindings(approved.replace(/\n/g, '\r\n').replace('## Data Model', '## Data Model   ')), []);
      assert.deepEqual(approvalFindings(approved.replace('title: Payment Retries', 'title: Retries')), [], 'a front-matter edit is no content change');
    });

    fires('TS032', 'on the status of an APPROVED or IMPLEMENTED spec with no current approval', () => {
      const approvedStatus = withFrontMatter({ status: 'APPROVED' });
      assert.deepEqual(approvalFindings(approvedStatus), [
        { code: 'TS032', severity: 'information', message: 'APPROVED without a current approval: no approval is recorded.', range: rangeOf(3, 8, 16), fix: { kind: 'reapprove' } },
      ]);
      const stale = change(approve(withFrontMatter({ status: 'IMPLEMENTED' })));
      assert.deepEqual(approvalFindings(stale).map((finding) => finding.message), [
        'IMPLEMENTED without a current approval: its approval is stale.',
        'Approval by Ana is stale: approved content changed since 2026-05-30.',
      ]);
    });

    staysQuiet('TS032', 'with a current approval, and in other statuses', () => {
      assert.deepEqual(approvalFindings(approve(withFrontMatter({ status: 'APPROVED' }))), []);
      for (const status of ['DRAFT', 'IN_REVIEW', 'SUPERSEDED', 'DEPRECATED']) assert.deepEqual(approvalFindings(withFrontMatter({ status })), [], status);
    });
  });

  describe('rule table', () => {
    it('codes are unique, names are unique, every default severity is a real one', () => {
      assert.equal(new Set(RULES.map((rule) => rule.code)).size, RULES.length);
      assert.equal(new Set(RULES.map((rule) => rule.name)).size, RULES.length);
      for (const rule of RULES) assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.severity), rule.code);
    });

    it('every rule in RULES has a test that shows it firing and one that shows it quiet', () => {
      const all = RULES.map((rule) => rule.code);
      assert.deepEqual(all.filter((code) => !firing.has(code)), [], 'rules without a firing test');
      assert.deepEqual(all.filter((code) => !quiet.has(code)), [], 'rules without a quiet test');
      assert.deepEqual([...firing].filter((code) => !all.includes(code as RuleCode)), [], 'tests for codes that are not in RULES');
    });
  });
});
