import type { Progress } from '../outline';

/** A checklist's progress in a table cell: `4/9`, or `-` when the spec has no tasks. */
export function progressCell(progress: Progress): string {
  return progress.total > 0 ? `${progress.done}/${progress.total}` : '-';
}
