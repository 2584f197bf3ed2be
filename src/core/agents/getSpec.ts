import type { Heading } from '../outline';
import { inlineToPlainText, githubSlug } from '../outline';
import { parseDocumentText, type ParsedDocument } from '../parse';
import { duplicateNote, openSpec, plural } from './resolve';
import { ok, ToolError, type AgentTool, type AgentWorkspace } from './types';
import { SPEC_ID_PROPERTY } from './schema';

/** The most Markdown one answer carries (about 4,000 tokens); the note after a cut says how to go on. */
export const MAX_MARKDOWN_CHARS = 16_000;
/** References described with includeReferences, and the length of each one's first paragraph. */
export const MAX_REFERENCES = 20;
export const MAX_PARAGRAPH_CHARS = 400;

export const getSpec: AgentTool = {
  name: 'get_spec',
  title: 'Read a tech spec',
  summary: 'Reads a tech spec: front matter, sections, and the Markdown of one section or the whole body.',
  description:
    'Reads one technical spec by id (e.g. TS-0042): its front matter as JSON (title, status, decision_ref, author, dates...), ' +
    'the list of its sections with their lines, and the Markdown of one `section` (a heading name such as "Data Model" or "API Specification") ' +
    `or else the whole body. Answers are cut at ${MAX_MARKDOWN_CHARS.toLocaleString('en-US')} characters with a note saying how to read the rest ` +
    '(ask for one section, or pass `fromLine`). With `includeReferences`, it also gives the title, status and first paragraph of each ' +
    'document the spec cites (RFCs, PRDs, other specs). Read the relevant sections before implementing or reviewing a spec.',
  inputSchema: {
    type: 'object',
    properties: {
      id: SPEC_ID_PROPERTY,
      section: { type: 'string', minLength: 1, description: 'A section to read, by heading name (e.g. "Data Model"); omit for the whole body.' },
      includeReferences: { type: 'boolean', description: 'Also describe each document the spec cites (title, status, first paragraph).' },
      fromLine: { type: 'integer', minimum: 1, description: 'Continue a cut answer from this line (1-based), as its note says.' },
    },
    required: ['id'],
    additionalProperties: false,
  },
  writes: false,
  async run(input, workspace) {
    const { resolved, text } = await openSpec(workspace, input.id);
    const parsed = parseDocumentText(text);
    const path = workspace.relativePath(resolved.summary.uri);
    const lines: string[] = [`# ${resolved.id}: ${resolved.summary.title ?? '(no title)'}`, `path: ${path}`];
    const note = duplicateNote(workspace, resolved);
    if (note) lines.push(note);
    lines.push(`front matter: ${frontMatterJson(parsed)}`, `sections: ${sectionList(parsed)}`);
    if (resolved.summary.checklist.total > 0) lines.push(`checklist: ${resolved.summary.checklist.done}/${resolved.summary.checklist.total} ticked (next_open_tasks lists the open items)`);
    const section = typeof input.section === 'string' ? findSection(parsed, input.section, resolved.id) : undefined;
    const first = section ? section.line : parsed.frontMatter.bodyStartLine;
    const last = section ? section.sectionEndLine : parsed.lines.length - 1;
    const from = typeof input.fromLine === 'number' ? input.fromLine - 1 : first;
    if (from < first || from > last) {
      throw new ToolError(`fromLine ${from + 1} is outside ${section ? `section '${section.text}'` : 'the body'} of ${resolved.id}, which runs from line ${first + 1} to ${last + 1}`);
    }
    lines.push('', section ? `section '${section.text}' (lines ${first + 1}-${last + 1}):` : `body (lines ${first + 1}-${last + 1}):`);
    const cut = takeLines(parsed.lines, from, last, MAX_MARKDOWN_CHARS);
    lines.push(cut.text);
    if (cut.nextLine <= last) {
      const next = { id: resolved.id, ...(section ? { section: input.section } : {}), fromLine: cut.nextLine + 1 };
      lines.push('', `[cut at ${MAX_MARKDOWN_CHARS.toLocaleString('en-US')} characters: lines ${cut.nextLine + 1}-${last + 1} not shown. Call get_spec with ${JSON.stringify(next)} for the rest${section ? '' : ', or ask for one section'}.]`);
    }
    if (input.includeReferences === true) lines.push('', ...(await describeReferences(workspace, resolved.summary.references, resolved.summary.ownedIds)));
    return ok(lines.join('\n'));
  },
};

function frontMatterJson(parsed: ParsedDocument): string {
  const { frontMatter } = parsed;
  if (frontMatter.data) return JSON.stringify(frontMatter.data, (_key, value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));
  if (frontMatter.kind === 'none') return 'none';
  return `not readable (${frontMatter.problems[0]?.message ?? 'invalid'})`;
}

