import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, CONFIG_SECTION, EXTENSION_ID, Settings, Views, WALKTHROUGH_ID } from '../../src/constants';
import { settingDefault } from '../../src/core/config';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json agrees with src/constants.ts', () => {
  it('names the extension as the constants do', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
    assert.equal(manifest.displayName, 'Tech Spec');
  });

  it('contributes exactly the commands in Commands, each in the Tech Spec category', () => {
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Tech Spec', command.command);
  });

  it('menus only name contributed commands', () => {
    const known = new Set<string>(Object.values(Commands));
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu} names unknown command ${item.command}`);
    }
  });

  it('declares the view container and view', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, Views.container);
    assert.deepEqual(Object.keys(manifest.contributes.views), [Views.container]);
    assert.equal(manifest.contributes.views[Views.container][0].id, Views.specs);
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.viewsContainers.activitybar[0].icon)));
  });

  it('contributes exactly the settings in Settings, each described, with core defaults', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string; description?: string }>;
    const expected = Object.values(Settings).map((name) => `${CONFIG_SECTION}.${name}`).sort();
    assert.deepEqual(Object.keys(properties).sort(), expected);
    for (const [key, setting] of Object.entries(Settings)) {
      const property = properties[`${CONFIG_SECTION}.${setting}`];
      assert.ok(property.markdownDescription || property.description, `${setting} has no description`);
      assert.deepEqual(property.default, settingDefault(key), `default of ${setting}`);
    }
  });

  it('has a walkthrough whose media are packaged and whose command links name real commands', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.ok(ignore.includes('!media/walkthrough/**'), 'walkthrough media left out of the .vsix');
    const ours = new Set<string>(Object.values(Commands));
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
      for (const [, command] of String(step.description).matchAll(/\(command:([\w.]+)(?:\?[^)\s]*)?\)/g)) {
        assert.ok(ours.has(command) || !command.startsWith('techSpec.'), `${step.id} links unknown ${command}`);
      }
      for (const event of step.completionEvents as string[]) {
        const command = /^onCommand:(techSpec\..+)$/.exec(event)?.[1];
        if (command) assert.ok(ours.has(command), `${step.id} waits for unknown ${command}`);
      }
    }
  });

  it('activates lazily: no * activation', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(!manifest.activationEvents.some((event: string) => event === 'onStartupFinished'));
  });

  it('requires no VS Code newer than the host the tests run in (1.100)', () => {
    const match = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    assert.ok(match);
    assert.ok(Number(match[1]) === 1 && Number(match[2]) <= 100);
  });
});
