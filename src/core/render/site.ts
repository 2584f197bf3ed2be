// The static export: an index page, one page per spec and per document that owns an id, one
// stylesheet. Pure: the files come in as text, the pages go out as a map of name to content, in a
// fixed order with nothing time-dependent, so the same input gives the same bytes.
import type MarkdownIt from 'markdown-it';
import { parseId } from '../ids';
import { externalUrl, isWebUrl } from '../referenceInfo';
import type { SpecSummary } from '../summary';
import { escapeHtml, safeHref } from './html';
import { renderProgress, techSpecPlugin, type RenderedHeading } from './previewPlugin';
import { progressText } from '../checklistText';
import type { IdLink, SpecRenderData } from './renderData';
import { groupByStatus } from './specGroups';
import { statusClass } from './headerCard';

type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

export interface SiteSource {
  /** Workspace-relative, '/'-separated. */
  readonly path: string;
  readonly text: string;
  readonly summary: SpecSummary;
}

export interface SiteOptions {
  readonly title: string;
  readonly statuses: readonly string[];
  readonly prefixes: readonly string[];
  readonly referenceUrls: Readonly<Record<string, string>>;
  readonly placeholders: ReadonlySet<string>;
  readonly stylesheet: string;
  /** Raw HTML in documents passes through only when true; otherwise it is shown as text. */
  readonly allowHtml: boolean;
  /** A fresh markdown-it (the CLI's own copy; core does not load it). */
  createMarkdownIt(options: { html: boolean }): MarkdownItInstance;
}

export const STYLESHEET = 'techspec.css';
export const INDEX_PAGE = 'index.html';
/** Marks a folder as written by the export, so a second export may replace its files. */
export const EXPORT_MARKER = '.techspec-export';

interface Page {
  readonly source: SiteSource;
  readonly name: string;
}

interface SiteEnv {
  readonly sourcePath: string;
  techSpecHeadings?: RenderedHeading[];
}

/** Every file of the site, by name, in a stable order. */
export function buildSite(sources: readonly SiteSource[], options: SiteOptions): Map<string, string> {
  const pages = assignPages(sources);
  const byPath = new Map(pages.map((page) => [page.source.path, page]));
  const byId = new Map<string, Page>();
  for (const page of pages) for (const id of ownedIds(page.source.summary)) if (!byId.has(id)) byId.set(id, page);
  const md = options.createMarkdownIt({ html: options.allowHtml });
  const data: SpecRenderData = {
    statuses: options.statuses,
    prefixes: options.prefixes,
    placeholders: options.placeholders,
    link: (id) => linkFor(id, byId, options),
  };
  md.use(techSpecPlugin, { data: () => data, headingIds: true, rewriteLink: (href: string, env: unknown) => rewriteLink(href, (env as SiteEnv).sourcePath, byPath) });
  const files = new Map<string, string>();
  files.set(EXPORT_MARKER, 'Written by techspec export; the next export replaces the files here.\n');
  files.set(INDEX_PAGE, indexPage(pages, byId, options));
  for (const page of [...pages].sort((a, b) => compare(a.name, b.name))) files.set(page.name, documentPage(page, md, options));
  files.set(STYLESHEET, options.stylesheet);
  return files;
}

