// The text side of Supersede: what the old spec becomes. The adapter puts it in the same
// WorkspaceEdit as the new spec (src/vscode/supersedeCommand.ts).
import { FRONT_MATTER_KEYS } from '../frontMatterCompletion';
import { getField, parseFrontMatter, setFrontMatterValue } from '../frontMatter';
import { SUPERSEDED, SUPERSEDED_BY_KEY } from './supersession';
import { isTransitionAllowed, type Transitions } from './transitions';

/** Where `superseded_by` goes when missing: right after `status`. */
const KEY_ORDER = (() => {
  const keys = FRONT_MATTER_KEYS.map((entry) => entry.key);
  keys.splice(keys.indexOf('status') + 1, 0, SUPERSEDED_BY_KEY);
  return keys;
})();

/** Why a spec cannot be superseded now, or undefined when it can. */
export function supersedeRefusal(text: string, transitions: Transitions): string | undefined {
  const frontMatter = parseFrontMatter(text);
  if (!frontMatter.data) return 'its front matter cannot be read';
  const id = getField(frontMatter, 'tech_spec_id')?.value;
  if (typeof id !== 'string' || id.trim() === '') return 'it has no tech_spec_id';
  const raw = getField(frontMatter, 'status')?.value;
  const status = typeof raw === 'string' ? raw.trim() : '';
  if (!isTransitionAllowed(transitions, status, SUPERSEDED)) return `the lifecycle does not lead from ${status || 'no status'} to ${SUPERSEDED}`;
  return undefined;
}

/** The old spec's text, SUPERSEDED by `successor` as of `today`; undefined when a key cannot be set safely. */
export function supersededText(text: string, successor: string, today: string): string | undefined {
  let result: string | undefined = text;
  for (const [key, value] of [['status', SUPERSEDED], [SUPERSEDED_BY_KEY, successor], ['last_updated', today]] as const) {
    result = result === undefined ? undefined : setFrontMatterValue(result, key, value, KEY_ORDER);
  }
  return result;
}

/** The one replacement that turns `before` into `after`: the span between their common start and end. */
export function changedSpan(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
