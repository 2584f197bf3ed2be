// The outline of a Markdown document: headings and task items, as VS Code's preview renders them.
// The scanner is in ./blocks; heading text in ./inlineText; anchors in ./slugs.
export { scanOutline } from './blocks/scanner';
export { inlineToPlainText, normalizeLabel, stripInlineMarkup } from './inlineText';
export { githubSlug, hasSlug, SlugCounter } from './slugs';

export interface Heading {
  readonly level: number;
  /** Plain text, inline markup removed. */
  readonly text: string;
  /** GitHub-style anchor, unique within the document. */
  readonly slug: string;
  /** First line of the heading (the text line for setext headings). */
  readonly line: number;
  /** Last line of the heading itself (the underline for setext headings). */
  readonly endLine: number;
  /** Last line of its section: up to the next heading of the same or a higher level. */
  readonly sectionEndLine: number;
}

export interface TaskItem {
  readonly line: number;
  readonly checked: boolean;
  readonly text: string;
  /** Index into headings of the nearest heading above, or -1. */
  readonly headingIndex: number;
}

export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

export interface Outline {
  readonly headings: readonly Heading[];
  readonly tasks: readonly TaskItem[];
  /** Fenced code blocks, delimiters included; an unclosed fence runs to the end. */
  readonly fences: readonly LineSpan[];
  readonly lineCount: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export const CHECKLIST_SECTION_SLUG = 'implementation-checklist';

/** Tasks within a heading's section, nested headings included. */
export function tasksInSection(outline: Outline, headingIndex: number): TaskItem[] {
  const heading = outline.headings[headingIndex];
  if (!heading) return [];
  return outline.tasks.filter((task) => task.line > heading.endLine && task.line <= heading.sectionEndLine);
}

export function countTasks(tasks: readonly TaskItem[]): Progress {
  let done = 0;
  for (const task of tasks) if (task.checked) done++;
  return { done, total: tasks.length };
}

/** The default of `techSpec.checklistSection`. */
export const DEFAULT_CHECKLIST_SECTION = 'Implementation Checklist';

/** Progress of a spec's checklist section; `found` is false when the spec has no such section. */
export interface ChecklistProgress extends Progress {
  readonly found: boolean;
}

/**
 * The index of the first heading (any level) whose text is the checklist section's name, case
 * and runs of white space aside, or -1. Matched by text, not by de-duplicated slug: the index
 * calls this for every file.
 */
export function checklistHeadingIndex(outline: Outline, section: string = DEFAULT_CHECKLIST_SECTION): number {
  const name = section.replace(/\s+/g, ' ').trim().toLowerCase();
  return outline.headings.findIndex((heading) => sameName(heading.text, name));
}

/** Whether a heading's text is `name` (lower case, single-spaced), without building a string for most headings. */
function sameName(text: string, name: string): boolean {
  if (text.length < name.length) return false;
  if (text.length === name.length) return text.toLowerCase() === name;
  return text.replace(/\s+/g, ' ').toLowerCase() === name;
}

/** Progress of the checklist section's tasks; a spec without the section counts nothing. */
export function checklistProgress(outline: Outline, section: string = DEFAULT_CHECKLIST_SECTION): ChecklistProgress {
  const index = checklistHeadingIndex(outline, section);
  if (index < 0) return { done: 0, total: 0, found: false };
  return { ...countTasks(tasksInSection(outline, index)), found: true };
}

export function isInFence(outline: Outline, line: number): boolean {
  return outline.fences.some((fence) => line >= fence.start && line <= fence.end);
}
