import { applyEdit, frontMatterEdit, stringValue, type FrontMatterEdit } from '../frontMatter';
import { guardProblems, type GuardInput } from './guards';
import { guardChecksFor, type LifecycleConfig } from './settings';
import { allowedNextStatuses, isTransitionAllowed } from './transitions';

export interface StatusPlan {
  /** The spec's status now ('' when it has none). */
  readonly from: string;
  /** False when the lifecycle does not allow the move: `force` cannot change that. */
  readonly allowed: boolean;
  /** Why the move is refused, or the guard's unmet checks, in plain words. */
  readonly problems: readonly string[];
  /** The edits that make the move (status and last_updated), in text order; undefined when the front matter cannot be edited safely. */
  readonly edits: readonly FrontMatterEdit[] | undefined;
}

/** What moving a spec to `target` takes: whether the lifecycle allows it, what its guard says, and the edit. */
export function planStatusChange(input: GuardInput, lifecycle: LifecycleConfig, target: string): StatusPlan {
  const from = stringValue(input.parsed.frontMatter.data, 'status') ?? '';
  const refusal = transitionRefusal(input, lifecycle, from, target);
  if (refusal) return { from, allowed: false, problems: [refusal], edits: undefined };
  const problems = guardProblems(guardChecksFor(lifecycle.guards, target), input);
  const edits = statusEdits(input.parsed.text, target, input.today);
  return { from, allowed: true, problems: edits ? problems : [...problems, 'The front matter cannot be edited safely (invalid or unclosed YAML, or an anchored value).'], edits };
}

function transitionRefusal(input: GuardInput, lifecycle: LifecycleConfig, from: string, target: string): string | undefined {
  if (input.parsed.frontMatter.data === undefined) return 'The spec has no readable front matter to hold a status.';
  if (!input.config.statuses.includes(target)) return `${target} is not a status (${input.config.statuses.join(', ')}).`;
  if (from === target) return `The spec is already ${target}.`;
  if (isTransitionAllowed(lifecycle.transitions, from, target)) return undefined;
  const next = allowedNextStatuses(lifecycle.transitions, from);
  const where = next.length > 0 ? `it may move to ${next.join(' or ')}` : 'the lifecycle lets it move nowhere';
  return `The lifecycle does not allow ${from || '(no status)'} → ${target}: ${where}.`;
}

/**
 * `status` and `last_updated` (today) as edits of the original text, in text order, each through
 * the verified key edit; undefined when either cannot be made safely. last_updated is left alone
 * when it already says today.
 */
export function statusEdits(text: string, status: string, today: string): FrontMatterEdit[] | undefined {
  const statusEdit = frontMatterEdit(text, 'status', status, KEY_ORDER);
  if (!statusEdit) return undefined;
  const dateEdit = frontMatterEdit(text, 'last_updated', today, KEY_ORDER);
  if (!dateEdit) return undefined;
  const edits = [statusEdit, dateEdit].filter((edit) => text.slice(edit.start, edit.end) !== edit.newText).sort((a, b) => a.start - b.start);
  // Two edits of one text: they must not touch, and together give what each gave alone.
  if (edits.length === 2 && edits[0].end > edits[1].start) return undefined;
  return edits;
}

/** Applies non-overlapping edits of one text, given in text order. */
export function applyEdits(text: string, edits: readonly FrontMatterEdit[]): string {
  return [...edits].reverse().reduce((result, edit) => applyEdit(result, edit), text);
}

/** Where a missing status or last_updated goes: the template's order of keys. */
const KEY_ORDER = ['tech_spec_id', 'title', 'status', 'decision_ref', 'author', 'created', 'last_updated', 'related_prd'];
