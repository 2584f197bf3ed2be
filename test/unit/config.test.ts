import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, DEFAULT_STATUSES, resolveConfig, type TechSpecConfig } from '../../src/core/config';

describe('config', () => {
  it('fills an empty configuration with the defaults', () => {
    assert.deepEqual(resolveConfig({}), DEFAULT_CONFIG);
    assert.deepEqual([...DEFAULT_CONFIG.statuses], ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED']);
    assert.equal(DEFAULT_CONFIG.statuses, DEFAULT_STATUSES);
    assert.equal(DEFAULT_CONFIG.idPrefix, 'TS');
    assert.equal(DEFAULT_CONFIG.idDigits, 4);
    assert.deepEqual([...DEFAULT_CONFIG.referencePrefixes], ['TS', 'RFC', 'PRD']);
    assert.deepEqual([...DEFAULT_CONFIG.idFields], ['tech_spec_id', 'rfc_id', 'prd_id', 'id']);
  });

  it('keeps valid values', () => {
    const valid: Record<keyof TechSpecConfig, unknown> = {
      specsFolder: 'specs',
      templatePath: '.github/spec.md',
      author: 'Jane',
      idPrefix: 'ADR',
      idDigits: 6,
      statuses: ['OPEN', 'DONE'],
      specGlob: 'docs/**/*.md',
      exclude: [],
      referencePrefixes: ['ADR', 'RFC'],
      idFields: ['adr'],
      matchFileNames: false,
      referenceUrls: { RFC: 'https://example.com/{id}' },
      documentFolders: { RFC: 'docs/rfcs' },
      followActiveEditor: false,
      groupByFolder: true,
      diagnosticsScope: 'workspace',
      rules: { TS001: 'off' },
      staleAfterDays: 0.5,
      staleStatuses: ['OPEN'],
      checklistSection: 'Tasks',
      optionalSectionMarkers: ['[opt]'],
      optionalKeys: [],
      maxFileSize: 1024,
      agentsMcp: false,
      idsScanBranches: false,
      idsBranchRefs: ['refs/remotes/origin'],
      indexFile: 'SPECS.md',
      indexUpdateOnSave: true,
      acceptedStatuses: { RFC: ['ACCEPTED'], '*': ['DONE'] },
      codeLensEnabled: false,
      lifecycle: { transitions: { OPEN: ['DONE'] }, guards: { DONE: ['checklist', { approvals: 2 }] }, strict: true },
      documentTypes: [{ prefix: 'ADR', idField: 'adr', statuses: ['OPEN', 'DONE'] }],
      treeDocumentType: 'ADR',
      lastUpdatedOnSave: 'off',
    };
    // The lifecycle is read from three settings of its own.
    const { lifecycle, ...flat } = valid as { lifecycle: { transitions: unknown; guards: unknown; strict: unknown } };
    const raw = { ...flat, lifecycleTransitions: lifecycle.transitions, lifecycleGuards: lifecycle.guards, lifecycleStrict: lifecycle.strict };
    assert.deepEqual(resolveConfig(raw), valid);
  });

  it('drops values of the wrong type, one setting at a time', () => {
    const wrong: Array<[keyof TechSpecConfig, unknown]> = [
      ['specsFolder', ''],
      ['agentsMcp', 'yes'],
      ['specsFolder', '   '],
      ['specsFolder', 42],
      ['templatePath', null],
      ['author', ['Jane']],
      ['idPrefix', ''],
      ['idPrefix', '1TS'],
      ['idPrefix', 'T S'],
      ['idPrefix', 'TS-'],
      ['idPrefix', 'T.S'],
      ['idPrefix', 7],
      ['idDigits', 0],
      ['idDigits', 13],
      ['idDigits', 2.5],
      ['idDigits', '4'],
      ['idDigits', Number.NaN],
      ['statuses', []],
      ['statuses', ['DRAFT', 3]],
      ['statuses', 'DRAFT'],
      ['idsScanBranches', 'yes'],
      ['acceptedStatuses', { RFC: 'ACCEPTED' }],
      ['acceptedStatuses', ['ACCEPTED']],
      ['codeLensEnabled', 'on'],
      ['idsBranchRefs', 'refs/heads'],
      ['specGlob', ''],
      ['specGlob', { glob: '*' }],
      ['exclude', 'node_modules'],
      ['exclude', [1]],
      ['referencePrefixes', []],
      ['referencePrefixes', 'RFC'],
      ['idFields', []],
      ['idFields', [null]],
      ['staleStatuses', 'DRAFT'],
      ['checklistSection', ''],
      ['checklistSection', 3],
      ['optionalSectionMarkers', '(Optional)'],
      ['optionalKeys', [1]],
      ['matchFileNames', 'yes'],
      ['referenceUrls', ['x']],
      ['referenceUrls', { RFC: 1 }],
      ['referenceUrls', null],
      ['followActiveEditor', 1],
      ['groupByFolder', 'false'],
      ['diagnosticsScope', 'all'],
      ['rules', { TS001: 2 }],
      ['rules', 'off'],
      ['staleAfterDays', 0],
      ['staleAfterDays', -1],
      ['staleAfterDays', Number.POSITIVE_INFINITY],
      ['staleAfterDays', '30'],
      ['maxFileSize', 0],
      ['maxFileSize', Number.NaN],
      ['lastUpdatedOnSave', 'always'],
      ['lastUpdatedOnSave', true],
    ];
    for (const [key, value] of wrong) {
      assert.deepEqual(resolveConfig({ [key]: value })[key], DEFAULT_CONFIG[key], `${key}: ${JSON.stringify(value)}`);
    }
  });

  it('keeps the valid settings when others are wrong', () => {
    const config = resolveConfig({ idDigits: 'x', author: 'Jane', statuses: [], groupByFolder: true });
    assert.equal(config.idDigits, 4);
    assert.equal(config.author, 'Jane');
    assert.equal(config.statuses, DEFAULT_CONFIG.statuses);
    assert.equal(config.groupByFolder, true);
  });

  it('ignores unknown settings, __proto__ included', () => {
    const parsed = JSON.parse('{"somethingElse": 1, "__proto__": {"idPrefix": "X"}}') as Record<string, unknown>;
    assert.deepEqual(resolveConfig(parsed), DEFAULT_CONFIG);
  });

  describe('referencePrefixes', () => {
    it('always include the id prefix, first when added', () => {
      assert.deepEqual([...resolveConfig({ idPrefix: 'ADR' }).referencePrefixes], ['ADR', 'TS', 'RFC', 'PRD']);
      assert.deepEqual([...resolveConfig({ idPrefix: 'ADR', referencePrefixes: ['RFC'] }).referencePrefixes], ['ADR', 'RFC']);
      assert.deepEqual([...resolveConfig({ idPrefix: 'RFC', referencePrefixes: ['PRD', 'RFC'] }).referencePrefixes], ['PRD', 'RFC']);
      assert.deepEqual([...resolveConfig({ referencePrefixes: ['RFC'] }).referencePrefixes], ['TS', 'RFC']);
    });

    it('drop prefixes that cannot stand in an id', () => {
      assert.deepEqual([...resolveConfig({ referencePrefixes: ['RFC', 'R.F', '', '1X', 'A B', 'OK_2'] }).referencePrefixes], ['TS', 'RFC', 'OK_2']);
      assert.deepEqual([...resolveConfig({ referencePrefixes: ['(', '*'] }).referencePrefixes], ['TS']);
    });

    it('include the default id prefix when the given one is invalid', () => {
      assert.deepEqual([...resolveConfig({ idPrefix: 'bad prefix', referencePrefixes: ['RFC'] }).referencePrefixes], ['TS', 'RFC']);
    });

    it('hold for any input', () => {
      for (const idPrefix of ['TS', 'ADR', 'x', '', 3, undefined]) {
        for (const referencePrefixes of [undefined, [], ['RFC'], ['TS'], ['ADR', 'x'], 'RFC', [1]]) {
          const config = resolveConfig({ idPrefix, referencePrefixes });
          assert.ok(config.referencePrefixes.includes(config.idPrefix), JSON.stringify({ idPrefix, referencePrefixes }));
          for (const prefix of config.referencePrefixes) assert.match(prefix, /^[A-Za-z][A-Za-z0-9_]*$/);
        }
      }
    });
  });
});
