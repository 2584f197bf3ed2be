// `techspec export --out DIR`: the static site (src/core/render/site.ts) written to a folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { globSync } from 'tinyglobby';
import { buildSite, EXPORT_MARKER, type SiteSource } from '../core/render/site';
import { templatePlaceholders } from '../core/render/specFacts';
import { summarize } from '../core/summary';
import type { CommandIo } from './indexCommand';
import { loadFile, UsageError, type Workspace } from './workspace';

export interface ExportOptions {
  readonly out: string | undefined;
  /** Globs (relative to the root) of documents to publish that are neither specs nor own an id. */
  readonly include: readonly string[];
  readonly allowHtml: boolean;
  readonly template: (workspace: Workspace) => string;
}

export function exportCommand(workspace: Workspace, options: ExportOptions, io: CommandIo): number {
  if (!options.out) throw new UsageError('export needs a folder: techspec export --out site');
  const out = path.resolve(io.cwd, options.out);
  checkOutputFolder(out, workspace.root);
  const sources = publishedSources(workspace, options.include, out);
  const files = buildSite(sources, {
    title: 'Tech specs',
    statuses: workspace.config.statuses,
    prefixes: workspace.config.referencePrefixes,
    referenceUrls: workspace.config.referenceUrls,
    placeholders: templatePlaceholders(options.template(workspace)),
    stylesheet: readStylesheet(),
    allowHtml: options.allowHtml,
    createMarkdownIt: ({ html }) => new MarkdownIt({ html, linkify: false }),
  });
  fs.mkdirSync(out, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(out, name), content);
  io.err(`${path.relative(io.cwd, out) || out}: ${sources.length} document(s), ${files.size} file(s) written.\n`);
  return 0;
}

/** Refuses a folder that holds files the export did not write: replacing them could lose the user's work. */
function checkOutputFolder(out: string, root: string): void {
  if (path.relative(out, root) === '' || !path.relative(out, root).startsWith('..')) throw new UsageError(`--out ${out} would hold the workspace itself; choose a new folder`);
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is not a folder`);
  const entries = fs.readdirSync(out);
  if (entries.length > 0 && !entries.includes(EXPORT_MARKER)) throw new UsageError(`--out ${out} is not empty and was not written by techspec export; choose an empty folder`);
}

/** Specs, documents that own an id, and the included files; nothing from the output folder. */
function publishedSources(workspace: Workspace, include: readonly string[], out: string): SiteSource[] {
  const sources = new Map<string, SiteSource>();
  const add = (absolute: string, force: boolean) => {
    if (isInside(out, absolute)) return;
    const loaded = workspace.files.get(absolute) ?? loadFile(absolute, workspace.config);
    if (!loaded.parsed) return;
    const summary = workspace.index.get(loaded.uri) ?? summarize(loaded.uri, loaded.parsed.text, workspace.config, loaded.parsed);
    if (!force && !summary.isSpec && summary.ownedIds.length === 0) return;
    sources.set(absolute, { path: path.relative(workspace.root, absolute).split(path.sep).join('/'), text: loaded.parsed.text, summary });
  };
  for (const absolute of workspace.files.keys()) add(absolute, false);
  for (const pattern of include) {
    for (const absolute of globSync(pattern, { cwd: workspace.root, ignore: [...workspace.config.exclude], absolute: true, dot: false })) {
      if (isInside(workspace.root, absolute) && /\.(md|markdown)$/i.test(absolute)) add(path.resolve(absolute), true);
    }
  }
  return [...sources.values()];
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function readStylesheet(): string {
  const file = path.join(__dirname, '..', 'media', 'techspec-preview.css');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the stylesheet ${file}`);
  }
}
