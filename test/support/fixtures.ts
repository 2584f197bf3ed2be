// Shared helpers for the unit tests: the repository's files, and a seeded random source.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(): string {
  // Compiled tests run from out/test/support; sources from test/support. Walk up to the manifest.
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'templates'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root above ${__dirname}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();

export const TEMPLATE_PATH = path.join(repoRoot, 'templates', 'tech-spec-template.md');

/** The user's default template, exactly as stored. */
export function readTemplate(): string {
  return fs.readFileSync(TEMPLATE_PATH, 'utf8');
}

export interface MarkdownFile {
  readonly path: string;
  readonly text: string;
}

/** Every .md file under test/fixtures and samples; either folder may not exist. */
export function markdownFixtures(): MarkdownFile[] {
  const files: MarkdownFile[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push({ path: path.relative(repoRoot, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(repoRoot, 'test', 'fixtures'));
  walk(path.join(repoRoot, 'samples'));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A small seeded generator (mulberry32), so a failing case can be reproduced from its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** The text of a range on one line. */
export function textAt(lines: readonly string[], range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  if (range.start.line !== range.end.line) throw new Error('textAt takes a one-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}
