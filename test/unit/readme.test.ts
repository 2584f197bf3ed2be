import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../src/core/lint';

const root = path.resolve(__dirname, '../../..');
// tsc turns import() into require() under CommonJS; this keeps a real dynamic import for the .mjs.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  renderReadme(readme: string, rules: unknown, manifest: unknown): string;
}>;

describe('README', () => {
  it('documents every rule and setting as the code defines them (run node scripts/readme-tables.mjs)', async () => {
    const { renderReadme } = await importModule(pathToFileURL(path.join(root, 'scripts/readme-tables.mjs')).href);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(readme, renderReadme(readme, RULES, manifest));
    for (const rule of RULES) assert.ok(readme.includes(`| ${rule.code} |`), rule.code);
  });

  it('gives the two set-up commands that .ci/run relies on', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes('npm ci'));
    assert.ok(readme.includes('npm test'));
    assert.ok(fs.readFileSync(path.join(root, '.ci/run'), 'utf8').includes('npm test'));
  });
});
