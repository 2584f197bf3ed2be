// A setting the extension cannot use is said (a warning, and a line in the Tech Spec log) and the default applies.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, waitFor } from './helpers';

describe('Settings that cannot be used', () => {
  let api: TechSpecApi;
  const update = (key: string, value: unknown) => vscode.workspace.getConfiguration('techSpec').update(key, value, vscode.ConfigurationTarget.Workspace);

  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    for (const key of ['idPrefix', 'rules', 'staleAfterDays']) await update(key, undefined);
  });

  it('names each one, and uses the default', async () => {
    await update('idPrefix', '1X');
    await update('rules', { TS030: 'loud', 'no-such-rule': 'off', TS020: 'error' });
    await update('staleAfterDays', 'soon');
    const expected = [
      'techSpec.idPrefix: "1X" is not a valid id prefix (a letter, then letters, digits or _); using the default "TS".',
      'techSpec.rules.TS030: "loud" is not a severity (error, warning, information, hint, off); the rule keeps its default.',
      'techSpec.rules.no-such-rule: no rule has this code or name (codes are TS001…, names as in the README\'s rule list); the entry is ignored.',
      'techSpec.staleAfterDays: "soon" is not a positive number; using the default 30.',
    ];
    const problems = await waitFor(() => [...api.configuration.problems].sort(), (list) => list.length === expected.length, 'the settings problems');
    assert.deepEqual(problems, [...expected].sort());
    assert.equal(api.configuration.config.idPrefix, 'TS');
    assert.deepEqual(api.configuration.config.rules, { TS020: 'error' });
    assert.equal(api.configuration.config.staleAfterDays, 30);
    for (const key of ['idPrefix', 'rules', 'staleAfterDays']) await update(key, undefined);
    await waitFor(() => api.configuration.problems, (list) => list.length === 0, 'the problems to clear');
  });
});
