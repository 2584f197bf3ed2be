import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// A quick check of the browser build's shape; test/web runs it for real in the web worker extension host.
const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the browser build (dist/web/extension.js)', () => {
  const bundle = fs.readFileSync(path.join(root, manifest.browser), 'utf8');

  it('is the manifest\'s browser entry, beside the Node main, and goes into the .vsix', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!dist\/web\/extension\.js$/m);
  });

  it('requires nothing but vscode: yaml and every other library are inside', () => {
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.ok(bundle.includes('YAMLParseError'), 'yaml is not bundled in');
  });
});
