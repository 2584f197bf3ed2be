import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build, host and benchmark scripts run in Node; the e2e test also under mocha.
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The shared adapters also run in the browser build: Node lives in src/vscode/node/ only (tsconfig.web.json
    // checks the globals).
    files: ['src/vscode/**/*.ts', 'src/extension.web.ts'],
    ignores: ['src/vscode/node/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url'].map((name) => ({ name, message: 'Shared adapters run in the browser too: put Node code in src/vscode/node/.' })),
        patterns: [
          { group: ['node:*'], message: 'Shared adapters run in the browser too: put Node code in src/vscode/node/ and pass it in from src/extension.ts.' },
          { group: ['**/node/*'], message: 'Only the Node entry point (src/extension.ts) imports src/vscode/node/.' },
        ],
      }],
    },
  },
  {
    // The core runs in Node, the browser and the CLI: no editor API, no Node built-ins.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure: talk to the editor through a port in src/vscode.' }],
        patterns: [
          // Bare module names only: `../util/dispose` is core's own folder, not Node's `util`.
          { regex: '^(node:.*|fs|path|os|child_process|crypto|util|url)(/.*)?$', message: 'src/core is pure: reach Node through a port.' },
          { group: ['../vscode/*', '../cli/*', '../extension'], message: 'Dependencies point inwards: core imports nothing from the adapters.' },
        ],
      }],
    },
  },
);
