// What rendering reads of a spec's checklist and placeholders. The checks own these rules
// (src/core/outline, src/core/lint); rendering asks through these few functions, so that when the
// checklist section and the placeholders come from the template, only this file changes.
import { buildTemplateModel } from '../lint/templateModel';
import { checklistHeadingIndex, checklistProgress, type Outline, type Progress } from '../outline';

export interface ChecklistFacts {
  /** Line of the checklist section's heading, or -1 when the spec has no such section. */
  readonly headingLine: number;
  readonly progress: Progress;
}

/** The checklist section and its progress, counted as the tree and `techspec list` count it. */
export function checklistFacts(outline: Outline): ChecklistFacts {
  const index = checklistHeadingIndex(outline);
  return { headingLine: index >= 0 ? outline.headings[index].line : -1, progress: checklistProgress(outline) };
}

/** The `[placeholder]` texts of a template: what a spec still holding them has not filled in. */
export function templatePlaceholders(templateText: string): ReadonlySet<string> {
  return buildTemplateModel(templateText).placeholders;
}

/** "4 of 9 done" */
export function progressLabel(progress: Progress): string {
  return `${progress.done} of ${progress.total} done`;
}
