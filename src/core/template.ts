import { setFrontMatterValue, splitLines } from './frontMatter';
import { scanOutline } from './outline';
import type { Range } from './text';

export interface TemplateVariables {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly created: string;
  readonly lastUpdated: string;
  readonly status: string;
  readonly decisionRef?: string;
  readonly relatedPrd?: string;
}

/** The clock and the author come through this port, so tests can pin them. */
export interface AuthoringEnvironment {
  today(): Date;
  author(): Promise<string>;
}

/** YYYY-MM-DD in local time: a spec written late in the evening is dated the day the author sees. */
export function formatLocalDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Renders a spec from a template. `{{name}}` variables are replaced where a custom template uses
 * them; the front matter keys are set in place (comments kept); the id and title placeholders
 * in the first `#` heading are filled. Everything else in the template stays as written.
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  const values: Record<string, string> = {
    id: variables.id,
    tech_spec_id: variables.id,
    title: variables.title,
    author: variables.author,
    created: variables.created,
    date: variables.created,
    today: variables.created,
    last_updated: variables.lastUpdated,
    status: variables.status,
    decision_ref: variables.decisionRef ?? '',
    related_prd: variables.relatedPrd ?? '',
  };
  let text = template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);

  const keys: Array<[string, string | undefined]> = [
    ['tech_spec_id', variables.id],
    ['title', variables.title],
    ['status', variables.status],
    ['author', variables.author],
    ['created', variables.created],
    ['last_updated', variables.lastUpdated],
    ['decision_ref', variables.decisionRef],
    ['related_prd', variables.relatedPrd],
  ];
  for (const [key, value] of keys) {
    if (value === undefined || value === '') continue;
    text = setFrontMatterValue(text, key, value) ?? text;
  }
  return fillTitleHeading(text, variables);
}

function fillTitleHeading(text: string, variables: TemplateVariables): string {
  const lines = splitLines(text);
  const heading = scanOutline(text, lines).headings.find((candidate) => candidate.level === 1);
  if (!heading) return text;
  const original = lines[heading.line];
  const filled = original
    .replace(/\b[A-Za-z][A-Za-z0-9_]*-X{2,}\b/, () => variables.id)
    .replace(/\[[^\]]*\]/, () => variables.title.replace(/[\r\n]+/g, ' '));
  if (filled === original) return text;
  let offset = 0;
  for (let line = 0; line < heading.line; line++) offset = text.indexOf('\n', offset) + 1;
  // A lone \r line break is possible; fall back to a plain replace of the first occurrence then.
  if (text.slice(offset, offset + original.length) !== original) return text.replace(original, () => filled);
  return text.slice(0, offset) + filled + text.slice(offset + original.length);
}

/** File-name slug: ASCII letters and digits joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

export function specFileName(id: string, title: string): string {
  return `${id}-${slugify(title)}.md`;
}

/** The first `[placeholder]` of the Executive Summary (else of the body): where the cursor goes. */
export function firstPlaceholder(text: string): Range | undefined {
  const lines = splitLines(text);
  const outline = scanOutline(text, lines);
  const summary = outline.headings.find((heading) => /summary/i.test(heading.text) && heading.level === 2);
  const from = summary ? summary.endLine + 1 : 0;
  const to = summary ? summary.sectionEndLine : lines.length - 1;
  for (let line = from; line <= to && line < lines.length; line++) {
    const match = /\[[^\]\n]+\](?!\()/.exec(lines[line]);
    if (match) return { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } };
  }
  return undefined;
}