/** The `##` sections (or the top level the document uses), with their lines. */
function sectionList(parsed: ParsedDocument): string {
  const headings = parsed.outline.headings;
  if (headings.length === 0) return 'none (no headings)';
  const level = headings.some((heading) => heading.level === 2) ? 2 : Math.min(...headings.map((heading) => heading.level));
  return headings
    .filter((heading) => heading.level === level)
    .map((heading) => `${heading.text} (${heading.line + 1}-${heading.sectionEndLine + 1})`)
    .join(' · ');
}

/**
 * The heading a model means: the same text in any case, else the same slug (`data-model`), else
 * the only heading that contains the text. Sub-sections (`###`) count too.
 */
function findSection(parsed: ParsedDocument, wanted: string, id: string): Heading {
  const headings = parsed.outline.headings;
  const plain = inlineToPlainText(wanted.replace(/^#+\s*/, '')).toLowerCase();
  const slug = githubSlug(plain);
  const exact = headings.find((heading) => heading.text.toLowerCase() === plain) ?? headings.find((heading) => githubSlug(heading.text) === slug);
  if (exact) return exact;
  const containing = headings.filter((heading) => heading.level > 1 && heading.text.toLowerCase().includes(plain));
  if (containing.length === 1) return containing[0];
  const names = headings.filter((heading) => heading.level === 2).map((heading) => heading.text);
  if (containing.length > 1) {
    throw new ToolError(`section '${wanted}' matches ${containing.length} headings of ${id}: ${containing.map((heading) => `'${heading.text}'`).join(', ')}; give one of them exactly`);
  }
  throw new ToolError(`section '${wanted}' not found in ${id}; sections are: ${names.length > 0 ? names.join(', ') : headings.map((heading) => heading.text).join(', ') || 'none'}`);
}

/** Lines from `first` to `last` that fit in `limit` characters (at least one line, itself cut if need be). */
export function takeLines(lines: readonly string[], first: number, last: number, limit: number): { text: string; nextLine: number } {
  const taken: string[] = [];
  let length = 0;
  let line = first;
  for (; line <= last; line++) {
    const source = lines[line];
    if (length + source.length + 1 > limit) {
      if (taken.length === 0) {
        taken.push(`${source.slice(0, limit)}…`);
        line++;
      }
      break;
    }
    taken.push(source);
    length += source.length + 1;
  }
  return { text: taken.join('\n'), nextLine: line };
}

async function describeReferences(workspace: AgentWorkspace, references: readonly string[], own: readonly string[]): Promise<string[]> {
  const cited = references.filter((id) => !own.includes(id));
  if (cited.length === 0) return ['references: none (the spec cites no RFC, PRD or other spec by id)'];
  const lines = [`references (${plural(cited.length, 'id')} cited):`];
  for (const id of cited.slice(0, MAX_REFERENCES)) {
    const owner = workspace.owners(id)[0];
    if (!owner) {
      lines.push(`- ${id}: no document in the workspace owns it`);
      continue;
    }
    const text = await workspace.readText(owner.uri);
    const paragraph = text === undefined ? owner.abstract : firstParagraph(parseDocumentText(text));
    lines.push(`- ${id}: ${owner.title ?? '(no title)'} [${owner.status ?? 'no status'}] ${workspace.relativePath(owner.uri)}${paragraph ? `\n  ${paragraph}` : ''}`);
  }
  if (cited.length > MAX_REFERENCES) lines.push(`- and ${cited.length - MAX_REFERENCES} more: ${cited.slice(MAX_REFERENCES).join(', ')} (read each with get_spec)`);
  return lines;
}

/** The first paragraph of prose after the front matter and title, as plain text, cut at MAX_PARAGRAPH_CHARS. */
function firstParagraph(parsed: ParsedDocument): string | undefined {
  const { lines, outline } = parsed;
  const headingLines = new Set<number>();
  for (const heading of outline.headings) for (let line = heading.line; line <= heading.endLine; line++) headingLines.add(line);
  const fenced = (line: number) => outline.fences.some((fence) => line >= fence.start && line <= fence.end);
  const paragraph: string[] = [];
  for (let line = parsed.frontMatter.bodyStartLine; line < lines.length; line++) {
    const source = lines[line].trim();
    const skip = source === '' || headingLines.has(line) || fenced(line) || /^(?:-{3,}|\*{3,}|_{3,}|\||<!--|[-*+] |\d+[.)] )/.test(source);
    if (skip) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(source);
    if (paragraph.join(' ').length > MAX_PARAGRAPH_CHARS) break;
  }
  if (paragraph.length === 0) return undefined;
  const plain = inlineToPlainText(paragraph.join(' '));
  return plain.length > MAX_PARAGRAPH_CHARS ? `${plain.slice(0, MAX_PARAGRAPH_CHARS - 1)}…` : plain;
}
