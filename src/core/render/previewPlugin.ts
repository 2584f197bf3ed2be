// A markdown-it plugin that renders a spec as a spec: its front matter as a header card, bare ids as
// links, a progress bar under the checklist heading, and template placeholders highlighted. It only
// touches documents whose front matter has a `tech_spec_id`; other Markdown renders as before.
// Pure: the workspace comes in as data (SpecRenderData), so VS Code's preview, the CLI and tests share it.
import type MarkdownIt from 'markdown-it';

type MarkdownItInstance = InstanceType<typeof MarkdownIt>;
import { stringValue } from '../frontMatter';
import { idRegExp } from '../ids';
import { findPlaceholders, isPlaceholderText } from '../lint/templateModel';
import type { Progress } from '../outline';
import { SlugCounter } from '../outline';
import { parseDocumentText } from '../parse';
import { idLink, renderHeaderCard } from './headerCard';
import { escapeHtml } from './html';
import type { SpecRenderData } from './renderData';
import { checklistFacts, progressLabel } from './specFacts';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;
type StateBlock = MarkdownIt.StateBlock;

export interface TechSpecPluginOptions {
  /** Read at parse and at render time, so the preview follows the live index. */
  data(): SpecRenderData;
  /** Give headings GitHub-style ids and list them in `env.techSpecHeadings` (the static export; VS Code adds its own ids). */
  readonly headingIds?: boolean;
  /** Rewrites a link or image target of the body; undefined drops it (the export: `.md` files become pages). */
  rewriteLink?(href: string, env: unknown): string | undefined;
}

/** A heading as the export's table of contents needs it. */
export interface RenderedHeading {
  readonly level: number;
  readonly text: string;
  readonly slug: string;
}

const FRONT_MATTER = 'techspec_front_matter';
const REF = 'techspec_ref';
const PLACEHOLDER = 'techspec_placeholder';
const PROGRESS = 'techspec_progress';
const DEAD_LINK_OPEN = 'techspec_dead_link_open';
const DEAD_LINK_CLOSE = 'techspec_dead_link_close';

interface FrontMatterMeta {
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly isSpec: boolean;
}

export function techSpecPlugin(md: MarkdownItInstance, options: TechSpecPluginOptions): void {
  // Before `fence`, and so before the front-matter rule VS Code adds after its plugins: a spec's card wins.
  md.block.ruler.before('fence', FRONT_MATTER, frontMatterBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('techspec_spec', (state) => enhanceSpec(state, options));
  if (options.headingIds) md.core.ruler.push('techspec_heading_ids', headingIds);
  if (options.rewriteLink) {
    const rewrite = options.rewriteLink;
    md.core.ruler.push('techspec_rewrite_links', (state) => rewriteLinks(state, rewrite));
  }
  const rules = md.renderer.rules;
  rules[FRONT_MATTER] = (tokens, idx, _options, env) => {
    const meta = tokens[idx].meta as unknown as FrontMatterMeta | undefined;
    return meta?.isSpec && meta.data ? renderHeaderCard(meta.data, options.data(), env) : '';
  };
  rules[REF] = (tokens, idx, _options, env) => idLink(tokens[idx].content, options.data(), env);
  rules[PLACEHOLDER] = (tokens, idx) =>
    `<mark class="techspec-placeholder" title="Template placeholder, not filled in yet">${escapeHtml(tokens[idx].content)}</mark>`;
  rules[PROGRESS] = (tokens, idx) => renderProgress(tokens[idx].meta as unknown as Progress);
  rules[DEAD_LINK_OPEN] = () => '<span class="techspec-dead-link">';
  rules[DEAD_LINK_CLOSE] = () => '</span>';
}

export function renderProgress(progress: Progress): string {
  const label = progressLabel(progress);
  return (
    `<div class="techspec-progress" title="Implementation checklist: ${escapeHtml(label)}">` +
    `<progress class="techspec-progress-bar" value="${progress.done}" max="${progress.total}"></progress> ` +
    `<span class="techspec-progress-label">${escapeHtml(label)}</span></div>\n`
  );
}

/** Consumes a closed `---` block on the first line; the core rule decides what it renders as. */
function frontMatterBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line], state.eMarks[line]);
  if (!/^\uFEFF?---[ \t]*$/.test(lineText(0))) return false;
  let close = 1;
  while (close < endLine && !/^(?:---|\.\.\.)[ \t]*$/.test(lineText(close))) close++;
  if (close >= endLine) return false;
  if (silent) return true;
  const token = state.push(FRONT_MATTER, '', 0);
  token.block = true;
  token.map = [0, close + 1];
  token.markup = '---';
  state.line = close + 1;
  return true;
}

