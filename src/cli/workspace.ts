import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { globSync } from 'tinyglobby';
import { resolveConfigReport, type TechSpecConfig } from '../core/config';
import { decodeText, formatBytes } from '../core/encoding';
import { parseDocumentText, type ParsedDocument } from '../core/parse';
import { SpecIndex } from '../core/specIndex';
import { skippedSummary } from '../core/summary';
import { Settings } from '../constants';

export class UsageError extends Error {}

/** A setting that could not be used, named as its file spells it, with what is used instead. */
export interface ConfigWarning {
  readonly file: string;
  readonly key: string;
  readonly message: string;
}

/** Keys `.techspec.json` may hold besides the settings: an editor's schema hint. */
const ALLOWED_EXTRA_KEYS = new Set(['$schema']);

/**
 * `.techspec.json` over the `techSpec.*` keys of `.vscode/settings.json`, over the defaults. Every
 * value that cannot be used, and every unknown key, is a warning: the default applies, never silently.
 */
export function loadConfigReport(root: string): { config: TechSpecConfig; warnings: ConfigWarning[] } {
  const raw: Record<string, unknown> = {};
  const sources = new Map<string, { file: string; name: string }>();
  const warnings: ConfigWarning[] = [];
  const settingsFile = path.join(root, '.vscode', 'settings.json');
  if (fs.existsSync(settingsFile)) {
    const settings = parseJsonc(fs.readFileSync(settingsFile, 'utf8')) as unknown;
    const known = new Set(Object.values(Settings).map((setting) => `techSpec.${setting}`));
    if (isObject(settings)) {
      for (const key of Object.keys(settings)) {
        if (key.startsWith('techSpec.') && !known.has(key)) warnings.push({ file: settingsFile, key, message: 'no such setting; it is ignored.' });
      }
      for (const [key, setting] of Object.entries(Settings)) {
        const name = `techSpec.${setting}`;
        if (settings[name] !== undefined) {
          raw[key] = settings[name];
          sources.set(key, { file: settingsFile, name });
        }
      }
    }
  }
  const projectFile = path.join(root, '.techspec.json');
  if (fs.existsSync(projectFile)) {
    const errors: ParseError[] = [];
    const source = fs.readFileSync(projectFile, 'utf8');
    const project = parseJsonc(source, errors, { allowTrailingComma: true }) as unknown;
    // A typo must not silently fall back to the defaults: comments and trailing commas are fine, broken JSON is not.
    if (errors.length > 0) {
      const { line, column } = lineAndColumn(source, errors[0].offset);
      throw new UsageError(`${projectFile} is not valid JSON: ${printParseErrorCode(errors[0].error)} at line ${line}, column ${column}.`);
    }
    if (!isObject(project)) throw new UsageError(`${projectFile} must hold a JSON object.`);
    const names = new Map<string, string>();
    for (const [key, setting] of Object.entries(Settings)) for (const name of [key, setting, `techSpec.${setting}`]) names.set(name, key);
    for (const [name, value] of Object.entries(project)) {
      const key = names.get(name);
      if (key === undefined) {
        if (!ALLOWED_EXTRA_KEYS.has(name)) warnings.push({ file: projectFile, key: name, message: `unknown key; it is ignored. Known keys: ${Object.keys(Settings).join(', ')}.` });
      } else if (value !== undefined) {
        raw[key] = value;
        sources.set(key, { file: projectFile, name });
      }
    }
  }
  const { config, problems } = resolveConfigReport(raw);
  for (const problem of problems) {
    const [key, ...rest] = problem.key.split('.');
    const where = sources.get(key);
    const name = [where?.name ?? key, ...rest].join('.');
    warnings.push({ file: where?.file ?? projectFile, key: name, message: problem.message });
  }
  return { config, warnings };
}

