// The CLI's id commands: the next id counting other branches (`new`), the collision check against a
// git ref (`lint --against`), and `rename` with all-or-nothing writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { decodeText } from '../core/encoding';
import { allocateId, parseCatFileBatch, type Allocation, type BranchIds } from '../core/ids/branchIds';
import { findCollisions, type OwnedIds } from '../core/ids/collisions';
import { applyIdEdits, planIdRename, sourceRefusal, targetRefusal, type IdRenamePlan, type RenameSource } from '../core/ids/rename';
import { uriBaseName } from '../core/ids/uris';
import { severityOf, specStatus, type Finding } from '../core/lint';
import { SpecIndex } from '../core/specIndex';
import { runGitSync } from '../vscode/node/git';
import { GitUnavailable, readBranchIdsSync } from '../vscode/node/gitBranchIds';
import { UsageError, toUri, type Workspace } from './workspace';

const GIT_TIMEOUT_MS = 10_000;

interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The next spec id, counting ids added on other branches when the setting allows and git answers. */
export function allocateForCli(workspace: Workspace, io: Output): Allocation {
  const { config } = workspace;
  let branches: BranchIds = new Map();
  if (config.idsScanBranches) {
    try {
      branches = readBranchIdsSync({ folder: workspace.root, specsFolder: config.specsFolder, refPatterns: config.idsBranchRefs, config, timeoutMs: GIT_TIMEOUT_MS });
    } catch (error) {
      // Outside a repository there are no branches to count: only say something when git failed otherwise.
      const reason = error instanceof Error ? error.message : String(error);
      if (!(error instanceof GitUnavailable && reason.startsWith('not a git repository'))) io.err(`techspec: ids on other branches are not counted: ${reason}\n`);
    }
  }
  return allocateId(workspace.index.knownIds(config.idPrefix), branches, config.idPrefix, config.idDigits);
}

/** Findings for `lint --against <ref>`, by absolute path: ids that the ref gives to another document. */
export function collisionFindings(workspace: Workspace, ref: string): Map<string, Finding[]> {
  const { root, config } = workspace;
  const oid = resolveRef(root, ref);
  const onRef = documentsOnRef(workspace, oid);
  const working: Array<OwnedIds & { absolute: string }> = [];
  for (const [absolute, loaded] of workspace.files) {
    const summary = workspace.index.get(loaded.uri);
    if (summary && summary.ownedIds.length > 0) working.push({ absolute, path: relative(root, absolute), ownedIds: summary.ownedIds });
  }
  const byPath = new Map(working.map((document) => [document.path, document.absolute]));
  const findings = new Map<string, Finding[]>();
  for (const collision of findCollisions(working, onRef)) {
    const absolute = byPath.get(collision.path)!;
    // The same severity as the editor's rules would give: it may depend on the document's status.
    const parsed = workspace.files.get(absolute)?.parsed;
    const severity = severityOf('TS013', config.rules, parsed && specStatus(parsed));
    if (severity === 'off') continue;
    const list = findings.get(absolute) ?? [];
    list.push({
      code: 'TS013',
      severity,
      message: `${collision.id} is taken on ${ref} by ${collision.others.join(', ')}, a different document than ${collision.path}: renumber one of them before merging.`,
      range: idFieldRange(workspace, absolute, collision.id),
    });
    findings.set(absolute, list);
  }
  return findings;
}

function resolveRef(root: string, ref: string): string {
  if (ref.trim() === '' || ref.startsWith('-')) throw new UsageError(`--against needs a git ref such as origin/main, not "${ref}"`);
  const repository = runGitSync(root, ['rev-parse', '--git-dir'], { timeoutMs: GIT_TIMEOUT_MS });
  if (!repository.ok) throw new UsageError(`--against reads git, but ${root} is not inside a git repository (or git is not installed)`);
  const resolved = runGitSync(root, ['rev-parse', '--verify', '-q', `${ref}^{commit}`], { timeoutMs: GIT_TIMEOUT_MS });
  if (!resolved.ok) throw new UsageError(`the ref "${ref}" does not exist in this repository (fetch it first, e.g. git fetch origin main)`);
  return resolved.stdout.toString('utf8').trim();
}

/** The Markdown files of the ref that the index would read, with the ids they own, read without touching the working tree. */
function documentsOnRef(workspace: Workspace, oid: string): OwnedIds[] {
  const { root, config } = workspace;
  const tree = runGitSync(root, ['ls-tree', '-r', '-z', '--name-only', oid], { timeoutMs: GIT_TIMEOUT_MS });
  if (!tree.ok) throw new UsageError(`cannot list ${oid} with git: ${tree.stderr.trim()}`);
  const included = picomatch(config.specGlob, { dot: false });
  const excluded = config.exclude.length > 0 ? picomatch([...config.exclude], { dot: true }) : () => false;
  const paths = tree.stdout
    .toString('utf8')
    .split('\0')
    .filter((name) => name !== '' && !name.includes('\n') && included(name) && !excluded(name));
  if (paths.length === 0) return [];
  const blobs = runGitSync(root, ['cat-file', '--batch'], { input: paths.map((name) => `${oid}:./${name}\n`).join(''), timeoutMs: GIT_TIMEOUT_MS });
  if (!blobs.ok) throw new UsageError(`cannot read ${oid} with git: ${blobs.stderr.trim()}`);
  const index = new SpecIndex(config);
  const contents = parseCatFileBatch(blobs.stdout, paths.length);
  const documents: OwnedIds[] = [];
  paths.forEach((name, i) => {
    const bytes = contents[i];
    const decoded = bytes && bytes.length <= config.maxFileSize ? decodeText(bytes) : undefined;
    const summary = index.upsert(toUri(path.join(root, ...name.split('/'))), decoded?.ok ? decoded.text : '');
    if (summary.ownedIds.length > 0) documents.push({ path: name, ownedIds: summary.ownedIds });
  });
  return documents;
}

