import * as fs from 'node:fs';
import * as path from 'node:path';

/** What marks a workspace root, nearest first: the CLI's own settings, the editor's, a repository. */
export const ROOT_MARKERS = ['.techspec.json', path.join('.vscode', 'settings.json'), '.git'] as const;

/** The nearest folder at or above `start` that holds a root marker; undefined when none does. */
export function findRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (ROOT_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Where to start looking for a target's root: the folder itself, a file's folder, or for a glob
 * the folder before its first wildcard.
 */
export function searchStart(cwd: string, target: string): string {
  const absolute = path.resolve(cwd, target);
  try {
    return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    const wildcard = target.search(/[*?[\]{}]/);
    if (wildcard < 0) return path.dirname(absolute);
    const base = target.slice(0, wildcard);
    return path.resolve(cwd, base.endsWith('/') || base === '' ? base || '.' : path.dirname(base));
  }
}

/**
 * The workspace root for a target: the nearest marked folder above it, else the working
 * directory when the target is inside it, else the target's own folder (so that nothing outside
 * what was asked for is scanned).
 */
export function rootFor(cwd: string, target: string | undefined): string {
  const start = target === undefined ? cwd : searchStart(cwd, target);
  const found = findRoot(start);
  if (found) return found;
  const relative = path.relative(cwd, start);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)) ? cwd : start;
}
