import { locateFrontMatter } from './frontMatter';

/**
 * Whether a line lies inside the front matter, reading only the lines up to it (and usually
 * only the few front-matter lines): per keystroke, a 5 MB document is never parsed whole.
 * Agrees with parseFrontMatter's bounds (test/unit/frontMatterScope.test.ts).
 */
export function isInFrontMatter(lineAt: (line: number) => string, line: number): boolean {
  if (line < 1) return false;
  const first = lineAt(0);
  if (locateFrontMatter([first]).kind === 'none') return false;
  for (let i = 1; i <= line; i++) if (locateFrontMatter([first, lineAt(i)]).kind === 'closed') return false;
  return true;
}
