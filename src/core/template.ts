import { locateFrontMatter, parseFrontMatter, setFrontMatterValue, splitLines } from './frontMatter';
import { isInFence, scanOutline } from './outline';
import { LineIndex, type Range } from './text';

export interface TemplateVariables {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly created: string;
  readonly lastUpdated: string;
  readonly status: string;
  readonly decisionRef?: string;
  readonly relatedPrd?: string;
  /** The front-matter key that holds the id: `tech_spec_id` unless the document type says otherwise. */
  readonly idField?: string;
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

const VARIABLE = /\{\{\s*([a-z_]+)\s*\}\}/g;
const HAS_VARIABLE = /\{\{\s*[a-z_]+\s*\}\}/;

/**
 * Renders a spec from a template. `{{name}}` variables are replaced where a custom template uses
 * them (in front-matter values as YAML, so any title stays valid); the front matter keys are set
 * in place (comments kept); the id and title placeholders in the first `#` heading are filled.
 * Everything else in the template stays as written.
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  // Every variable is one line: a title with a line break must not split a heading or a YAML value.
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
  const idField = variables.idField ?? 'tech_spec_id';
  const values: Record<string, string> = {
    [idField]: variables.id,
    id: variables.id,
    tech_spec_id: variables.id,
    title: oneLine(variables.title),
    author: oneLine(variables.author),
    created: variables.created,
    date: variables.created,
    today: variables.created,
    last_updated: variables.lastUpdated,
    status: variables.status,
    decision_ref: variables.decisionRef ?? '',
    related_prd: variables.relatedPrd ?? '',
  };
  // One pass with a function: inserted values are never read again, so `$&` or `{{id}}` in a title stay literal.
  const substitute = (source: string) => source.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);

  const lines = splitLines(template);
  const frontMatter = parseFrontMatter(template, lines);
  const index = new LineIndex(template);
  const bodyStart = frontMatter.kind === 'closed' ? index.offsetAt({ line: frontMatter.bodyStartLine, character: 0 }) : 0;
  let head = template.slice(0, bodyStart);
  if (frontMatter.data === undefined) {
    head = substitute(head);
  } else {
    for (const field of frontMatter.fields) {
      if (!field.text.includes('{{')) continue;
      const source = typeof field.value === 'string' ? field.value : field.text;
      head = setFrontMatterValue(head, field.key, substitute(source)) ?? head;
    }
  }
  const heading = scanOutline(template, lines).headings.find((candidate) => candidate.level === 1);
  let body: string;
  if (heading && heading.line >= frontMatter.bodyStartLine) {
    const start = index.offsetAt({ line: heading.line, character: 0 });
    const end = start + index.lineLength(heading.line);
    const original = template.slice(start, end);
    // A heading written with variables is the author's; otherwise fill its placeholders.
    const filled = HAS_VARIABLE.test(original) ? substitute(original) : fillTitleHeading(original, values.id, values.title);
    body = substitute(template.slice(bodyStart, start)) + filled + substitute(template.slice(end));
  } else {
    body = substitute(template.slice(bodyStart));
  }
  let text = head + body;

  const keys: Array<[string, string | undefined]> = [
    [idField, variables.id],
    ['title', variables.title],
    ['status', variables.status],
    ['author', variables.author],
    ['created', variables.created],
    ['last_updated', variables.lastUpdated],
    ['decision_ref', variables.decisionRef],
    ['related_prd', variables.relatedPrd],
  ];
  // The template decides which keys a spec has; only the id and title are always written.
  const present = parseFrontMatter(text).data ?? {};
  for (const [key, value] of keys) {
    if (value === undefined || value === '') continue;
    if (!(key in present) && key !== idField && key !== 'title') continue;
    text = setFrontMatterValue(text, key, value) ?? text;
  }
  return text;
}

function fillTitleHeading(line: string, id: string, title: string): string {
  return line.replace(/\b[A-Za-z][A-Za-z0-9_]*-X{2,}\b/, () => id).replace(/\[[^\]]*\]/, () => title);
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
  const frontMatter = locateFrontMatter(lines);
  const from = summary ? summary.endLine + 1 : frontMatter.kind === 'closed' ? frontMatter.endLine + 1 : 0;
  const to = summary ? summary.sectionEndLine : lines.length - 1;
  for (let line = from; line <= to && line < lines.length; line++) {
    if (isInFence(outline, line)) continue;
    // Not a link (`[text](url)`) and not a task's check box (`[ ]`, `[x]`).
    const match = /\[(?![ xX]\])[^\]\n]+\](?!\()/.exec(lines[line]);
    if (match) return { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } };
  }
  return undefined;
}
