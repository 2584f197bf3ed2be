import type { SpecSummary } from '../summary';

export const OTHER_STATUS = 'Other status';

export interface StatusGroup {
  /** A configured status, or OTHER_STATUS for every other (and no) status. */
  readonly status: string;
  readonly specs: readonly SpecSummary[];
}

/** Specs grouped by status in lifecycle order, unknown statuses last; within a group by id, then path. */
export function groupByStatus(specs: readonly SpecSummary[], statuses: readonly string[]): StatusGroup[] {
  const byStatus = new Map<string, SpecSummary[]>();
  for (const spec of specs) {
    const key = spec.status !== undefined && statuses.includes(spec.status) ? spec.status : OTHER_STATUS;
    let list = byStatus.get(key);
    if (!list) byStatus.set(key, (list = []));
    list.push(spec);
  }
  return [...statuses, OTHER_STATUS]
    .filter((status, index, all) => byStatus.has(status) && all.indexOf(status) === index)
    .map((status) => ({ status, specs: (byStatus.get(status) ?? []).sort(compareSpecs) }));
}

export function compareSpecs(a: SpecSummary, b: SpecSummary): number {
  const byId = (a.id ?? '').localeCompare(b.id ?? '', 'en', { numeric: true });
  if (byId !== 0) return byId;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
