// Every value that the configuration cannot use is reported, naming its key, and the default applies.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, resolveConfigReport } from '../../src/core/config';

describe('config problems', () => {
  it('a complete valid configuration has none', () => {
    assert.deepEqual(resolveConfigReport({ ...DEFAULT_CONFIG, rules: { TS001: 'off', stale: 'warning' } }).problems, []);
    assert.deepEqual(resolveConfigReport({}).problems, []);
  });

  it('names each wrong-typed key once, with the value and the default used', () => {
    const { config, problems } = resolveConfigReport({ idDigits: '4', matchFileNames: 'yes', exclude: 'node_modules', diagnosticsScope: 'all', maxFileSize: -1 });
    assert.deepEqual(problems, [
      { key: 'idDigits', message: '"4" is not a whole number from 1 to 12; using the default 4.' },
      { key: 'exclude', message: '"node_modules" is not a list of globs; using the default ["**/node_modules/**","**/.git/**","**/out/**","**/dist/**","**/.vscode-test/**"].' },
      { key: 'matchFileNames', message: '"yes" is not true or false; using the default true.' },
      { key: 'diagnosticsScope', message: '"all" is not "open" or "workspace"; using the default "open".' },
      { key: 'maxFileSize', message: '-1 is not a positive number of bytes; using the default 5242880.' },
    ]);
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('an invalid id prefix falls back to TS; an invalid reference prefix is dropped alone', () => {
    const { config, problems } = resolveConfigReport({ idPrefix: 'TS-', referencePrefixes: ['RFC', '9X', 'PRD'] });
    assert.equal(config.idPrefix, 'TS');
    assert.deepEqual([...config.referencePrefixes], ['TS', 'RFC', 'PRD']);
    assert.deepEqual(problems.map((problem) => problem.key), ['idPrefix', 'referencePrefixes']);
    assert.match(problems[1].message, /^"9X" is not a valid prefix/);
  });

  it('rules keep their valid entries; a bad severity or an unknown rule is named by its entry', () => {
    const { config, problems } = resolveConfigReport({ rules: { TS020: 'error', 'section-order': 'fatal', TS999: 'off', stale: 2 } });
    assert.deepEqual(config.rules, { TS020: 'error' });
    assert.deepEqual(problems.map((problem) => problem.key), ['rules.section-order', 'rules.TS999', 'rules.stale']);
    assert.equal(problems[0].message, '"fatal" is not a severity (error, warning, information, hint, off); the rule keeps its default.');
  });

  it('a long value is shortened in the message', () => {
    const { problems } = resolveConfigReport({ author: ['x'.repeat(500)] });
    assert.equal(problems.length, 1);
    assert.ok(problems[0].message.length < 200, problems[0].message);
  });
});
