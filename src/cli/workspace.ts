import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { globSync } from 'tinyglobby';
import { resolveConfig, type TechSpecConfig } from '../core/config';
import { decodeText, formatBytes } from '../core/encoding';
import { parseDocumentText, type ParsedDocument } from '../core/parse';
import { SpecIndex } from '../core/specIndex';
import { skippedSummary } from '../core/summary';
import { Settings } from '../constants';

export class UsageError extends Error {}

/** `.techspec.json` over the `techSpec.*` keys of `.vscode/settings.json`, over the defaults. */
export function loadConfig(root: string): TechSpecConfig {
  const raw: Record<string, unknown> = {};
  const settingsFile = path.join(root, '.vscode', 'settings.json');
  if (fs.existsSync(settingsFile)) {
    const settings = parseJsonc(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown> | undefined;
    for (const [key, setting] of Object.entries(Settings)) {
      const value = settings?.[`techSpec.${setting}`];
      if (value !== undefined) raw[key] = value;
    }
  }
  const projectFile = path.join(root, '.techspec.json');
  if (fs.existsSync(projectFile)) {
    const errors: ParseError[] = [];
    const source = fs.readFileSync(projectFile, 'utf8');
    const project = parseJsonc(source, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
    // A typo must not silently fall back to the defaults: comments and trailing commas are fine, broken JSON is not.
    if (errors.length > 0) {
      const { line, column } = lineAndColumn(source, errors[0].offset);
      throw new UsageError(`${projectFile} is not valid JSON: ${printParseErrorCode(errors[0].error)} at line ${line}, column ${column}.`);
    }
    if (!project || typeof project !== 'object' || Array.isArray(project)) throw new UsageError(`${projectFile} must hold a JSON object.`);
    for (const [key, setting] of Object.entries(Settings)) {
      const value = project[key] ?? project[setting] ?? project[`techSpec.${setting}`];
      if (value !== undefined) raw[key] = value;
    }
  }
  return resolveConfig(raw);
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

/** Markdown files under the root that the index reads: specGlob minus exclude. */
export function workspaceFiles(root: string, config: TechSpecConfig): string[] {
  return globSync(config.specGlob, { cwd: root, ignore: [...config.exclude], absolute: true, dot: false }).sort();
}

export interface Workspace {
  readonly root: string;
  readonly config: TechSpecConfig;
  readonly index: SpecIndex;
  readonly files: Map<string, LoadedFile>;
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
  return { root, config, index, files };
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
