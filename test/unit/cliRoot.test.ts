// The CLI finds each target's own workspace, says why nothing was checked, names every setting it
// could not use, and reads a file reached through a symlink once. The real bin (dist/cli.js) is run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRoot, rootFor } from '../../src/cli/root';
import { Settings } from '../../src/constants';
import { makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { FILLED, REPO_ROOT, removeSection } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (cwd: string, args: readonly string[]) => runCli(CLI, cwd, args);

const RFC = '---\nrfc_id: RFC-0007\ntitle: Auth tokens\n---\n# RFC-0007: Auth tokens\n';
const PRD = '---\nprd_id: PRD-0012\ntitle: Login\n---\n# PRD-0012: Login\n';
const NO_DATA_MODEL = removeSection(FILLED, 'Data Model');
const SECTION_LINE = FILLED.split('\n').indexOf('## Executive Summary') + 1;
// The spec is a DRAFT: a missing section is information there.
const MISSING_DATA_MODEL = `docs/specs/TS-0001-payment-retries.md:${SECTION_LINE}:1 information TS020 Missing section "## Data Model".`;

/** A project with a spec missing a section, the RFC and PRD it cites, and these extra files. */
function project(extra: Readonly<Record<string, string>> = {}): string {
  return makeFolder({
    'docs/specs/TS-0001-payment-retries.md': NO_DATA_MODEL,
    'docs/rfcs/RFC-0007-auth-tokens.md': RFC,
    'docs/prd/PRD-0012-login.md': PRD,
    ...extra,
  });
}

describe('techspec CLI: roots, explanations, settings and symlinks', function () {
  this.timeout(120_000);

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: npm run build');
  });
  after(removeFolders);

  describe('the root of a target', () => {
    it('is the nearest folder with .techspec.json, .vscode/settings.json or .git, else none', () => {
      const top = makeFolder({ '.git/HEAD': 'ref: refs/heads/main\n', 'a/.vscode/settings.json': '{}', 'a/b/c/x.md': '', 'a/b/.techspec.json': '{}', 'd/e/y.md': '' });
      assert.equal(findRoot(path.join(top, 'a', 'b', 'c')), path.join(top, 'a', 'b'));
      assert.equal(findRoot(path.join(top, 'a')), path.join(top, 'a'));
      assert.equal(findRoot(path.join(top, 'd', 'e')), top);
      const bare = makeFolder({ 'f/z.md': '' });
      assert.equal(findRoot(path.join(bare, 'f')), undefined);
    });

    it('falls back to the working directory when the target is inside it, else to the target\'s folder', () => {
      const bare = makeFolder({ 'docs/specs/z.md': '', 'elsewhere/w.md': '' });
      assert.equal(rootFor(bare, 'docs/specs/z.md'), bare);
      assert.equal(rootFor(bare, 'docs/**/*.md'), bare);
      assert.equal(rootFor(path.join(bare, 'docs'), path.join(bare, 'elsewhere')), path.join(bare, 'elsewhere'));
    });

    it('lint /abs/path/to/specs from any working directory checks them against their own workspace', () => {
      const own = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.techspec.json': '{ "rules": { "TS020": "error" } }' });
      // The working directory is another project, whose settings would turn TS020 off and which has no RFC-0007.
      const other = makeFolder({ '.techspec.json': '{ "rules": { "TS020": "off" } }', 'README.md': '# Other\n' });
      const result = run(other, ['lint', path.join(own, 'docs', 'specs')]);
      assert.equal(result.stdout, `${MISSING_DATA_MODEL.replace(' information TS020', ' error TS020')}\n`);
      assert.equal(result.stderr, '1 spec checked: 1 error(s), 0 warning(s), 0 information.\n');
      assert.equal(result.status, 1);
    });

    it('finds the root above a working directory deep inside the project', () => {
      const own = project({ '.vscode/settings.json': '{ "techSpec.rules": { "TS020": "off" } }' });
      const result = run(path.join(own, 'docs', 'specs'), ['lint']);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, '1 spec checked: 0 error(s), 0 warning(s), 0 information.\n');
      assert.equal(result.status, 0);
      const listed = run(path.join(own, 'docs'), ['list', '--format', 'json']);
      assert.deepEqual((JSON.parse(listed.stdout) as Array<{ path: string }>).map((row) => row.path), ['docs/specs/TS-0001-payment-retries.md']);
    });

    it('--root wins over the markers', () => {
      const own = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.techspec.json': '{ "rules": { "TS020": "off" } }' });
      const inner = path.join(own, 'docs');
      fs.writeFileSync(path.join(inner, '.techspec.json'), '{ "rules": { "TS020": "error" } }');
      const result = run(own, ['lint', '--root', 'docs', 'docs/specs']);
      assert.equal(result.stdout, `${MISSING_DATA_MODEL.replace('docs/specs/', 'specs/').replace(' information TS020', ' error TS020')}\n`);
      assert.equal(result.status, 1);
    });
  });

  describe('0 specs checked', () => {
    it('says which keys make a spec and how many Markdown files were seen', () => {
      const root = makeFolder({ '.git/HEAD': '', 'README.md': '# Readme\n', 'docs/notes.md': '---\nid: NOTE-1\n---\n# Notes\n' });
      const result = run(root, ['lint']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        '0 specs checked: 0 error(s), 0 warning(s), 0 information.\n' +
          `No spec found: 2 Markdown files seen under ${root} (specGlob **/*.md, minus exclude), and none has the key tech_spec_id in its front matter ` +
          'or is named TS-<digits>-….md in docs/specs/. (The other id keys, rfc_id, prd_id, id, mark documents that specs cite, not specs.)\n',
      );
    });

    it('counts the files given when targets are named', () => {
      const root = makeFolder({ '.git/HEAD': '', 'a.md': '# A\n' });
      const result = run(root, ['lint', 'a.md']);
      assert.match(result.stderr, /\nNo spec found: 1 Markdown file seen in the paths given, and none has the key tech_spec_id /);
    });
  });

  describe('settings that cannot be used', () => {
    const clean = () => run(project({ '.git/HEAD': '' }), ['lint']);

    it('names each key on stderr, uses the default, and exits as the findings alone would', () => {
      const root = project({
        '.git/HEAD': '',
        '.vscode/settings.json': '{ "techSpec.staleAfterDays": "soon", "techSpec.colour": "red" }',
        '.techspec.json': '{ "idPrefix": "1TS", "rules": { "TS020": "loud", "no-such-rule": "off" }, "referencePrefixes": ["RFC", "PRD", "P-RD"], "specsFolder": 3, "colour": "blue" }',
      });
      const result = run(root, ['lint']);
      const expected = clean();
      assert.equal(result.status, expected.status);
      assert.equal(result.stdout, expected.stdout);
      assert.equal(result.stdout, `${MISSING_DATA_MODEL}\n`);
      const settings = path.join('.vscode', 'settings.json');
      assert.deepEqual(result.stderr.split('\n').slice(0, -1), [
        `techspec: warning: ${settings}: "techSpec.colour": no such setting; it is ignored.`,
        // Every setting's key, as constants list them: each new setting would otherwise edit this line.
        `techspec: warning: .techspec.json: "colour": unknown key; it is ignored. Known keys: ${Object.keys(Settings).join(', ')}.`,
        'techspec: warning: .techspec.json: "idPrefix": "1TS" is not a valid id prefix (a letter, then letters, digits or _); using the default "TS".',
        'techspec: warning: .techspec.json: "referencePrefixes": "P-RD" is not a valid prefix (a letter, then letters, digits or _); it is ignored.',
        'techspec: warning: .techspec.json: "specsFolder": 3 is not a folder path; using the default "docs/specs".',
        'techspec: warning: .techspec.json: "rules.TS020": "loud" is not a severity (error, warning, information, hint, off); the rule keeps its default.',
        'techspec: warning: .techspec.json: "rules.no-such-rule": no rule has this code or name (codes are TS001…, names as in the README\'s rule list); the entry is ignored.',
        `techspec: warning: ${settings}: "techSpec.staleAfterDays": "soon" is not a positive number; using the default 30.`,
        '1 spec checked: 0 error(s), 0 warning(s), 1 information.',
      ]);
    });

    it('list and new say so too', () => {
      const root = project({ '.git/HEAD': '', '.techspec.json': '{ "idDigits": "four" }' });
      const warning = 'techspec: warning: .techspec.json: "idDigits": "four" is not a whole number from 1 to 12; using the default 4.\n';
      const listed = run(root, ['list']);
      assert.equal(listed.status, 0);
      assert.equal(listed.stderr, warning);
      const created = run(root, ['new', 'Next One', '--author', 'A']);
      assert.equal(created.status, 0);
      assert.equal(created.stdout, 'docs/specs/TS-0002-next-one.md\n');
      assert.equal(created.stderr, warning);
    });
  });

  describe('the author of techspec new', () => {
    it('is the repository\'s git user.name, from the git on PATH, never a git that the workspace ships', function () {
      const root = project();
      const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
      if (git('init', '-q').status !== 0) this.skip();
      assert.equal(git('config', 'user.name', 'Repo Author').status, 0);
      const marker = path.join(root, 'workspace-git-ran');
      fs.writeFileSync(path.join(root, 'git'), `#!/bin/sh\ntouch '${marker}'\necho 'Workspace Git'\n`, { mode: 0o755 });
      const result = runCli(CLI, root, ['new', 'Authored'], { PATH: `.${path.delimiter}${process.env.PATH ?? ''}` });
      assert.equal(result.status, 0, result.stderr);
      assert.match(fs.readFileSync(path.join(root, 'docs', 'specs', 'TS-0002-authored.md'), 'utf8'), /\nauthor: Repo Author\n/);
      assert.equal(fs.existsSync(marker), false, 'the workspace\'s git ran');
    });
  });

  describe('symlinks', () => {
    it('a file reached through a symlink is one document: no duplicate id against itself, no second row', function () {
      const root = project({ '.git/HEAD': '' });
      try {
        fs.symlinkSync('TS-0001-payment-retries.md', path.join(root, 'docs', 'specs', 'alias.md'));
        fs.symlinkSync(path.join('..', 'docs'), path.join(root, 'docs', 'loop'));
      } catch {
        this.skip();
      }
      const result = run(root, ['lint', '--format', 'json']);
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Array<{ code: string }> }> };
      assert.deepEqual(report.files.map((file) => [file.path, file.findings.map((finding) => finding.code)]), [['docs/specs/TS-0001-payment-retries.md', ['TS020']]]);
      const listed = JSON.parse(run(root, ['list', '--format', 'json']).stdout) as Array<{ id: string; path: string }>;
      assert.deepEqual(listed.map((row) => [row.id, row.path]), [['TS-0001', 'docs/specs/TS-0001-payment-retries.md']]);
      // Named through the link, the file is still the one document, under its real name.
      const byLink = run(root, ['lint', 'docs/specs/alias.md', 'docs/specs/TS-0001-payment-retries.md']);
      assert.equal(byLink.stdout, `${MISSING_DATA_MODEL}\n`);
      assert.equal(byLink.stderr, '1 spec checked: 0 error(s), 0 warning(s), 1 information.\n');
    });
  });
});
