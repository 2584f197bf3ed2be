// Where a spec may go from its status, and what each move still needs: read by Set Status's quick pick, by
// check_spec for agents, and by nothing else. The same plan as the move itself (planStatusChange), so what the
// pick calls "ready" is exactly what Set Status then applies without force.
import { stringValue } from '../frontMatter';
import type { GuardInput } from './guards';
import type { LifecycleConfig } from './settings';
import { planStatusChange } from './statusChange';
import { allowedNextStatuses } from './transitions';

export interface NextStatus {
  readonly status: string;
  /** The guard's unmet checks (and any reason the edit cannot be made), in plain words; none when ready. */
  readonly problems: readonly string[];
}

export interface NextStatuses {
  /** The spec's status now ('' when it has none). */
  readonly from: string;
  /** The statuses the lifecycle allows next, in its order. */
  readonly next: readonly NextStatus[];
}

export function nextStatuses(input: GuardInput, lifecycle: LifecycleConfig): NextStatuses {
  const from = stringValue(input.parsed.frontMatter.data, 'status') ?? '';
  const next = allowedNextStatuses(lifecycle.transitions, from).map((status) => ({ status, problems: planStatusChange(input, lifecycle, status).problems }));
  return { from, next };
}

/** `ready`, or `2 problems`. */
export function readiness(problems: readonly string[]): string {
  return problems.length === 0 ? 'ready' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
}

/** One row of Set Status's quick pick. */
export interface StatusChoice {
  readonly label: string;
  readonly description: string;
  readonly detail?: string;
  readonly status: string;
  readonly problems: readonly string[];
}

/** The quick pick of the allowed next statuses, each marked ready or with its count of problems (listed below it). */
export function statusChoices(next: readonly NextStatus[]): StatusChoice[] {
  return next.map(({ status, problems }) => ({ label: status, description: readiness(problems), detail: problems.length > 0 ? problems.join(' · ') : undefined, status, problems }));
}

export const SET_ANYWAY = 'Set anyway';

/** One row of the question that follows the pick of a status that is not ready. */
export interface ConfirmChoice {
  readonly label: string;
  readonly description: string;
  readonly detail?: string;
  readonly force: boolean;
}

/**
 * What picking a not-ready status asks next: "Set anyway" first (Enter, as the primary button of a dialog would be),
 * then keeping the status; Escape keeps it too. Under `techSpec.lifecycle.strict` there is nothing to ask: undefined.
 */
export function confirmChoices(from: string, picked: NextStatus, strict: boolean): ConfirmChoice[] | undefined {
  if (strict || picked.problems.length === 0) return undefined;
  return [
    { label: SET_ANYWAY, description: `${from || '(no status)'} → ${picked.status}`, detail: picked.problems.join(' · '), force: true },
    { label: `Keep ${from || 'no status'}`, description: 'change nothing', force: false },
  ];
}

/** The title of that question, and the message under strict: the status and its problems. */
export function notReadyMessage(picked: NextStatus, strict: boolean): string {
  const why = `${picked.status} is not ready (${readiness(picked.problems)}): ${picked.problems.join(' ')}`;
  return strict ? `${why} The lifecycle is strict: fix these first.` : why;
}
