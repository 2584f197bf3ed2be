import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeys } from '../../src/constants';
import { runOnce, type FlagStore } from '../../src/core/firstRun';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

class MemoryStore implements FlagStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('walkthrough', () => {
  it('is shown once: the first run opens it and sets the flag, later runs do not', async () => {
    const store = new MemoryStore();
    const opened: number[] = [];
    assert.equal(await runOnce(store, 'shown', () => opened.push(1)), true);
    assert.equal(await runOnce(store, 'shown', () => opened.push(2)), false);
    assert.deepEqual(opened, [1]);
    assert.equal(store.get('shown'), true);
  });

  it('sets the flag before opening, so a failing open is not retried on every activation', async () => {
    const store = new MemoryStore();
    await assert.rejects(runOnce(store, 'shown', () => Promise.reject(new Error('no workbench'))));
    assert.equal(await runOnce(store, 'shown', () => assert.fail('opened twice')), false);
  });

  it('ticks each step by any route: the command, a spec file appearing, the view, the checks', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const events = Object.fromEntries(walkthrough.steps.map((step: { id: string; completionEvents: string[] }) => [step.id, step.completionEvents]));
    assert.deepEqual(events, {
      newSpec: [`onCommand:${Commands.newSpec}`, `onContext:${ContextKeys.specCreated}`],
      write: ['onStepSelected'],
      tree: ['onView:techSpec.specs'],
      checks: ['onCommand:workbench.actions.view.problems', `onCommand:${Commands.fixAll}`, `onContext:${ContextKeys.checksRan}`],
    });
  });

  it('its New Tech Spec button opens the new file beside the walkthrough', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const step = walkthrough.steps.find((candidate: { id: string }) => candidate.id === 'newSpec');
    const link = /\(command:techSpec\.newSpec\?([^)]*)\)/.exec(step.description);
    assert.ok(link, 'no New Tech Spec link with arguments');
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), { beside: true });
  });
});
