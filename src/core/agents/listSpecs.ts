import { progressText } from '../checklistText';
import type { SpecSummary } from '../summary';
import { cell, compareIds, plural } from './resolve';
import { ok, type AgentTool } from './types';

export const LIST_DEFAULT_LIMIT = 50;
export const LIST_MAX_LIMIT = 500;

export const listSpecs: AgentTool = {
  name: 'list_specs',
  title: 'List tech specs',
  summary: "Lists the workspace's tech specs with status, checklist progress and decision ref.",
  description:
    'Lists the technical specs (Markdown files with a `tech_spec_id`) in this workspace as a Markdown table: id, title, status, ' +
    'checklist progress (ticked/total items of the Implementation Checklist), decision ref (the RFC it implements) and path. ' +
    'Use it to find which spec covers a topic or to see what is in a given status, then read one with get_spec. ' +
    `Filter with \`status\` (e.g. APPROVED) and \`text\` (matches id or title); at most \`limit\` rows (default ${LIST_DEFAULT_LIMIT}).`,
  inputSchema: {
    type: 'object',
    properties: {
      status: { type: 'string', description: 'Only specs in this status, e.g. DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED (any case).' },
      text: { type: 'string', description: 'Only specs whose id or title contains this text (any case).' },
      limit: { type: 'integer', minimum: 1, maximum: LIST_MAX_LIMIT, description: `At most this many rows (default ${LIST_DEFAULT_LIMIT}, at most ${LIST_MAX_LIMIT}).` },
    },
    additionalProperties: false,
  },
  writes: false,
  async run(input, workspace) {
    const status = typeof input.status === 'string' ? input.status.trim() : '';
    const text = typeof input.text === 'string' ? input.text.trim().toLowerCase() : '';
    const limit = typeof input.limit === 'number' ? input.limit : LIST_DEFAULT_LIMIT;
    const documents = workspace.documents();
    const specs = documents.filter((summary) => summary.isSpec).sort(bySpecId);
    const matching = specs.filter(
      (spec) =>
        (status === '' || (spec.status ?? '').toLowerCase() === status.toLowerCase()) &&
        (text === '' || (spec.id ?? '').toLowerCase().includes(text) || (spec.title ?? '').toLowerCase().includes(text)),
    );
    const lines = [headline(specs.length, matching.length, status, text)];
    if (matching.length === 0) {
      lines.push(specs.length === 0 ? 'No Markdown file in this workspace has a `tech_spec_id` in its front matter.' : `Statuses in use: ${statusesInUse(specs)}.`);
    } else {
      lines.push('', '| id | title | status | checklist | decision | path |', '| --- | --- | --- | --- | --- | --- |');
      for (const spec of matching.slice(0, limit)) {
        lines.push(`| ${cell(spec.id)} | ${cell(spec.title)} | ${cell(spec.status)} | ${progressText(spec.checklist)} | ${cell(spec.decisionRef)} | ${cell(workspace.relativePath(spec.uri))} |`);
      }
      if (matching.length > limit) lines.push('', `${matching.length - limit} more not shown: raise \`limit\` (at most ${LIST_MAX_LIMIT}) or narrow with \`status\` or \`text\`.`);
    }
    const unreadable = documents.filter((summary) => !summary.isSpec && summary.unreadable);
    if (unreadable.length > 0) {
      lines.push('', `Not listed, could not be read as specs: ${unreadable.slice(0, 10).map((summary) => `${workspace.relativePath(summary.uri)} (${summary.problem ?? 'unreadable'})`).join('; ')}${unreadable.length > 10 ? `; and ${unreadable.length - 10} more` : ''}.`);
    }
    return ok(lines.join('\n'));
  },
};

function bySpecId(a: SpecSummary, b: SpecSummary): number {
  return compareIds(a.id ?? '', b.id ?? '') || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

function headline(total: number, matching: number, status: string, text: string): string {
  const filters = [status ? `status ${status}` : '', text ? `id or title containing "${text}"` : ''].filter(Boolean).join(' and ');
  return filters ? `${plural(matching, 'spec')} with ${filters} (of ${total} in the workspace).` : `${plural(total, 'spec')} in the workspace.`;
}

function statusesInUse(specs: readonly SpecSummary[]): string {
  const counts = new Map<string, number>();
  for (const spec of specs) counts.set(spec.status ?? '(none)', (counts.get(spec.status ?? '(none)') ?? 0) + 1);
  return [...counts].map(([name, count]) => `${name} (${count})`).join(', ');
}
