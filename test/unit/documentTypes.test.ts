// Document types: the defaults that keep today's behaviour, resolution by id field and file name,
// per-type settings, and documents fresh from each built-in template checked against it.
import * as assert from 'node:assert/strict';
import { resolveConfig, resolveConfigReport, DEFAULT_CONFIG } from '../../src/core/config';
import { lintSpec, templateModelFor, type Finding } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import { summarize } from '../../src/core/summary';
import { renderTemplate } from '../../src/core/template';
import {
  ADR_TEMPLATE,
  PRD_TEMPLATE,
  RFC_TEMPLATE,
  checkTemplate,
  checkedTypeOf,
  creationTemplate,
  documentFileName,
  documentTypesOf,
  findType,
  lintConfigFor,
  pluralName,
  referenceFieldPrefix,
  resolveDocumentType,
  templateOptionsFor,
  typeByPrefix,
  type DocumentType,
} from '../../src/core/types';
import { ADR_USE_POSTGRES } from '../support/documentFixtures';
import { TEMPLATE_TEXT, TODAY } from './lintFixtures';

const WITH_ADR = resolveConfig({ documentTypes: [{ prefix: 'ADR', folder: 'docs/decisions' }] });

function typeOf(config: typeof DEFAULT_CONFIG, prefix: string): DocumentType {
  const type = typeByPrefix(documentTypesOf(config), prefix);
  assert.ok(type, `no type ${prefix}`);
  return type;
}

