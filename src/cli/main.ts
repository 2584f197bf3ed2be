import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeText } from '../core/encoding';
import { progressText } from '../core/checklistText';
import { formatId, nextFreeId, parseId } from '../core/ids';
import { isLintTarget, templateModelFor, lintWithIndex, type Finding, type TemplateModel } from '../core/lint';
import {
  checkTemplate,
  checkedTypeOf,
  creationTemplate,
  declaresTypes,
  documentFileName,
  documentTypesOf,
  findType,
  isSpecType,
  lintConfigFor,
  templateOptionsFor,
  type DocumentType,
  type TemplateLocation,
} from '../core/types';
import { formatLocalDate, renderTemplate, slugify, specFileName } from '../core/template';
import { allocateForCli, collisionFindings, renameCommand } from './ids';
import { rootFor } from './root';
import { UsageError, expandTargets, loadConfigReport, loadFile, loadWorkspace, toUri, type Workspace } from './workspace';
import { exportCommand } from './exportCommand';
import { indexCommand } from './indexCommand';
import { approveCommand, statusCommand } from './lifecycleCommands';

const HELP = `techspec — checks and tools for Tech Spec Markdown files

Usage:
  techspec lint [paths or globs...] [--format text|json] [--root DIR] [--against REF]
  techspec list [--type PREFIX] [--format text|json] [--root DIR]
  techspec new "Title" [--type PREFIX] [--folder DIR] [--author NAME] [--decision-ref RFC-0007]
                       [--related-prd PRD-0012] [--status STATUS] [--root DIR]
  techspec mcp [--root DIR] [--read-only]   serve the agent tools over MCP on stdio
  techspec rename OLD-ID NEW-ID [--dry-run] [--root DIR]
  techspec status <id|path> <STATUS> [--force] [--root DIR]
                       moves a spec along techSpec.lifecycle: exit 1 when its guard fails, 2 when not allowed
  techspec approve <id|path> [--by NAME] [--role ROLE] [--root DIR]
                       records an approval of the spec's content as it is now

lint --against origin/main also reports ids that the ref gives to a different document.
rename changes the id everywhere (id field, title, references, relative links, file name):
all files or none.
  techspec index [--write] [--check] [--file FILE] [--root DIR]
                       the spec table in FILE (default docs/specs/README.md) between
                       <!-- techspec:index --> and <!-- /techspec:index -->; --check exits 1 when stale
  techspec export --out DIR [--include GLOB...] [--allow-html] [--root DIR]
                       a static HTML site: an index page, one page per spec, the RFC/PRD documents

list shows tech specs, or every document type when documentTypes is set; --type shows one type.
new --type RFC creates a document of that type from its template, with its next id.

Configuration: .techspec.json in the root, and/or the techSpec.* keys of .vscode/settings.json.
Exit codes: 0 no errors, 1 errors found, 2 bad usage or an unreadable path.
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly today: () => Date;
}

/** The exit code; a Promise only for `mcp`, which serves until its client closes stdin. */
export function main(argv: readonly string[], io: Io): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        root: { type: 'string' },
        folder: { type: 'string' },
        author: { type: 'string' },
        'decision-ref': { type: 'string' },
        'related-prd': { type: 'string' },
        status: { type: 'string' },
        against: { type: 'string' },
        'dry-run': { type: 'boolean' },
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        file: { type: 'string' },
        out: { type: 'string' },
        include: { type: 'string', multiple: true },
        'allow-html': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'read-only': { type: 'boolean' },
        force: { type: 'boolean' },
        by: { type: 'string' },
        role: { type: 'string' },
        type: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`techspec: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(`${readVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.format !== 'text' && values.format !== 'json') {
    io.err(`techspec: --format must be text or json, not "${values.format}".\n`);
    return 2;
  }
  const explicitRoot = values.root === undefined ? undefined : path.resolve(io.cwd, values.root);
  try {
    if (explicitRoot !== undefined && (!fs.existsSync(explicitRoot) || !fs.statSync(explicitRoot).isDirectory())) {
      throw new UsageError(`cannot read ${explicitRoot}: not a folder`);
    }
    const root = explicitRoot ?? rootFor(io.cwd, undefined);
    switch (command) {
      case 'lint':
        return lint(explicitRoot, rest, values.format, io, values.against);
      case 'list':
        return list(root, values.format, io, values.type);
      case 'new':
        return create(root, rest.join(' '), values, io);
      case 'mcp':
        return mcp(root, values['read-only'] === true, io);
      case 'rename':
        return renameCommand(loadWorkspace(root), rest, values['dry-run'] === true, io);
      case 'index':
        return indexCommand(loadWorkspace(root), { write: values.write === true, check: values.check === true, file: values.file }, io);
      case 'export':
        return exportCommand(loadWorkspace(root), { out: values.out, include: values.include ?? [], allowHtml: values['allow-html'] === true, template: readTemplate }, io);
      case 'status': {
        const workspace = loadWorkspace(root);
        return statusCommand(workspace, rest, values.force === true, readTemplate(workspace), io);
      }
      case 'approve': {
        const workspace = loadWorkspace(root);
        return approveCommand(workspace, rest, { by: values.by, role: values.role, defaultBy: () => workspace.config.author.trim() || gitUserName(root) }, io);
      }
      case undefined:
        io.err(HELP);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`techspec: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    // File system errors on the user's paths (a --folder that is a file, say) are usage errors, not crashes.
    if (code === 'EACCES' || code === 'ENOENT' || code === 'EISDIR' || code === 'EPERM' || code === 'EEXIST' || code === 'ENOTDIR') {
      io.err(`techspec: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

interface LintResult {
  readonly path: string;
  readonly findings: Finding[];
  readonly skipped?: string;
  readonly warning?: string;
}

/**
 * Lints the targets, each against its own workspace: the root found above it (or --root), whose
 * settings, template and ids apply. With no target, every spec of the root above the working directory.
 */
function lint(explicitRoot: string | undefined, targets: string[], format: string, io: Io, against?: string): number {
  const groups = new Map<string, string[]>();
  if (targets.length === 0) groups.set(explicitRoot ?? rootFor(io.cwd, undefined), []);
  for (const target of targets) {
    const root = explicitRoot ?? rootFor(io.cwd, target);
    groups.set(root, [...(groups.get(root) ?? []), target]);
  }
  // Paths are named relative to the root; targets in several workspaces, relative to the working directory.
  const base = groups.size === 1 ? [...groups.keys()][0] : io.cwd;
  const results: LintResult[] = [];
  let seen = 0;
  let lastWorkspace: Workspace | undefined;
  for (const [root, rootTargets] of groups) {
    const workspace = loadWorkspaceReporting(root, io);
    lastWorkspace = workspace;
    // Read before the checks run, so that a missing ref fails fast with exit 2.
    const collisions = against !== undefined ? collisionFindings(workspace, against) : new Map<string, Finding[]>();
    const files = rootTargets.length > 0 ? workspace.canonical(expandTargets(io.cwd, rootTargets, workspace.config)) : [...workspace.files.keys()];
    seen += files.length;
    results.push(...lintFiles(workspace, files, base, io, collisions));
  }
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  if (format === 'json') {
    io.out(`${JSON.stringify({
      files: results.map((result) => ({
        path: result.path,
        skipped: result.skipped,
        warning: result.warning,
        findings: result.findings.map((finding) => ({
          line: finding.range.start.line + 1,
          column: finding.range.start.character + 1,
          endLine: finding.range.end.line + 1,
          endColumn: finding.range.end.character + 1,
          severity: finding.severity,
          code: finding.code,
          message: finding.message,
        })),
      })),
      summary: { files: results.length, ...counts },
    }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const result of results) {
      if (result.skipped) io.err(`${result.path}: skipped, ${result.skipped}\n`);
      if (result.warning) io.err(`${result.path}: ${result.warning}\n`);
      for (const finding of result.findings) {
        lines.push(`${result.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.code} ${finding.message}`);
      }
    }
    if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
    io.err(`${results.length} spec${results.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information.\n`);
  }
  if (results.length === 0 && lastWorkspace) io.err(whyNoSpecs(lastWorkspace, seen, targets.length > 0));
  return counts.error > 0 ? 1 : 0;
}

function lintFiles(workspace: Workspace, files: readonly string[], base: string, io: Io, collisions: ReadonlyMap<string, Finding[]>): LintResult[] {
  const { config, root } = workspace;
  const template = templateModelFor(readTemplate(workspace), config);
  const models = new Map<string, TemplateModel | undefined>();
  const today = formatLocalDate(io.today());
  const results: LintResult[] = [];
  for (const file of files) {
    const loaded = workspace.files.get(file) ?? loadFile(file, config);
    const relative = path.relative(root, file).split(path.sep).join('/');
    const display = displayPath(base, file);
    if (!loaded.parsed) {
      results.push({ path: display, findings: [], skipped: loaded.skipped });
      continue;
    }
    const extra = collisions.get(file) ?? [];
    const type = checkedTypeOf(relative, loaded.parsed, config);
    if (!type && extra.length === 0) continue;
    const model = type && (isSpecType(type) && isLintTarget(relative, loaded.parsed, config) ? template : typeModel(workspace, type, models));
    const findings = type && model ? lintWithIndex(toUri(file), loaded.parsed, model, lintConfigFor(config, type), workspace.index, today) : [];
    results.push({ path: display, findings: [...findings, ...extra], warning: loaded.warning });
  }
  return results;
}

/** Why nothing was checked: what makes a file a spec, and how many Markdown files were looked at. */
function whyNoSpecs(workspace: Workspace, seen: number, targeted: boolean): string {
  const { config } = workspace;
  const where = targeted ? 'in the paths given' : `under ${workspace.root} (specGlob ${config.specGlob}, minus exclude)`;
  const folder = config.specsFolder.replace(/\\/g, '/').replace(/\/+$/, '');
  return (
    `No spec found: ${seen} Markdown file${seen === 1 ? '' : 's'} seen ${where}, and none has the key tech_spec_id in its front matter ` +
    `or is named ${config.idPrefix}-<digits>-….md in ${folder}/. ` +
    `(The other id keys, ${config.idFields.filter((key) => key !== 'tech_spec_id').join(', ') || 'none'}, mark documents that specs cite, not specs.)\n`
  );
}

function displayPath(base: string, file: string): string {
  return (path.relative(base, file) || path.basename(file)).split(path.sep).join('/');
}

/** Loads the workspace and says on stderr which settings could not be used. */
function loadWorkspaceReporting(root: string, io: Io): Workspace {
  const { config, warnings } = loadConfigReport(root);
  for (const warning of warnings) io.err(`techspec: warning: ${displayPath(root, warning.file)}: "${warning.key}": ${warning.message}\n`);
  return loadWorkspace(root, config);
}

function list(root: string, format: string, io: Io, typeName?: string): number {
  const workspace = loadWorkspaceReporting(root, io);
  const types = documentTypesOf(workspace.config);
  const only = typeName === undefined ? undefined : findType(types, typeName);
  if (typeName !== undefined && !only) throw new UsageError(`unknown document type "${typeName}"; the types are ${types.map((type) => type.prefix).join(', ')}`);
  // Without declared types, the list is the tech specs, as it always was; a type column only when several types show.
  const everyType = only === undefined && declaresTypes(workspace.config);
  const shown = (summary: (typeof documents)[number]) => (only ? summary.documentType === only.prefix && (!isSpecType(only) || summary.isSpec) : summary.isSpec);
  const documents = workspace.index.all();
  const rank = (prefix: string | undefined) => types.findIndex((type) => type.prefix === prefix);
  const specs = documents
    .filter((summary) => (everyType ? summary.isSpec || (summary.documentType !== undefined && !isSpecType(types[rank(summary.documentType)])) : shown(summary)))
    .map((summary) => ({ summary, id: (summary.isSpec ? summary.id : summary.documentId) ?? '', type: summary.isSpec ? types[0].prefix : (summary.documentType ?? '') }))
    .sort((a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  const rows = specs.map(({ summary: spec, id, type }) => ({
    ...(everyType ? { type } : {}),
    id,
    status: spec.status ?? '',
    title: spec.title ?? '',
    progress: progressText(spec.checklist),
    path: relativePath(spec.uri, root),
  }));
  // Files meant as specs that could not be read are not in the list: say so, on stderr.
  for (const summary of workspace.index.all()) {
    if (!summary.isSpec && summary.unreadable) io.err(`${relativePath(summary.uri, root)}: not listed, ${summary.problem ?? 'could not be read'}\n`);
  }
  if (format === 'json') {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = { type: 'TYPE', id: 'ID', status: 'STATUS', title: 'TITLE', progress: 'CHECKLIST', path: 'PATH' };
  const columns = everyType ? (['type', 'id', 'status', 'title', 'progress'] as const) : (['id', 'status', 'title', 'progress'] as const);
  const cell = (row: Partial<typeof header>, column: keyof typeof header) => row[column] ?? '';
  const widths = columns.map((column) => Math.min(60, Math.max(header[column].length, ...rows.map((row) => cell(row, column).length))));
  const render = (row: Partial<typeof header>) => columns.map((column, index) => truncate(cell(row, column), widths[index]).padEnd(widths[index])).join('  ') + `  ${row.path ?? ''}`;
  io.out(`${[render(header), ...rows.map(render)].join('\n')}\n`);
  return 0;
}

function relativePath(uri: string, cwd: string): string {
  return path.relative(cwd, decodeURIComponent(uri.replace(/^file:\/\//, '')));
}

function create(root: string, title: string, values: Record<string, string | boolean | string[] | undefined>, io: Io): number {
  if (!title.trim()) throw new UsageError('new needs a title: techspec new "Payment retries"');
  const workspace = loadWorkspaceReporting(root, io);
  if (typeof values.type === 'string') {
    const types = documentTypesOf(workspace.config);
    const type = findType(types, values.type);
    if (!type) throw new UsageError(`unknown document type "${values.type}"; the types are ${types.map((candidate) => candidate.prefix).join(', ')}`);
    if (!isSpecType(type)) return createDocument(workspace, type, title.trim(), values, io);
  }
  const { config } = workspace;
  const folderSetting = typeof values.folder === 'string' ? values.folder : config.specsFolder;
  const folder = path.resolve(root, folderSetting);
  if (!isInside(root, folder)) throw new UsageError(`the folder "${folderSetting}" is outside ${root}`);
  const template = readTemplate(workspace);
  const today = formatLocalDate(io.today());
  const author = (typeof values.author === 'string' && values.author.trim()) || config.author || gitUserName(root) || osUserName();
  fs.mkdirSync(folder, { recursive: true });
  const allocation = allocateForCli(workspace, io);
  if (allocation.note) io.err(`${allocation.id} (${allocation.note})\n`);
  const file = writeFirstFree(folder, title, { first: allocation.id, prefix: config.idPrefix, digits: config.idDigits }, {
    fileName: (id) => specFileName(id, title.trim()),
    text: (id) =>
      renderTemplate(template, {
        id,
        title: title.trim(),
        author,
        created: today,
        lastUpdated: today,
        status: (typeof values.status === 'string' && values.status) || config.statuses[0] || 'DRAFT',
        decisionRef: typeof values['decision-ref'] === 'string' ? values['decision-ref'] : undefined,
        relatedPrd: typeof values['related-prd'] === 'string' ? values['related-prd'] : undefined,
      }),
  });
  io.out(`${displayPath(root, file)}\n`);
  return 0;
}

/** `new --type RFC`: a document of another type from its template, with that type's next id, never overwriting. */
function createDocument(workspace: Workspace, type: DocumentType, title: string, values: Record<string, string | boolean | string[] | undefined>, io: Io): number {
  const { root } = workspace;
  const folderSetting = typeof values.folder === 'string' ? values.folder : type.folder;
  const folder = path.resolve(root, folderSetting);
  if (!isInside(root, folder)) throw new UsageError(`the folder "${folderSetting}" is outside ${root}`);
  const template = readLocated(workspace, creationTemplate(type));
  const today = formatLocalDate(io.today());
  const author = (typeof values.author === 'string' && values.author.trim()) || workspace.config.author || gitUserName(root) || osUserName();
  fs.mkdirSync(folder, { recursive: true });
  const status = (typeof values.status === 'string' && values.status) || type.statuses[0] || 'DRAFT';
  const file = writeFirstFree(folder, title, { first: nextFreeId(workspace.index.knownIds(type.prefix), type.prefix, type.idDigits), prefix: type.prefix, digits: type.idDigits }, {
    fileName: (id) => documentFileName(type, id, slugify(title)),
    text: (id) => renderTemplate(template, { id, title, author, created: today, lastUpdated: today, status, idField: type.idField }),
  });
  io.out(`${displayPath(root, file)}\n`);
  return 0;
}

/**
 * Writes the new document under the first free id from `ids.first` on and returns its path. 'wx'
 * fails rather than overwrite, even against another process creating the same file: then the next id.
 */
function writeFirstFree(
  folder: string,
  title: string,
  ids: { readonly first: string; readonly prefix: string; readonly digits: number },
  render: { readonly fileName: (id: string) => string; readonly text: (id: string) => string },
): string {
  let id = ids.first;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const file = path.join(folder, render.fileName(id));
    try {
      fs.writeFileSync(file, render.text(id), { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      id = formatId(ids.prefix, (parseId(id)?.number ?? 0) + 1, ids.digits);
    }
  }
  throw new UsageError(`no free file name for "${title}" in ${folder}`);
}

async function mcp(root: string, readOnly: boolean, io: Io): Promise<number> {
  // Loaded only for this command: the MCP SDK is a bundle of its own (dist/mcp.js), which lint and list never pay for.
  const { serveMcp } = await import('./mcp');
  return serveMcp({ root, readOnly, version: readVersion(), today: () => formatLocalDate(io.today()) });
}

function readTemplate(workspace: Workspace): string {
  const custom = workspace.config.templatePath.trim();
  const file = custom ? path.resolve(workspace.root, custom) : path.join(__dirname, '..', 'templates', 'tech-spec-template.md');
  if (custom && !isInside(workspace.root, file)) throw new UsageError(`templatePath "${custom}" points outside ${workspace.root}`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read the template ${custom || file}; check templatePath`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(`the template ${file} is not a text file (${decoded.reason})`);
  return decoded.text;
}

/** The model a document type is checked against, read once per lint run; the tech spec's is the workspace template. */
function typeModel(workspace: Workspace, type: DocumentType, models: Map<string, TemplateModel | undefined>): TemplateModel | undefined {
  if (!models.has(type.prefix)) {
    const location = checkTemplate(type);
    models.set(type.prefix, location && templateModelFor(readLocated(workspace, location), templateOptionsFor(workspace.config, type)));
  }
  return models.get(type.prefix);
}

/** A type's template text: the seed, a file inside the root, or the shipped text. */
function readLocated(workspace: Workspace, location: TemplateLocation): string {
  if (location.kind === 'text') return location.text;
  const templatePath = location.kind === 'seed' ? '' : location.path;
  return readTemplate({ ...workspace, config: { ...workspace.config, templatePath } });
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function gitUserName(cwd: string): string | undefined {
  try {
    // Started from a neutral folder, so that the `git` run is the PATH's, never one the workspace ships; -C reads the repository's config.
    return execFileSync('git', ['-C', cwd, 'config', 'user.name'], { cwd: os.tmpdir(), encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  const today = process.env.TECHSPEC_TODAY ? new Date(`${process.env.TECHSPEC_TODAY}T12:00:00`) : new Date();
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    today: () => today,
  });
  if (typeof code === 'number') process.exitCode = code;
  else {
    code.then(
      (exit) => (process.exitCode = exit),
      (error: unknown) => {
        process.stderr.write(`techspec: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
