import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type TechSpecConfig } from '../../src/core/config';
import { IndexCoordinator, type CoordinatorOptions } from '../../src/core/workspace/indexCoordinator';
import { MemoryFileSource } from '../../src/core/workspace/memoryFileSource';
import { MemoryLogger } from '../../src/core/util/log';
import { FakeTimers, Gate, settle } from '../support/fakeTimers';

const ROOT = 'file:///w';

function spec(id: string, title: string, status = 'DRAFT'): string {
  return `---\ntech_spec_id: ${id}\ntitle: ${title}\nstatus: ${status}\n---\n\n# ${id}: ${title}\n`;
}

function uriOf(path: string, root = ROOT): string {
  return `${root}/${path}`;
}

interface Setup {
  source: MemoryFileSource;
  timers: FakeTimers;
  log: MemoryLogger;
  coordinator: IndexCoordinator;
}

function setup(files: Record<string, string> = {}, config: TechSpecConfig = DEFAULT_CONFIG, options: CoordinatorOptions = {}, roots = [ROOT]): Setup {
  const source = new MemoryFileSource(roots);
  for (const [path, text] of Object.entries(files)) source.write(path.startsWith('file:') ? path : uriOf(path), text, false);
  const timers = new FakeTimers();
  const log = new MemoryLogger();
  const coordinator = new IndexCoordinator(source, config, { timers, log, ...options });
  return { source, timers, log, coordinator };
}

function manySpecs(count: number, folder = 'docs/specs'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const id = `TS-${String(i).padStart(4, '0')}`;
    files[`${folder}/${id}-spec.md`] = spec(id, `Spec ${i}`);
  }
  return files;
}

function titleOf(coordinator: IndexCoordinator, uri: string): string | undefined {
  return coordinator.model.get(uri)?.title;
}

