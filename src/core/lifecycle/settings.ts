import { isRecord, showValue } from '../util/values';
import { DEFAULT_TRANSITIONS, type Transitions } from './transitions';

/** The check names a guard may list; `approvals` takes a count (`{ "approvals": 2 }` or `"approvals: 2"`). */
export const GUARD_CHECK_NAMES = ['sections', 'placeholders', 'references', 'checklist', 'approvals'] as const;

export type GuardCheck = 'sections' | 'placeholders' | 'references' | 'checklist' | { readonly approvals: number };

/** Target status → the checks a spec must pass to move to it. */
export type Guards = Readonly<Record<string, readonly GuardCheck[]>>;

export const DEFAULT_GUARDS: Guards = {
  IN_REVIEW: ['sections', 'placeholders'],
  APPROVED: ['sections', 'placeholders', 'references', { approvals: 1 }],
  IMPLEMENTED: ['checklist'],
};

export interface LifecycleConfig {
  readonly transitions: Transitions;
  readonly guards: Guards;
  /** When true, a failing guard cannot be overridden from the editor ("Set anyway" is not offered). */
  readonly strict: boolean;
}

export const DEFAULT_LIFECYCLE: LifecycleConfig = { transitions: DEFAULT_TRANSITIONS, guards: DEFAULT_GUARDS, strict: false };

/** What is wrong with one part of a lifecycle setting, said without naming the setting. */
export interface LifecycleProblem {
  readonly key: 'transitions' | 'guards' | 'strict';
  readonly message: string;
}

/** Transitions as written in settings: an entry that is no list of statuses is dropped with a problem. */
export function resolveTransitions(value: unknown, problems: LifecycleProblem[]): Transitions {
  if (value === undefined) return DEFAULT_TRANSITIONS;
  if (!isRecord(value)) {
    problems.push({ key: 'transitions', message: 'is not an object of status: [next statuses]; using the default lifecycle.' });
    return DEFAULT_TRANSITIONS;
  }
  const kept: Record<string, readonly string[]> = {};
  for (const [status, next] of Object.entries(value)) {
    if (Array.isArray(next) && next.every((item) => typeof item === 'string')) kept[status] = next as string[];
    else problems.push({ key: 'transitions', message: `the entry for ${JSON.stringify(status)} is not a list of statuses; that status may move nowhere.` });
  }
  return kept;
}

/** Guards as written in settings: unknown check names are dropped with a problem, the rest kept. */
export function resolveGuards(value: unknown, problems: LifecycleProblem[]): Guards {
  if (value === undefined) return DEFAULT_GUARDS;
  if (!isRecord(value)) {
    problems.push({ key: 'guards', message: 'is not an object of status: [checks]; using the default guards.' });
    return DEFAULT_GUARDS;
  }
  const kept: Record<string, GuardCheck[]> = {};
  for (const [status, checks] of Object.entries(value)) {
    if (!Array.isArray(checks)) {
      problems.push({ key: 'guards', message: `the entry for ${JSON.stringify(status)} is not a list of checks; moving to it is unguarded.` });
      continue;
    }
    kept[status] = [];
    for (const check of checks) {
      const parsed = parseGuardCheck(check);
      if (parsed) kept[status].push(parsed);
      else problems.push({ key: 'guards', message: `${showValue(check, 40)} (for ${status}) is not a check (${GUARD_CHECK_NAMES.join(', ')}, approvals with a count); it is ignored.` });
    }
  }
  return kept;
}

/** `"sections"`, `{ "approvals": 2 }` or `"approvals: 2"`; undefined for anything else. */
export function parseGuardCheck(check: unknown): GuardCheck | undefined {
  if (check === 'sections' || check === 'placeholders' || check === 'references' || check === 'checklist') return check;
  if (check === 'approvals') return { approvals: 1 };
  if (typeof check === 'string') {
    const match = /^\s*approvals\s*:\s*(\d+)\s*$/.exec(check);
    return match ? { approvals: Number(match[1]) } : undefined;
  }
  if (isRecord(check) && Object.keys(check).length === 1) {
    const count = check.approvals;
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return { approvals: count };
  }
  return undefined;
}

export function resolveStrict(value: unknown, problems: LifecycleProblem[]): boolean {
  if (value === undefined) return DEFAULT_LIFECYCLE.strict;
  if (typeof value === 'boolean') return value;
  problems.push({ key: 'strict', message: `${showValue(value, 40)} is not true or false; using false.` });
  return DEFAULT_LIFECYCLE.strict;
}

/** The guard's checks for moving to `status`; none when it has no entry. */
export function guardChecksFor(guards: Guards, status: string): readonly GuardCheck[] {
  return Object.prototype.hasOwnProperty.call(guards, status) && Array.isArray(guards[status]) ? guards[status] : [];
}