function idFieldRange(workspace: Workspace, absolute: string, id: string): Finding['range'] {
  const fields = workspace.files.get(absolute)?.parsed?.frontMatter.fields ?? [];
  const field = fields.find((candidate) => workspace.config.idFields.includes(candidate.key) && String(candidate.value).trim() === id);
  return field?.valueRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** `techspec rename OLD NEW [--dry-run]`: prints every edit, then applies all of them or none. */
export function renameCommand(workspace: Workspace, ids: readonly string[], dryRun: boolean, io: Output): number {
  if (ids.length !== 2) throw new UsageError('rename needs the old and the new id: techspec rename TS-0042 TS-0050 [--dry-run]');
  const [oldId, newId] = ids;
  const { root, config, index } = workspace;
  const pathOf = new Map<string, string>();
  const sources: RenameSource[] = [];
  for (const [absolute, loaded] of workspace.files) {
    pathOf.set(loaded.uri, absolute);
    if (loaded.parsed) sources.push({ uri: loaded.uri, parsed: loaded.parsed });
  }
  const describe = (uri: string) => (pathOf.has(uri) ? relative(root, pathOf.get(uri)!) : uriBaseName(uri));
  const refusal = sourceRefusal(oldId, index, describe) ?? targetRefusal(oldId, newId, index, config, describe);
  if (refusal) {
    io.err(`techspec: ${refusal}\n`);
    return 1;
  }
  const owner = index.owners(oldId)[0].uri;
  const plan = planIdRename(oldId, newId, owner, sources, config);
  const renameTo = plan.fileRename && path.join(path.dirname(pathOf.get(owner)!), uriBaseName(plan.fileRename.to));
  io.out(describePlan(plan, (uri) => relative(root, pathOf.get(uri)!), renameTo && relative(root, renameTo)));
  const editCount = plan.documents.reduce((sum, document) => sum + document.edits.length, 0);
  const summary = `${editCount} edit${editCount === 1 ? '' : 's'} in ${plan.documents.length} file${plan.documents.length === 1 ? '' : 's'}${renameTo ? ', 1 file renamed' : ''}`;
  if (dryRun) {
    io.err(`${summary} (dry run: nothing was written)\n`);
    return 0;
  }
  const problem = applyPlan(plan, pathOf, workspace, renameTo);
  if (problem) {
    io.err(`techspec: nothing was changed: ${problem}\n`);
    return 1;
  }
  io.err(`${summary}: renamed ${oldId} to ${newId}\n`);
  return 0;
}

function describePlan(plan: IdRenamePlan, name: (uri: string) => string, renameTo: string | undefined): string {
  const lines: string[] = [];
  for (const document of plan.documents) {
    for (const edit of document.edits) lines.push(`${name(document.uri)}:${edit.range.start.line + 1}:${edit.range.start.character + 1} ${edit.oldText} → ${edit.newText}`);
  }
  if (plan.fileRename && renameTo) lines.push(`rename ${name(plan.fileRename.from)} → ${renameTo}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

interface PendingWrite {
  readonly file: string;
  readonly original: Buffer;
  readonly text: Buffer;
}

/**
 * Checks every target first (unchanged since read, writable, plain UTF-8, the new name free), then
 * writes; a failed write puts back the files already written. Returns what went wrong, if anything.
 */
function applyPlan(plan: IdRenamePlan, pathOf: ReadonlyMap<string, string>, workspace: Workspace, renameTo: string | undefined): string | undefined {
  const pending: PendingWrite[] = [];
  for (const document of plan.documents) {
    const file = pathOf.get(document.uri)!;
    const name = relative(workspace.root, file);
    let original: Buffer;
    try {
      original = fs.readFileSync(file);
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      return `${name} is not readable and writable`;
    }
    const decoded = decodeText(original);
    const bom = original.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    if (!decoded.ok || decoded.warning || (original[0] === 0xff && original[1] === 0xfe) || (original[0] === 0xfe && original[1] === 0xff)) {
      return `${name} is not plain UTF-8 text, so it is not rewritten`;
    }
    if (decoded.text !== workspace.files.get(file)?.parsed?.text) return `${name} changed while the rename was computed`;
    let text: string;
    try {
      text = applyIdEdits(decoded.text, document.edits);
    } catch (error) {
      return `${name}: ${(error as Error).message}`;
    }
    pending.push({ file, original, text: Buffer.concat([bom ? original.subarray(0, 3) : Buffer.alloc(0), Buffer.from(text, 'utf8')]) });
  }
  const from = plan.fileRename && pathOf.get(plan.fileRename.from);
  if (renameTo && fs.existsSync(renameTo)) return `${relative(workspace.root, renameTo)} already exists`;
  const written: PendingWrite[] = [];
  try {
    for (const write of pending) {
      fs.writeFileSync(write.file, write.text);
      written.push(write);
    }
    if (from && renameTo) fs.renameSync(from, renameTo);
  } catch (error) {
    for (const write of written) fs.writeFileSync(write.file, write.original);
    return `writing failed (${(error as Error).message}); the files written so far were restored`;
  }
  return undefined;
}

function relative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
