import { stringValue } from '../frontMatter';
import { parseId } from '../ids';
import { isWebUrl } from '../referenceInfo';
import { escapeHtml, safeHref } from './html';
import type { SpecRenderData } from './renderData';

type FrontMatterData = Readonly<Record<string, unknown>>;

const STAGE_COLOURS = 6;

/** The badge's class: one per lifecycle stage (cycling past six), and one for unknown statuses. */
export function statusClass(status: string | undefined, statuses: readonly string[]): string {
  const stage = status === undefined ? -1 : statuses.indexOf(status);
  return stage < 0 ? 'techspec-status techspec-status-other' : `techspec-status techspec-status-${stage % STAGE_COLOURS}`;
}

/** The front matter of a spec as a card; every value is escaped, links are checked. */
export function renderHeaderCard(data: FrontMatterData, renderData: SpecRenderData, env: unknown): string {
  const id = stringValue(data, 'tech_spec_id') ?? '';
  const title = stringValue(data, 'title');
  const status = stringValue(data, 'status');
  const rows: string[] = [];
  const row = (label: string, html: string | undefined) => {
    if (html) rows.push(`<dt>${label}</dt><dd>${html}</dd>`);
  };
  row('Author', text(stringValue(data, 'author')));
  row('Created', text(stringValue(data, 'created')));
  row('Last updated', text(stringValue(data, 'last_updated')));
  row('Decision', references(data.decision_ref, renderData, env));
  row('Related PRD', references(data.related_prd, renderData, env));
  row('Approvals', approvals(data.approvals));
  const badge = status ? ` <span class="${statusClass(status, renderData.statuses)}">${escapeHtml(status)}</span>` : '';
  return (
    `<header class="techspec-card">\n` +
    `<div class="techspec-card-heading"><span class="techspec-card-id">${escapeHtml(id)}</span>` +
    `${title ? ` <span class="techspec-card-title">${escapeHtml(title)}</span>` : ''}${badge}</div>\n` +
    (rows.length > 0 ? `<dl class="techspec-card-fields">${rows.join('')}</dl>\n` : '') +
    `</header>\n`
  );
}

function text(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeHtml(value);
}

/** `decision_ref` / `related_prd`: ids link to their documents, URLs to themselves, the rest is text. */
function references(value: unknown, renderData: SpecRenderData, env: unknown): string | undefined {
  const values = (Array.isArray(value) ? value : [value])
    .map((item) => stringValue({ item }, 'item'))
    .filter((item): item is string => item !== undefined);
  if (values.length === 0) return undefined;
  return values.map((item) => reference(item, renderData, env)).join(', ');
}

function reference(value: string, renderData: SpecRenderData, env: unknown): string {
  const id = parseId(value, renderData.prefixes);
  if (id) return idLink(value, renderData, env);
  if (isWebUrl(value) && safeHref(value)) return `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
  return escapeHtml(value);
}

/** An id as a link to its document when one is known, else as text. */
export function idLink(id: string, renderData: SpecRenderData, env: unknown): string {
  const link = renderData.link(id, env);
  const href = link ? safeHref(link.href) : undefined;
  if (!link || !href) return `<span class="techspec-ref techspec-ref-unknown">${escapeHtml(id)}</span>`;
  const title = link.title ? ` title="${escapeHtml(link.title)}"` : '';
  return `<a class="techspec-ref" href="${escapeHtml(href)}"${title}>${escapeHtml(id)}</a>`;
}

/** Approvals as the front matter gives them: a list of names or of `{ name, date }` maps, or a map. */
function approvals(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : typeof value === 'object' ? Object.entries(value as object).map(([key, item]) => ({ [key]: item })) : [value];
  const rendered = items.map(approval).filter((item) => item !== '');
  if (rendered.length === 0) return undefined;
  return `<ul class="techspec-approvals">${rendered.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function approval(item: unknown): string {
  if (item === null || item === undefined) return '';
  if (typeof item !== 'object') return escapeHtml(stringValue({ item }, 'item') ?? '');
  if (Array.isArray(item)) return escapeHtml(item.map((part) => stringValue({ part }, 'part') ?? '').filter(Boolean).join(', '));
  const record = item as Record<string, unknown>;
  const who = stringValue(record, 'name') ?? stringValue(record, 'by') ?? stringValue(record, 'approver');
  const when = stringValue(record, 'date') ?? stringValue(record, 'at');
  if (who !== undefined) return `${escapeHtml(who)}${when ? ` <span class="techspec-approval-date">${escapeHtml(when)}</span>` : ''}`;
  // Any other map: its scalar entries as `key: value`.
  return escapeHtml(
    Object.entries(record)
      .map(([key, entry]) => {
        const scalar = stringValue({ entry }, 'entry');
        return scalar === undefined ? '' : `${key}: ${scalar}`;
      })
      .filter(Boolean)
      .join(', '),
  );
}