function ownedIds(summary: SpecSummary): string[] {
  const ids = summary.id !== undefined && parseId(summary.id) ? [summary.id] : [];
  for (const id of summary.ownedIds) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** `<id>.html` for specs and documents that own an id; other documents by their path. Clashes get `-2`, `-3`. */
function assignPages(sources: readonly SiteSource[]): Page[] {
  const taken = new Set<string>([INDEX_PAGE, STYLESHEET]);
  const pages: Page[] = [];
  for (const source of [...sources].sort((a, b) => compare(a.path, b.path))) {
    const base = ownedIds(source.summary)[0] ?? `page-${source.path.replace(/\.(md|markdown)$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '')}`;
    let name = `${base}.html`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.html`;
    taken.add(name.toLowerCase());
    pages.push({ source, name });
  }
  return pages;
}

function linkFor(id: string, byId: ReadonlyMap<string, Page>, options: SiteOptions): IdLink | undefined {
  const page = byId.get(id);
  if (page) return { href: page.name, title: page.source.summary.title ? `${id}: ${page.source.summary.title}` : id };
  const prefix = parseId(id)?.prefix;
  const url = prefix ? externalUrl(id, prefix, options.referenceUrls) : undefined;
  return url ? { href: url } : undefined;
}

/** Body links: http(s) stay, links to exported documents go to their pages, other local links are dropped. */
export function rewriteLink(href: string, sourcePath: string, byPath: ReadonlyMap<string, Page>): string | undefined {
  if (href.startsWith('#')) return safeHref(href);
  if (isWebUrl(href)) return safeHref(href);
  if (safeHref(href) === undefined) return undefined;
  const hash = href.indexOf('#');
  const fragment = hash >= 0 ? href.slice(hash) : '';
  const target = resolvePath(sourcePath, (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, ''));
  const page = target === undefined ? undefined : byPath.get(target);
  return page ? `${page.name}${fragment}` : undefined;
}

/** A relative or root-relative link target as a workspace path; undefined when it leaves the workspace. */
function resolvePath(fromFile: string, target: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  const segments = decoded.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join('/');
}

function documentPage(page: Page, md: MarkdownItInstance, options: SiteOptions): string {
  const env: Record<string, unknown> = { sourcePath: page.source.path } satisfies SiteEnv;
  const body = md.render(page.source.text, env);
  const toc = tableOfContents((env as unknown as SiteEnv).techSpecHeadings ?? []);
  // The contents go under the header card, when there is one.
  const cardEnd = body.startsWith('<header class="techspec-card">') ? body.indexOf('</header>\n') + '</header>\n'.length : 0;
  const summary = page.source.summary;
  const title = summary.id && summary.title ? `${summary.id}: ${summary.title}` : summary.title ?? page.source.path;
  return htmlDocument(
    title,
    `<nav class="techspec-breadcrumb"><a href="${INDEX_PAGE}">${escapeHtml(options.title)}</a> / <span>${escapeHtml(page.source.path)}</span></nav>\n` +
      `<main>\n${body.slice(0, cardEnd)}${toc}${body.slice(cardEnd)}</main>\n`,
  );
}

function tableOfContents(headings: readonly RenderedHeading[]): string {
  const entries = headings.filter((heading) => heading.level >= 2 && heading.level <= 3);
  if (entries.length === 0) return '';
  const items = entries.map((heading) => `<li class="techspec-toc-l${heading.level}"><a href="#${escapeHtml(encodeURIComponent(heading.slug))}">${escapeHtml(heading.text)}</a></li>`);
  return `<nav class="techspec-toc"><strong>Contents</strong>\n<ul>\n${items.join('\n')}\n</ul>\n</nav>\n`;
}

function indexPage(pages: readonly Page[], byId: ReadonlyMap<string, Page>, options: SiteOptions): string {
  const pageOf = new Map(pages.map((page) => [page.source.summary.uri, page]));
  const specs = pages.filter((page) => page.source.summary.isSpec).map((page) => page.source.summary);
  const sections = groupByStatus(specs, options.statuses).map((group) => {
    const rows = group.specs.map((spec) => {
      const page = pageOf.get(spec.uri);
      const filter = [spec.id, spec.title, spec.author, spec.status, spec.decisionRef].filter(Boolean).join(' ').toLowerCase();
      const decision = spec.decisionRef ? decisionCell(spec.decisionRef, byId, options) : '';
      return (
        `<tr data-filter="${escapeHtml(filter)}"><td><a href="${page?.name ?? INDEX_PAGE}">${escapeHtml(spec.id ?? '')}</a></td>` +
        `<td>${escapeHtml(spec.title ?? '')}</td><td>${escapeHtml(spec.author ?? '')}</td><td>${escapeHtml(spec.lastUpdated ?? '')}</td>` +
        `<td>${spec.checklist.total > 0 ? renderProgress(spec.checklist).trim() : progressText(spec.checklist)}</td><td>${decision}</td></tr>`
      );
    });
    return (
      `<section class="techspec-group">\n<h2><span class="${statusClass(group.status, options.statuses)}">${escapeHtml(group.status)}</span> (${group.specs.length})</h2>\n` +
      `<table>\n<thead><tr><th>ID</th><th>Title</th><th>Author</th><th>Last updated</th><th>Progress</th><th>Decision</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</section>\n`
    );
  });
  const others = pages
    .filter((page) => !page.source.summary.isSpec)
    .map((page) => {
      const label = [ownedIds(page.source.summary)[0], page.source.summary.title].filter(Boolean).join(': ') || page.source.path;
      return `<li data-filter="${escapeHtml(`${label} ${page.source.path}`.toLowerCase())}"><a href="${page.name}">${escapeHtml(label)}</a> <span class="techspec-path">${escapeHtml(page.source.path)}</span></li>`;
    });
  const otherSection = others.length > 0 ? `<section class="techspec-group">\n<h2>Other documents</h2>\n<ul>\n${others.join('\n')}\n</ul>\n</section>\n` : '';
  return htmlDocument(
    options.title,
    `<main>\n<h1>${escapeHtml(options.title)}</h1>\n` +
      `<p><input id="techspec-filter" class="techspec-filter" type="search" placeholder="Filter by id, title, author, status" aria-label="Filter specs"></p>\n` +
      `${sections.join('')}${specs.length === 0 ? '<p>No specs.</p>\n' : ''}${otherSection}</main>\n<script>\n${FILTER_SCRIPT}</script>\n`,
  );
}

function decisionCell(value: string, byId: ReadonlyMap<string, Page>, options: SiteOptions): string {
  const link = parseId(value, options.prefixes) ? linkFor(value, byId, options) : isWebUrl(value) ? { href: value } : undefined;
  const href = link ? safeHref(link.href) : undefined;
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(value)}</a>` : escapeHtml(value);
}

// Runs from disk (file://) as well: no modules, no fetch.
const FILTER_SCRIPT = `(function () {
  var input = document.getElementById('techspec-filter');
  input.addEventListener('input', function () {
    var query = input.value.trim().toLowerCase();
    document.querySelectorAll('[data-filter]').forEach(function (row) {
      row.hidden = query !== '' && row.getAttribute('data-filter').indexOf(query) < 0;
    });
    document.querySelectorAll('section.techspec-group').forEach(function (section) {
      section.hidden = section.querySelectorAll('[data-filter]:not([hidden])').length === 0;
    });
  });
})();
`;

function htmlDocument(title: string, body: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<link rel="stylesheet" href="${STYLESHEET}">\n</head>\n<body class="techspec-site">\n${body}</body>\n</html>\n`
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
