// Bundles the web suite (test/web/index.ts and the integration tests it loads) for the web worker extension host:
// one CommonJS file, `vscode` external, no Node built-ins. The tests keep importing node:assert/strict, node:path and
// node:fs; here they get `assert` (Node's assert for browsers), path-browserify, and a read-only fs that holds the
// few repository files the tests read when they load (the template, the snippets), embedded at build time.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './ensure-code-server.mjs';

export const webTestsEntry = path.join(repoRoot, 'out', 'web-tests', 'index.js');
const EMBEDDED = ['package.json', 'templates/tech-spec-template.md', 'snippets/tech-spec.code-snippets'];
// Where the compiled integration tests would live, so that their `path.resolve(__dirname, '../../../x')` finds x.
const INTEGRATION_DIR = path.posix.join(repoRoot.split(path.sep).join('/'), 'out', 'test', 'integration');

const embeddedFs = {
  name: 'embedded-fs',
  setup(build) {
    build.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: 'embedded-fs', namespace: 'embedded-fs' }));
    build.onLoad({ filter: /.*/, namespace: 'embedded-fs' }, () => {
      const files = Object.fromEntries(EMBEDDED.map((file) => [
        path.posix.join(repoRoot.split(path.sep).join('/'), file),
        fs.readFileSync(path.join(repoRoot, file), 'utf8'),
      ]));
      return {
        loader: 'js',
        // existsSync knows the embedded files and their folders, so test/support/fixtures.ts finds the repository root.
        contents: `const files = ${JSON.stringify(files)};
const notEmbedded = (file) => new Error('web tests: ' + file + ' is not embedded (scripts/host/build-web-tests.mjs)');
export function readFileSync(file) {
  if (!(file in files)) throw notEmbedded(file);
  return files[file];
}
export function existsSync(file) {
  const prefix = String(file).replace(/\\/+$/, '') + '/';
  return file in files || Object.keys(files).some((name) => name.startsWith(prefix));
}
export function readdirSync(dir) {
  throw notEmbedded(dir);
}
export default { readFileSync, existsSync, readdirSync };`,
      };
    });
  },
};

// mocha's browser build is a UMD file in a `"type": "module"` package: the bundler takes it for ESM, so its
// `module.exports = factory()` would replace the tests module's own exports. Hidden from it, the file takes its
// browser branch and sets the globals `mocha` and `Mocha`.
const mochaAsBrowserGlobal = {
  name: 'mocha-browser-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      loader: 'js',
      contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
    }));
  },
};

export async function buildWebTests() {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'web', 'index.ts')],
    outfile: webTestsEntry,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
    external: ['vscode'],
    alias: {
      'node:assert/strict': './test/web/assertStrict.ts',
      'node:assert': 'assert',
      'node:path': 'path-browserify',
      path: 'path-browserify',
      'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    },
    inject: [path.join(repoRoot, 'test', 'web', 'processShim.ts')],
    define: { __dirname: JSON.stringify(INTEGRATION_DIR) },
    plugins: [embeddedFs, mochaAsBrowserGlobal],
    absWorkingDir: repoRoot,
  });
  return webTestsEntry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await buildWebTests();
}