describe('document types', () => {
  describe('defaults', () => {
    it('are the tech spec from today’s settings, then RFC and PRD without templates', () => {
      const types = documentTypesOf(DEFAULT_CONFIG);
      assert.deepEqual(
        types.map((type) => [type.prefix, type.name, type.idField, type.template, type.folder, type.fileName, type.checklistSection]),
        [
          ['TS', 'Tech Spec', 'tech_spec_id', 'builtin', 'docs/specs', '{id}-{slug}.md', 'Implementation Checklist'],
          ['RFC', 'RFC', 'rfc_id', '', 'docs/rfcs', '{id}-{slug}.md', ''],
          ['PRD', 'PRD', 'prd_id', '', 'docs/prd', '{id}-{slug}.md', ''],
        ],
      );
      assert.equal(types[0].statuses, DEFAULT_CONFIG.statuses);
      assert.deepEqual(types[0].referenceFields, { decision_ref: 'RFC', related_prd: 'PRD' });
      // Without the setting, the id prefixes and fields are exactly today's.
      assert.deepEqual([...DEFAULT_CONFIG.referencePrefixes], ['TS', 'RFC', 'PRD']);
      assert.deepEqual([...DEFAULT_CONFIG.idFields], ['tech_spec_id', 'rfc_id', 'prd_id', 'id']);
    });

    it('take the tech spec type from the techSpec.* settings', () => {
      const config = resolveConfig({ idPrefix: 'SPEC', idDigits: 3, specsFolder: 'design', templatePath: 'tpl/spec.md', statuses: ['OPEN', 'DONE'], checklistSection: 'Tasks', documentFolders: { RFC: 'rfc' } });
      const [spec, rfc] = documentTypesOf(config);
      assert.deepEqual(
        [spec.prefix, spec.idDigits, spec.folder, spec.template, [...spec.statuses], spec.checklistSection],
        ['SPEC', 3, 'design', 'tpl/spec.md', ['OPEN', 'DONE'], 'Tasks'],
      );
      assert.equal(rfc.folder, 'rfc');
      assert.ok(config.referencePrefixes.includes('SPEC'));
    });
  });

  describe('per-type settings', () => {
    it('adds a type and overrides a built-in one field by field', () => {
      const config = resolveConfig({
        documentTypes: [
          { prefix: 'ADR', folder: 'docs/decisions' },
          { prefix: 'RFC', template: 'builtin', statuses: ['OPEN', 'ACCEPTED'] },
        ],
      });
      const types = documentTypesOf(config);
      assert.deepEqual(types.map((type) => type.prefix), ['TS', 'RFC', 'PRD', 'ADR']);
      const adr = typeOf(config, 'ADR');
      assert.deepEqual([adr.name, adr.idField, adr.template, adr.folder, adr.statuses[0]], ['ADR', 'adr_id', 'builtin', 'docs/decisions', 'PROPOSED']);
      const rfc = typeOf(config, 'RFC');
      assert.deepEqual([rfc.idField, rfc.template, [...rfc.statuses], rfc.folder], ['rfc_id', 'builtin', ['OPEN', 'ACCEPTED'], 'docs/rfcs']);
      // A declared type's prefix and id field are known everywhere ids are.
      assert.deepEqual([...config.referencePrefixes], ['TS', 'RFC', 'PRD', 'ADR']);
      assert.deepEqual([...config.idFields], ['tech_spec_id', 'rfc_id', 'prd_id', 'id', 'adr_id']);
    });

    it('reports unusable entries and fields, and keeps the rest', () => {
      const { config, problems } = resolveConfigReport({
        documentTypes: [{ prefix: '1X' }, 'ADR', { prefix: 'ADR', statuses: [], fileName: 'no-id.md', colour: 'red' }, { prefix: 'ADR' }],
      });
      assert.deepEqual(problems.map((problem) => problem.message), [
        'entry 1 has no valid "prefix" (a letter, then letters, digits or _); it is ignored.',
        'entry 2 is not an object; it is ignored.',
        'ADR: "fileName" is not a file name pattern with {id}; the default is used.',
        'ADR: "statuses" is not a non-empty list of statuses; the default is used.',
        'ADR: unknown field "colour"; it is ignored.',
        'the prefix ADR is declared twice; the first entry is used.',
      ]);
      assert.deepEqual(config.documentTypes, [{ prefix: 'ADR' }]);
      assert.deepEqual(resolveConfigReport({ documentTypes: 'ADR' }).problems.map((problem) => problem.key), ['documentTypes']);
    });

    it('gives each type its own lint settings; the tech spec keeps the configuration object itself', () => {
      const adr = typeOf(WITH_ADR, 'ADR');
      const spec = documentTypesOf(WITH_ADR)[0];
      assert.equal(lintConfigFor(WITH_ADR, spec), WITH_ADR);
      const adrConfig = lintConfigFor(WITH_ADR, adr);
      assert.deepEqual([adrConfig.idPrefix, adrConfig.idField, [...adrConfig.statuses]], ['ADR', 'adr_id', ['PROPOSED', 'ACCEPTED', 'REJECTED', 'DEPRECATED', 'SUPERSEDED']]);
      assert.equal(templateOptionsFor(WITH_ADR, adr).checklistSection, '');
    });

    it('finds a type by prefix or name, names roots, makes file names and maps reference keys', () => {
      const types = documentTypesOf(WITH_ADR);
      assert.equal(findType(types, 'rfc')?.prefix, 'RFC');
      assert.equal(findType(types, 'Tech Specs')?.prefix, 'TS');
      assert.equal(findType(types, 'nope'), undefined);
      assert.deepEqual(types.map(pluralName), ['Tech Specs', 'RFCs', 'PRDs', 'ADRs']);
      assert.equal(documentFileName({ fileName: '{id}-{slug}.md' }, 'ADR-0001', 'use-postgres'), 'ADR-0001-use-postgres.md');
      assert.equal(documentFileName({ fileName: '../{id}' }, 'ADR-0001', 'x'), '..-ADR-0001.md');
      assert.equal(referenceFieldPrefix(types, types[0], 'decision_ref'), 'RFC');
      assert.equal(referenceFieldPrefix(types, types[0], 'related_prd'), 'PRD');
      assert.equal(referenceFieldPrefix(types, types[0], 'author'), undefined);
    });
  });

  describe('resolution', () => {
    const types = documentTypesOf(WITH_ADR);
    const resolve = (data: Record<string, unknown> | undefined, path: string) => {
      const typed = resolveDocumentType(data, path, types, WITH_ADR.idFields);
      return typed && [typed.type.prefix, typed.id, typed.by];
    };

    it('takes the type from the id field first', () => {
      assert.deepEqual(resolve({ rfc_id: 'RFC-0007' }, 'docs/PRD-0001-x.md'), ['RFC', 'RFC-0007', 'idField']);
      assert.deepEqual(resolve({ tech_spec_id: 'TS-0042' }, 'notes.md'), ['TS', 'TS-0042', 'idField']);
      assert.deepEqual(resolve({ adr_id: 'ADR-0003' }, 'a.md'), ['ADR', 'ADR-0003', 'idField']);
      // The key names the type even while its value is unfinished.
      assert.deepEqual(resolve({ tech_spec_id: 'TS-XXXX' }, 'a.md'), ['TS', undefined, 'idField']);
      // The generic `id` key: the value's prefix says which type.
      assert.deepEqual(resolve({ id: 'PRD-0012' }, 'a.md'), ['PRD', 'PRD-0012', 'idField']);
    });

    it('falls back to the file name prefix', () => {
      assert.deepEqual(resolve({ title: 'x' }, 'docs/rfcs/RFC-0010-retry.md'), ['RFC', 'RFC-0010', 'fileName']);
      assert.deepEqual(resolve(undefined, 'ADR-0002-queues.md'), ['ADR', 'ADR-0002', 'fileName']);
      assert.deepEqual(resolve({ id: 'XYZ-1' }, 'TS-0005-x.md'), ['TS', 'TS-0005', 'fileName']);
    });

    it('leaves a document of no known type unknown', () => {
      assert.equal(resolve({ title: 'Notes' }, 'docs/README.md'), undefined);
      assert.equal(resolve(undefined, 'docs/XYZ-0001-a.md'), undefined);
      assert.equal(resolveDocumentType({}, 'RFC-0001-a.md', types, [], false), undefined);
    });

    it('is what the index keeps of every document', () => {
      const summary = (path: string, text: string) => summarize(`file:///w/${path}`, text, WITH_ADR);
      assert.deepEqual(pick(summary('docs/adr/ADR-0001-a.md', ADR_USE_POSTGRES)), ['ADR', 'ADR-0001', false]);
      assert.deepEqual(pick(summary('docs/rfcs/RFC-0007-a.md', '# RFC-0007: Tokens\n')), ['RFC', 'RFC-0007', false]);
      assert.deepEqual(pick(summary('docs/specs/TS-0001-a.md', '---\ntech_spec_id: TS-0001\n---\n')), ['TS', 'TS-0001', true]);
      assert.deepEqual(pick(summary('README.md', '# Readme\n')), [undefined, undefined, false]);
    });
  });

  describe('checks against each built-in template', () => {
    const cases: Array<[string, string, typeof DEFAULT_CONFIG]> = [
      ['TS', TEMPLATE_TEXT, DEFAULT_CONFIG],
      ['RFC', RFC_TEMPLATE, resolveConfig({ documentTypes: [{ prefix: 'RFC', template: 'builtin' }] })],
      ['PRD', PRD_TEMPLATE, resolveConfig({ documentTypes: [{ prefix: 'PRD', template: 'builtin' }] })],
      ['ADR', ADR_TEMPLATE, WITH_ADR],
    ];
    for (const [prefix, template, config] of cases) {
      it(`${prefix}: a document fresh from the template has only placeholder findings, and is checked as its type`, () => {
        const type = typeOf(config, prefix);
        const location = checkTemplate(type);
        assert.ok(location);
        if (prefix === 'TS') assert.deepEqual(location, { kind: 'seed' });
        else assert.deepEqual(location, { kind: 'text', text: template });
        const text = renderTemplate(template, { id: `${prefix}-0001`, title: 'Fresh', author: 'Ada', created: '2026-05-01', lastUpdated: '2026-05-20', status: type.statuses[0], idField: type.idField });
        const parsed = parseDocumentText(text);
        assert.equal(checkedTypeOf(`${type.folder}/${prefix}-0001-fresh.md`, parsed, config)?.prefix, prefix);
        assert.equal(parsed.frontMatter.data?.[type.idField], `${prefix}-0001`);
        if (prefix !== 'TS') assert.equal(parsed.frontMatter.data?.tech_spec_id, undefined);
        const findings = lint(text, template, config, type);
        assert.ok(findings.length > 0);
        assert.deepEqual([...new Set(findings.map((finding) => finding.code))], ['TS022'], findings.map((finding) => finding.message).join('\n'));
      });
    }

    it('reports a type’s own statuses and sections, not the tech spec’s', () => {
      const adr = typeOf(WITH_ADR, 'ADR');
      const codes = (text: string) => lint(text, ADR_TEMPLATE, WITH_ADR, adr).map((finding) => `${finding.code} ${finding.message}`);
      assert.deepEqual(codes(ADR_USE_POSTGRES), []);
      assert.deepEqual(codes(ADR_USE_POSTGRES.replace('status: ACCEPTED', 'status: APPROVED')), ['TS006 Unknown status "APPROVED": use one of PROPOSED, ACCEPTED, REJECTED, DEPRECATED, SUPERSEDED.']);
      assert.deepEqual(codes(ADR_USE_POSTGRES.replace('## Consequences\n\nQueries get simpler.\n', '')), ['TS020 Missing section "## Consequences".']);
      assert.deepEqual(codes(ADR_USE_POSTGRES.replace('adr_id: ADR-0001', 'adr_id: TS-0001')), ['TS010 Malformed id "TS-0001": expected ADR-<digits>, e.g. ADR-0042.']);
    });

    it('does not check a type without a template, nor a plain document', () => {
      const rfc = parseDocumentText('---\nrfc_id: RFC-0007\nstatus: WHATEVER\n---\n# RFC\n');
      assert.equal(checkedTypeOf('docs/rfcs/RFC-0007-a.md', rfc, DEFAULT_CONFIG), undefined);
      assert.equal(checkTemplate(typeOf(DEFAULT_CONFIG, 'RFC')), undefined);
      assert.deepEqual(creationTemplate(typeOf(DEFAULT_CONFIG, 'RFC')), { kind: 'text', text: RFC_TEMPLATE });
      assert.equal(checkedTypeOf('README.md', parseDocumentText('# Readme\n'), WITH_ADR), undefined);
    });
  });
});

function pick(summary: ReturnType<typeof summarize>): [string | undefined, string | undefined, boolean] {
  return [summary.documentType, summary.documentId, summary.isSpec];
}

function lint(text: string, template: string, config: typeof DEFAULT_CONFIG, type: DocumentType): Finding[] {
  return lintSpec({
    uri: `file:///w/${type.prefix}-0001-fresh.md`,
    parsed: parseDocumentText(text),
    template: templateModelFor(template, templateOptionsFor(config, type)),
    config: lintConfigFor(config, type),
    workspace: { owners: (id) => (id.endsWith('-0001') ? [`file:///w/${type.prefix}-0001-fresh.md`] : []) },
    today: TODAY,
  });
}
