// Bundles the extension and the CLI. `--production` minifies and drops sourcemaps (for the .vsix).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry does not.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

// `yaml` is loaded on first use (src/core/yamlLibrary.ts). Bundled into its own file, it also costs
// nothing to parse when the extension starts.
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

// The MCP server and its SDK load only for `techspec mcp`: a bundle of their own beside dist/cli.js.
const mcpApart = {
  name: 'mcp-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/mcp$/ }, () => ({ path: './mcp.js', external: true }));
  },
};

const builds = [
  { ...common, entryPoints: { yaml: 'node_modules/yaml/dist/index.js' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [yamlApart],
    // The first statement of the bundle: the API reports how long evaluating the bundle took.
    banner: { js: '"use strict";\nvar __techSpecLoadStart = typeof performance === "object" ? performance.now() : 0;' },
  },
  {
    // The browser build (package.json `browser`) for the web worker extension host: one file, yaml inside, and no Node
    // built-in (esbuild refuses to resolve one for the browser platform).
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    banner: { js: '"use strict";\nvar __techSpecLoadStart = typeof performance === "object" ? performance.now() : 0;' },
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    // ESM dependencies (fdir) read import.meta.url, which a CommonJS bundle lacks: give it one.
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    plugins: [mcpApart],
  },
  {
    ...common,
    entryPoints: ['src/cli/mcp.ts'],
    outfile: 'dist/mcp.js',
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    plugins: [yamlApart],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
