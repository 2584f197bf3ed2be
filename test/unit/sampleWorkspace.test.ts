// The sample workspace that `npm start` opens: its dates move with the calendar, and nothing else does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { repoRoot } from '../support/fixtures';

interface SampleWorkspaceModule {
  SAMPLE_WORKSPACE: string;
  copySampleWorkspace(destination: string, today?: Date): string;
  shiftFrontMatterDates(text: string, days: number): string;
}
// tsc turns import() into require() under CommonJS; this keeps a real dynamic import for the .mjs.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<SampleWorkspaceModule>;
const load = () => importModule(pathToFileURL(path.join(repoRoot, 'scripts', 'sample-workspace.mjs')).href);

describe('sample workspace copy', () => {
  it('moves created and last_updated in the front matter, and nothing else, keeping CRLF', async () => {
    const { shiftFrontMatterDates } = await load();
    const text = '---\r\ntitle: T\r\ncreated: 2026-11-20\r\nlast_updated:   2026-12-30 # note\r\n---\r\ncreated: 2026-11-20\r\n';
    assert.equal(
      shiftFrontMatterDates(text, 3),
      '---\r\ntitle: T\r\ncreated: 2026-11-23\r\nlast_updated:   2027-01-02 # note\r\n---\r\ncreated: 2026-11-20\r\n',
    );
    assert.equal(shiftFrontMatterDates('no front matter\ncreated: 2026-01-01\n', 3), 'no front matter\ncreated: 2026-01-01\n');
  });

  it('copies every file, with each spec dated as many days later as the calendar moved', async () => {
    const { SAMPLE_WORKSPACE, copySampleWorkspace } = await load();
    const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-sample-test-'));
    try {
      copySampleWorkspace(destination, new Date(2027, 0, 8)); // 40 days after the samples were written
      const files = (fs.readdirSync(SAMPLE_WORKSPACE, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(SAMPLE_WORKSPACE, file)).isFile());
      let dated = 0;
      for (const file of files) {
        const original = fs.readFileSync(path.join(SAMPLE_WORKSPACE, file), 'utf8');
        const copy = fs.readFileSync(path.join(destination, file), 'utf8');
        const before = parseFrontMatter(original).data ?? {};
        const after = parseFrontMatter(copy).data ?? {};
        for (const key of ['created', 'last_updated']) {
          if (typeof before[key] !== 'string') continue;
          dated++;
          const days = (Date.parse(String(after[key])) - Date.parse(String(before[key]))) / 86_400_000;
          assert.equal(days, 40, `${file} ${key}`);
        }
        // Only the date lines differ.
        const changed = original.split('\n').filter((line, i) => line !== copy.split('\n')[i]);
        assert.ok(changed.every((line) => /^(created|last_updated):/.test(line)), `${file}: ${changed.join(' | ')}`);
      }
      assert.ok(dated >= 10, `only ${dated} dates in the samples`);
    } finally {
      fs.rmSync(destination, { recursive: true, force: true });
    }
  });
});
