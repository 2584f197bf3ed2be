import type { Progress } from './outline';

/** Progress as the outline counts it; `found` is false when the spec has no checklist section. */
export type ProgressLike = Progress & { readonly found?: boolean };

/** What a spec without the checklist section shows: no progress is counted for it. */
export const NO_CHECKLIST_SECTION = 'no section';

/**
 * A checklist's progress in one short cell, the same everywhere (CLI list, spec index, agent
 * tools, code lens, status bar): `4/9`, `-` for a checklist section without tasks, and
 * `no section` when the spec has no checklist section at all.
 */
export function progressText(progress: ProgressLike): string {
  if (progress.found === false) return NO_CHECKLIST_SECTION;
  return progress.total > 0 ? `${progress.done}/${progress.total}` : '-';
}