describe('IndexCoordinator', () => {
  it('builds the model from the source and logs files and time', async () => {
    const { coordinator, timers, log } = setup({ ...manySpecs(3), 'README.md': '# Readme\n', 'node_modules/x/TS-0009.md': spec('TS-0009', 'Dep') });
    await timers.until(coordinator.ready());
    assert.deepEqual(coordinator.model.specs().map((summary) => summary.id).sort(), ['TS-0001', 'TS-0002', 'TS-0003']);
    assert.equal(coordinator.model.size, 4);
    assert.equal(coordinator.isBuilt, true);
    assert.deepEqual(
      log.lines.filter((line) => line.startsWith('info indexed')).map((line) => line.replace(/ in .*$/, '')),
      ['info indexed 4 files (3 specs, 0 not parsed)'],
    );
  });

  it('lists files over maxFileSize and binary files as not parsed, saying why in the log', async () => {
    const { coordinator, timers, source, log } = setup({ 'a.md': spec('TS-0001', 'A') }, { ...DEFAULT_CONFIG, maxFileSize: 100 });
    source.write(uriOf('big.md'), `${spec('TS-0002', 'Big')}${'x'.repeat(200)}`, false);
    source.writeBytes(uriOf('bin.md'), new Uint8Array([1, 0, 2]), false);
    await timers.until(coordinator.ready());
    assert.deepEqual(
      coordinator.model.all().map((summary) => [summary.uri, summary.problem]).sort(),
      [
        [uriOf('a.md'), undefined],
        [uriOf('big.md'), 'not parsed: 271 B is over techSpec.maxFileSize (100 B)'],
        [uriOf('bin.md'), 'not parsed: binary file (contains NUL bytes)'],
      ],
    );
    assert.deepEqual(log.lines.filter((line) => line.startsWith('info not parsed')).sort(), [
      'info not parsed: big.md: 271 B is over techSpec.maxFileSize (100 B)',
      'info not parsed: bin.md: binary file (contains NUL bytes)',
    ]);
  });

  describe('race 1: a settings change while a build runs', () => {
    it('drops the old build and resolves ready() only when the new build is complete', async () => {
      const files = { ...manySpecs(100, 'drafts'), ...manySpecs(200) };
      const { coordinator, timers, source } = setup(files);
      const gate = new Gate();
      // Reads of drafts/ from the 65th on are held until after the change.
      source.beforeRead = (uri) => (source.reads.length > 64 ? gate.wait(uri) : undefined);
      let resolved = false;
      const ready = coordinator.ready().then(() => (resolved = true));
      await timers.advance(50);
      assert.ok(source.reads.length > 64, 'the first build is under way');
      // The user excludes drafts/ while reads of them are in flight.
      coordinator.reconfigure({ ...DEFAULT_CONFIG, exclude: [...DEFAULT_CONFIG.exclude, '**/drafts/**'] });
      gate.open();
      await timers.until(ready);
      assert.equal(resolved, true);
      assert.equal(coordinator.model.size, 200, 'every spec of the new settings, and none of the excluded ones');
      assert.deepEqual(coordinator.model.all().filter((summary) => summary.uri.includes('/drafts/')), []);
    });

    it('a ready() that started before the change waits for the whole new build', async () => {
      const { coordinator, timers, source } = setup(manySpecs(300));
      const gate = new Gate();
      let held = 0;
      source.beforeRead = (uri) => (++held > 128 && held <= 300 ? gate.wait(uri) : undefined);
      const ready = coordinator.ready();
      await timers.advance(50);
      coordinator.reconfigure({ ...DEFAULT_CONFIG, idFields: ['tech_spec_id'] });
      gate.open();
      await timers.until(ready);
      assert.equal(coordinator.model.specs().length, 300);
    });
  });

  describe('race 2: the watcher starts before the search', () => {
    it('keeps a file created while the search runs', async () => {
      const { coordinator, timers, source } = setup(manySpecs(2));
      source.beforeSearchReturns = () => source.write(uriOf('docs/specs/TS-0100-late.md'), spec('TS-0100', 'Late'));
      await timers.until(coordinator.ready());
      await timers.advance(1000);
      assert.deepEqual(coordinator.model.specs().map((summary) => summary.id).sort(), ['TS-0001', 'TS-0002', 'TS-0100']);
    });
  });

  describe('race 3: reads landing out of order', () => {
    it('an older read never lands over a newer one', async () => {
      const uri = uriOf('a.md');
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'One') });
      await timers.until(coordinator.ready());
      const gate = new Gate();
      source.beforeRead = (read) => (read === uri && source.reads.filter((r) => r === uri).length === 2 ? gate.wait(read) : undefined);
      source.write(uri, spec('TS-0001', 'Two'));
      await timers.advance(200); // the read of "Two" starts and is held
      source.write(uri, spec('TS-0001', 'Three'));
      await timers.advance(200); // the read of "Three" lands
      assert.equal(titleOf(coordinator, uri), 'Three');
      gate.open();
      await timers.advance(200);
      assert.equal(titleOf(coordinator, uri), 'Three');
    });

    it('a read cannot bring back a file that a later delete removed', async () => {
      const uri = uriOf('a.md');
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'One') });
      await timers.until(coordinator.ready());
      const gate = new Gate();
      source.beforeRead = (read) => (read === uri && source.reads.filter((r) => r === uri).length === 2 ? gate.wait(read) : undefined);
      source.write(uri, spec('TS-0001', 'Two'));
      await timers.advance(200);
      source.delete(uri);
      await timers.advance(200);
      assert.equal(coordinator.model.has(uri), false);
      gate.open();
      await timers.advance(200);
      assert.equal(coordinator.model.has(uri), false, 'the held read of the deleted file was dropped');
      assert.deepEqual(coordinator.model.knownIds(), []);
    });

    it('debounces a burst of events on one file into one read', async () => {
      const uri = uriOf('a.md');
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'One') });
      await timers.until(coordinator.ready());
      const before = source.reads.length;
      for (let i = 0; i < 10; i++) {
        source.write(uri, spec('TS-0001', `Edit ${i}`));
        await timers.advance(20);
      }
      await timers.advance(500);
      assert.deepEqual(source.reads.slice(before), [uri]);
      assert.equal(titleOf(coordinator, uri), 'Edit 9');
    });
  });

  describe('race 4: dispose() during a build', () => {
    it('cancels the build, and nothing is registered after', async () => {
      const { coordinator, timers, source } = setup(manySpecs(100));
      const gate = new Gate();
      source.beforeRead = (uri) => (source.reads.length > 20 ? gate.wait(uri) : undefined);
      const changes: string[] = [];
      coordinator.model.onDidChange((change) => changes.push(...change.upserted));
      const ready = coordinator.ready();
      await timers.advance(50);
      coordinator.dispose();
      const sizeAtDispose = coordinator.model.size;
      const changesAtDispose = changes.length;
      const readsAtDispose = source.reads.length;
      gate.open();
      await timers.until(ready);
      source.write(uriOf('docs/specs/TS-0500-after.md'), spec('TS-0500', 'After'));
      await timers.advance(1000);
      assert.equal(coordinator.model.size, sizeAtDispose);
      assert.equal(changes.length, changesAtDispose, 'no upsert after dispose');
      assert.equal(source.reads.length, readsAtDispose, 'no read started after dispose');
      assert.equal(coordinator.isBuilt, false);
      assert.equal(timers.size, 0, 'no timer left behind');
    });
  });

  describe('race 5: workspace folders and Refresh', () => {
    it('indexes a folder added to the workspace and drops one removed', async () => {
      const second = 'file:///second';
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'A'), [`${second}/b.md`]: spec('TS-0002', 'B') });
      await timers.until(coordinator.ready());
      assert.deepEqual(coordinator.model.knownIds().sort(), ['TS-0001']);
      const changed = new Promise<void>((resolve) => coordinator.onDidChange(() => resolve()));
      source.setRoots([ROOT, second]);
      await timers.until(changed);
      await timers.until(coordinator.ready());
      assert.deepEqual(coordinator.model.knownIds().sort(), ['TS-0001', 'TS-0002']);
      source.setRoots([second]);
      await timers.advance(100);
      await timers.until(coordinator.ready());
      assert.deepEqual(coordinator.model.knownIds().sort(), ['TS-0002']);
    });

    it('Refresh re-reads from disk what no event reported', async () => {
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'A') });
      await timers.until(coordinator.ready());
      source.write(uriOf('a.md'), spec('TS-0001', 'A changed'), false);
      source.write(uriOf('b.md'), spec('TS-0002', 'B'), false);
      await timers.until(coordinator.refresh());
      assert.equal(titleOf(coordinator, uriOf('a.md')), 'A changed');
      assert.deepEqual(coordinator.model.knownIds().sort(), ['TS-0001', 'TS-0002']);
    });
  });

  describe('folders created and deleted as a whole', () => {
    it('never scans a created folder that is excluded', async () => {
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'A') });
      await timers.until(coordinator.ready());
      source.write(uriOf('node_modules/pkg/README.md'), '# pkg\n', false);
      source.fire({ kind: 'folderCreated', uri: uriOf('node_modules') });
      source.fire({ kind: 'folderCreated', uri: uriOf('node_modules/pkg') });
      source.write(uriOf('moved/TS-0002-moved.md'), spec('TS-0002', 'Moved'), false);
      source.fire({ kind: 'folderCreated', uri: uriOf('moved') });
      await timers.advance(1000);
      assert.deepEqual(source.searchedFolders, [uriOf('moved')]);
      assert.deepEqual(coordinator.model.knownIds().sort(), ['TS-0001', 'TS-0002']);
    });

    it('drops everything under a deleted folder at once', async () => {
      const { coordinator, timers, source } = setup({ ...manySpecs(5), 'keep/TS-0100.md': spec('TS-0100', 'Keep') });
      await timers.until(coordinator.ready());
      source.deleteFolder(uriOf('docs'));
      await timers.advance(500);
      assert.deepEqual(coordinator.model.knownIds(), ['TS-0100']);
    });
  });

  describe('symbolic links', () => {
    it('keeps a file reached through a link as one document, under its real path', async () => {
      const real = uriOf('docs/specs/TS-0001-a.md');
      const { coordinator, timers, source } = setup({ 'docs/specs/TS-0001-a.md': spec('TS-0001', 'A') });
      source.link(uriOf('docs/linked/TS-0001-a.md'), real, false);
      await timers.until(coordinator.ready());
      assert.deepEqual(coordinator.model.all().map((summary) => summary.uri), [real]);
      assert.deepEqual(coordinator.model.owners('TS-0001').map((summary) => summary.uri), [real]);
      assert.equal(coordinator.canonicalUri(uriOf('docs/linked/TS-0001-a.md')), real);
      source.delete(uriOf('docs/linked/TS-0001-a.md'));
      await timers.advance(500);
      assert.deepEqual(coordinator.model.all().map((summary) => summary.uri), [real], 'removing the link leaves the file');
    });
  });

  describe('open editors', () => {
    it("prefers an open editor's text over disk, and goes back to disk when it closes", async () => {
      const uri = uriOf('a.md');
      const { coordinator, timers, source } = setup({ 'a.md': spec('TS-0001', 'Disk') });
      await timers.until(coordinator.ready());
      source.openEditor(uri, spec('TS-0001', 'Unsaved'));
      await timers.advance(500);
      assert.equal(titleOf(coordinator, uri), 'Unsaved');
      source.closeEditor(uri);
      await timers.advance(500);
      assert.equal(titleOf(coordinator, uri), 'Disk');
    });
  });

  describe('the event loop during a build', () => {
    it('yields by elapsed time, not by file count', async () => {
      const { coordinator, timers, source } = setup(manySpecs(200), DEFAULT_CONFIG, { sliceMs: 12, concurrency: 1 });
      // Each read takes 5 ms of (fake) time on the thread.
      source.beforeRead = () => timers.spend(5);
      const held: number[] = [];
      let last = timers.now();
      const original = timers.setTimeout.bind(timers);
      timers.setTimeout = (callback, ms) =>
        original(() => {
          last = timers.now();
          callback();
        }, ms);
      source.beforeRead = () => {
        timers.spend(5);
        held.push(timers.now() - last);
      };
      await timers.until(coordinator.ready());
      assert.equal(coordinator.model.size, 200);
      assert.ok(Math.max(...held) <= 12 + 5, `held the thread for up to ${Math.max(...held)} ms`);
    });
  });

  it('announces changes once per burst, through its event', async () => {
    const { coordinator, timers, source } = setup(manySpecs(3));
    await timers.until(coordinator.ready());
    await timers.advance(100);
    let events = 0;
    coordinator.onDidChange(() => events++);
    for (let i = 0; i < 50; i++) source.write(uriOf(`burst/TS-${7000 + i}.md`), spec(`TS-${7000 + i}`, `Burst ${i}`));
    await timers.advance(1000);
    await settle();
    assert.equal(coordinator.model.size, 53);
    assert.equal(events, 1);
  });
});
