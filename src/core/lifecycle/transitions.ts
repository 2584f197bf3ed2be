/** Status → the statuses a spec in it may move to. A status that is no key may move nowhere. */
export type Transitions = Readonly<Record<string, readonly string[]>>;

/** The lifecycle of the default statuses: review can send a draft back, an approved spec ends implemented, superseded or deprecated. */
export const DEFAULT_TRANSITIONS: Transitions = {
  DRAFT: ['IN_REVIEW'],
  IN_REVIEW: ['DRAFT', 'APPROVED'],
  APPROVED: ['IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED'],
  IMPLEMENTED: ['SUPERSEDED', 'DEPRECATED'],
};

/** The statuses `status` may move to, in the order the lifecycle lists them; none for an unknown status. */
export function allowedNextStatuses(transitions: Transitions, status: string): readonly string[] {
  // Own keys only: a status named `constructor` or `__proto__` is no key of the lifecycle.
  if (!Object.prototype.hasOwnProperty.call(transitions, status)) return [];
  const next = transitions[status];
  return Array.isArray(next) ? next.filter((candidate, index) => typeof candidate === 'string' && candidate !== status && next.indexOf(candidate) === index) : [];
}

export function isTransitionAllowed(transitions: Transitions, from: string, to: string): boolean {
  return allowedNextStatuses(transitions, from).includes(to);
}
