// Ids taken on other git branches, from the output of a few git commands (run by an adapter):
//   for-each-ref      → which refs count, and the cache key
//   log --diff-filter=A --source --stdin, with ^HEAD  → spec files added on those refs, not in HEAD
//   cat-file --batch  → their text, for the id fields
// and the allocation that counts them. Pure: the commands' text in, plain data out.
import { parseFrontMatter, stringValue } from '../frontMatter';
import { formatId, idFromFileName, parseId } from '../ids';

export interface GitRef {
  readonly oid: string;
  readonly name: string;
}

export const FOR_EACH_REF_FORMAT = '%(objectname) %(refname)';
export const LOG_FORMAT = '@@%H %S';

/** Refs from `git for-each-ref --format='%(objectname) %(refname)'`; symbolic `…/HEAD` refs are left out. */
export function parseRefs(output: string): GitRef[] {
  const refs: GitRef[] = [];
  for (const line of output.split('\n')) {
    const match = /^([0-9a-f]{40,64}) (\S.*)$/.exec(line.trim());
    if (match && !match[2].endsWith('/HEAD')) refs.push({ oid: match[1], name: match[2] });
  }
  return refs;
}

/** What `git log --stdin` reads: every ref, minus what HEAD already has (its files are in the workspace). */
export function logInput(refs: readonly GitRef[], headOid: string | undefined): string {
  const lines = refs.map((ref) => ref.name);
  if (headOid) lines.push(`^${headOid}`);
  return `${lines.join('\n')}\n`;
}

export interface AddedFile {
  readonly commit: string;
  readonly ref: string;
  /** Path from the repository root. */
  readonly path: string;
}

/** Files from `git log --format='@@%H %S' --name-only --diff-filter=A`; the first commit seen of a path wins. */
export function parseAddedFiles(output: string): AddedFile[] {
  const files: AddedFile[] = [];
  const seen = new Set<string>();
  let commit = '';
  let ref = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('@@')) {
      const space = line.indexOf(' ');
      commit = line.slice(2, space < 0 ? undefined : space);
      ref = space < 0 ? '' : line.slice(space + 1).trim();
    } else if (line.trim() !== '' && commit && !seen.has(`${ref}\n${line}`)) {
      seen.add(`${ref}\n${line}`);
      files.push({ commit, ref, path: line });
    }
  }
  return files;
}

/** `git cat-file --batch` input for these files' blobs. */
export function catFileInput(files: readonly AddedFile[]): string {
  return files.map((file) => `${file.commit}:${file.path}\n`).join('');
}

/** Contents from `git cat-file --batch` output, in the order asked; undefined for a missing object. */
export function parseCatFileBatch(output: Uint8Array, count: number): Array<Uint8Array | undefined> {
  const decoder = new TextDecoder();
  const result: Array<Uint8Array | undefined> = [];
  let at = 0;
  while (result.length < count && at < output.length) {
    const end = output.indexOf(10, at);
    if (end < 0) break;
    const header = decoder.decode(output.subarray(at, end));
    at = end + 1;
    const match = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!match) {
      result.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    result.push(match[1] === 'blob' ? output.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return result;
}

export interface IdSources {
  readonly referencePrefixes: readonly string[];
  readonly idFields: readonly string[];
}

/** The ids a file owns by its name and by its front matter's id fields. */
export function idsOfFile(path: string, text: string | undefined, config: IdSources): string[] {
  const ids: string[] = [];
  const fromName = idFromFileName(path, config.referencePrefixes);
  if (fromName) ids.push(fromName);
  if (text !== undefined) {
    const data = parseFrontMatter(text).data;
    for (const field of config.idFields) {
      const value = stringValue(data, field)?.trim();
      if (value && parseId(value, config.referencePrefixes) && !ids.includes(value)) ids.push(value);
    }
  }
  return ids;
}

/** `refs/heads/x` → `x`, `refs/remotes/origin/x` → `origin/x`. */
export function displayRef(ref: string): string {
  return ref.replace(/^refs\/(?:heads|remotes|tags)\//, '');
}

/** Id → the refs (display names) that take it. */
export type BranchIds = ReadonlyMap<string, readonly string[]>;

export function collectBranchIds(files: readonly AddedFile[], texts: ReadonlyArray<string | undefined>, config: IdSources): Map<string, string[]> {
  const taken = new Map<string, string[]>();
  files.forEach((file, i) => {
    for (const id of idsOfFile(file.path, texts[i], config)) {
      const refs = taken.get(id) ?? [];
      const name = displayRef(file.ref);
      if (name && !refs.includes(name)) refs.push(name);
      taken.set(id, refs);
    }
  });
  return taken;
}

export interface Allocation {
  readonly id: string;
  /** Why the id is not the workspace's own next one, e.g. "TS-0042 is taken on origin/feature-x". */
  readonly note?: string;
}

/** The next id after the highest one in the workspace and on other branches; gaps are never reused. */
export function allocateId(workspaceIds: Iterable<string>, branchIds: BranchIds, prefix: string, digits: number): Allocation {
  const highest = (ids: Iterable<string>) => {
    let max = 0;
    for (const id of ids) {
      const parsed = parseId(id, [prefix]);
      if (parsed && parsed.number > max) max = parsed.number;
    }
    return max;
  };
  const local = highest(workspaceIds);
  const overall = Math.max(local, highest(branchIds.keys()));
  const id = formatId(prefix, overall + 1, digits);
  if (overall === local) return { id };
  const above = [...branchIds.entries()]
    .map(([taken, refs]) => ({ taken, refs, number: parseId(taken, [prefix])?.number ?? 0 }))
    .filter((entry) => entry.number > local)
    .sort((a, b) => a.number - b.number);
  return { id, note: describeTaken(above) };
}

function describeTaken(entries: ReadonlyArray<{ taken: string; refs: readonly string[] }>): string {
  const shown = entries.slice(0, 3).map(({ taken, refs }) => `${taken} is taken on ${refs.slice(0, 2).join(', ') || 'another branch'}${refs.length > 2 ? ` and ${refs.length - 2} more` : ''}`);
  if (entries.length > 3) shown.push(`${entries.length - 3} more ids on other branches`);
  return shown.join('; ');
}