/** loadConfigReport without the warnings. */
export function loadConfig(root: string): TechSpecConfig {
  return loadConfigReport(root).config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export interface LoadedFile {
  readonly absolutePath: string;
  readonly uri: string;
  readonly parsed?: ParsedDocument;
  readonly skipped?: string;
  /** Read, but not cleanly: invalid UTF-8 read as U+FFFD. */
  readonly warning?: string;
  readonly size?: number;
}

export function toUri(absolutePath: string): string {
  return `file://${absolutePath.split(path.sep).map(encodeURIComponent).join('/').replace(/^\/?/, '/')}`;
}

/** Reads one file for the index; never throws for bad content: too large or binary files are skipped with a reason. */
export function loadFile(absolutePath: string, config: TechSpecConfig): LoadedFile {
  const uri = toUri(absolutePath);
  const size = fs.statSync(absolutePath).size;
  if (size > config.maxFileSize) return { absolutePath, uri, size, skipped: `not parsed: ${formatBytes(size)} is over maxFileSize (${formatBytes(config.maxFileSize)})` };
  const decoded = decodeText(fs.readFileSync(absolutePath));
  if (!decoded.ok) return { absolutePath, uri, size, skipped: `not parsed: ${decoded.reason}` };
  return { absolutePath, uri, size, parsed: parseDocumentText(decoded.text), warning: decoded.warning };
}

/** Markdown files under the root that the index reads: specGlob minus exclude, one path per real file. */
export function workspaceFiles(root: string, config: TechSpecConfig): string[] {
  const found = globSync(config.specGlob, { cwd: root, ignore: [...config.exclude], absolute: true, dot: false });
  return [...byRealPath(root, found).values()].sort();
}

/**
 * Real path → the one path that stands for it. A file reached through a symlink is one document:
 * its real path when that is among the paths, else the first of them in sorted order.
 */
function byRealPath(root: string, files: readonly string[]): Map<string, string> {
  const realRoot = realPath(root);
  const chosen = new Map<string, string>();
  for (const file of [...files].sort()) {
    const real = realPath(file);
    // Compared below the root, so a root that is itself reached through a symlink (/tmp on macOS) still matches.
    const isReal = path.relative(root, file) === path.relative(realRoot, real);
    if (!chosen.has(real) || isReal) chosen.set(real, file);
  }
  return chosen;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

export interface Workspace {
  readonly root: string;
  readonly config: TechSpecConfig;
  readonly index: SpecIndex;
  readonly files: Map<string, LoadedFile>;
  /** The paths as the workspace names them: one per real file, in the order given. */
  canonical(files: readonly string[]): string[];
}

export function loadWorkspace(root: string, config: TechSpecConfig = loadConfig(root)): Workspace {
  const index = new SpecIndex(config);
  const files = new Map<string, LoadedFile>();
  // The template looks like a spec (an id, a status) but is none: the extension's index leaves it out too.
  const template = config.templatePath.trim() ? path.resolve(root, config.templatePath.trim()) : undefined;
  for (const file of workspaceFiles(root, config)) {
    if (file === template) continue;
    const loaded = loadFile(file, config);
    files.set(file, loaded);
    if (loaded.parsed) index.upsert(loaded.uri, loaded.parsed.text, loaded.parsed);
    else index.set(skippedSummary(loaded.uri, loaded.skipped ?? 'not parsed', loaded.size ?? 0));
  }
  const known = new Map([...files.keys()].map((file) => [realPath(file), file]));
  const canonical = (targets: readonly string[]): string[] => {
    const result = new Set<string>();
    for (const target of targets) {
      const real = realPath(target);
      result.add(known.get(real) ?? byRealPathOf(result, real) ?? target);
    }
    return [...result];
  };
  return { root, config, index, files, canonical };
}

/** A path already taken for this real file, so that two links to one file outside the index are one row. */
function byRealPathOf(taken: ReadonlySet<string>, real: string): string | undefined {
  for (const file of taken) if (realPath(file) === real) return file;
  return undefined;
}

/** Expands the paths given on the command line: files, folders (their Markdown files) and globs. */
export function expandTargets(root: string, targets: readonly string[], config: TechSpecConfig): string[] {
  const result = new Set<string>();
  for (const target of targets) {
    const absolute = path.resolve(root, target);
    if (fs.existsSync(absolute)) {
      const stat = fs.statSync(absolute);
      if (stat.isDirectory()) {
        for (const file of globSync('**/*.{md,markdown}', { cwd: absolute, ignore: [...config.exclude], absolute: true })) result.add(file);
      } else {
        fs.accessSync(absolute, fs.constants.R_OK);
        result.add(absolute);
      }
      continue;
    }
    if (/[*?[\]{}]/.test(target)) {
      for (const file of globSync(target, { cwd: root, ignore: [...config.exclude], absolute: true })) result.add(file);
      continue;
    }
    throw new UsageError(`cannot read ${target}: no such file or folder`);
  }
  return [...result].sort();
}