function enhanceSpec(state: StateCore, options: TechSpecPluginOptions): void {
  const first = state.tokens[0];
  if (first?.type !== FRONT_MATTER) return;
  const parsed = parseDocumentText(state.src);
  const data = parsed.frontMatter.data;
  const isSpec = stringValue(data, 'tech_spec_id') !== undefined;
  first.meta = { data, isSpec } satisfies FrontMatterMeta;
  if (!isSpec) return;
  const renderData = options.data();
  insertProgress(state, checklistFacts(parsed.outline));
  const ids = idRegExp(renderData.prefixes);
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children) token.children = markInline(token.children, state, ids, renderData.placeholders);
  }
}

function insertProgress(state: StateCore, facts: ReturnType<typeof checklistFacts>): void {
  if (facts.headingLine < 0 || facts.progress.total === 0) return;
  const at = state.tokens.findIndex((token) => token.type === 'heading_open' && token.map?.[0] === facts.headingLine);
  if (at < 0) return;
  const close = state.tokens.findIndex((token, index) => index > at && token.type === 'heading_close');
  const progress = new state.Token(PROGRESS, 'div', 0);
  progress.block = true;
  progress.meta = { ...facts.progress };
  state.tokens.splice(close + 1, 0, progress);
}

/** Splits text outside links into text, id and placeholder tokens. Code spans are their own tokens, so never touched. */
function markInline(children: Token[], state: StateCore, ids: RegExp, placeholders: ReadonlySet<string>): Token[] {
  const result: Token[] = [];
  let linkDepth = 0;
  for (const child of children) {
    if (child.type === 'link_open') linkDepth++;
    else if (child.type === 'link_close') linkDepth = Math.max(0, linkDepth - 1);
    else if (child.type === 'html_inline') linkDepth = Math.max(0, linkDepth + rawAnchorDepth(child.content));
    if (child.type !== 'text' || linkDepth > 0) {
      result.push(child);
      continue;
    }
    result.push(...splitText(child, state, ids, placeholders));
  }
  return result;
}

function rawAnchorDepth(html: string): number {
  if (/^<a[\s>]/i.test(html)) return 1;
  if (/^<\/a\s*>/i.test(html)) return -1;
  return 0;
}

interface Mark {
  readonly type: typeof REF | typeof PLACEHOLDER;
  readonly start: number;
  readonly text: string;
}

function splitText(token: Token, state: StateCore, ids: RegExp, placeholders: ReadonlySet<string>): Token[] {
  const content = token.content;
  const marks: Mark[] = [];
  ids.lastIndex = 0;
  for (const match of content.matchAll(ids)) marks.push({ type: REF, start: match.index, text: match[0] });
  if (placeholders.size > 0 && content.includes('[')) {
    for (const match of findPlaceholders(content)) {
      if (placeholders.has(match.text) && isPlaceholderText(match.inner, content, match.index)) marks.push({ type: PLACEHOLDER, start: match.index, text: match.text });
    }
  }
  if (marks.length === 0) return [token];
  // A placeholder wins over an id inside it: `[RFC-0001 or so]` is still template text.
  marks.sort((a, b) => a.start - b.start || (a.type === PLACEHOLDER ? -1 : 1));
  const tokens: Token[] = [];
  let at = 0;
  const text = (value: string) => {
    if (value === '') return;
    const piece = new state.Token('text', '', 0);
    piece.content = value;
    tokens.push(piece);
  };
  for (const mark of marks) {
    if (mark.start < at) continue;
    text(content.slice(at, mark.start));
    const piece = new state.Token(mark.type, '', 0);
    piece.content = mark.text;
    tokens.push(piece);
    at = mark.start + mark.text.length;
  }
  text(content.slice(at));
  return tokens;
}

function headingIds(state: StateCore): void {
  const slugs = new SlugCounter();
  const headings: RenderedHeading[] = [];
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i];
    if (token.type !== 'heading_open') continue;
    const text = plainText(state.tokens[i + 1]);
    const slug = slugs.next(text);
    token.attrSet('id', slug);
    headings.push({ level: Number(token.tag.slice(1)), text, slug });
  }
  if (typeof state.env === 'object' && state.env !== null) (state.env as { techSpecHeadings?: RenderedHeading[] }).techSpecHeadings = headings;
}

function plainText(token: Token | undefined): string {
  if (!token) return '';
  if (token.children) return token.children.map(plainText).join('');
  return token.type === 'text' || token.type === 'code_inline' || token.type === REF || token.type === PLACEHOLDER ? token.content : '';
}

function rewriteLinks(state: StateCore, rewrite: (href: string, env: unknown) => string | undefined): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const openStack: Token[] = [];
    for (const token of block.children) {
      if (token.type === 'link_open') {
        const target = rewrite(String(token.attrGet('href') ?? ''), state.env);
        openStack.push(token);
        if (target === undefined) token.type = DEAD_LINK_OPEN;
        else token.attrSet('href', target);
      } else if (token.type === 'link_close') {
        const open = openStack.pop();
        if (open?.type === DEAD_LINK_OPEN) token.type = DEAD_LINK_CLOSE;
      } else if (token.type === 'image') {
        const target = rewrite(String(token.attrGet('src') ?? ''), state.env);
        if (target === undefined) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'src');
        else token.attrSet('src', target);
      }
    }
  }
}
