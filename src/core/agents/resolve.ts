import { parseId } from '../ids';
import type { Outline } from '../outline';
import type { SpecSummary } from '../summary';
import { ToolError, type AgentWorkspace } from './types';

/** Ids in their natural order: TS-0002 before TS-0010, by prefix and then number. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export interface ResolvedSpec {
  /** The id as the workspace spells it. */
  readonly id: string;
  readonly summary: SpecSummary;
  /** Other documents that claim the same id (a duplicate). */
  readonly duplicates: readonly SpecSummary[];
}

/**
 * The document that owns an id, preferring a spec. Accepts the id in any case and with any
 * zero-padding (`ts-42` finds TS-0042). Throws a ToolError that says which ids exist.
 */
export function resolveSpec(workspace: AgentWorkspace, rawId: string): ResolvedSpec {
  const wanted = rawId.trim();
  const parsed = parseId(wanted);
  if (!parsed) throw new ToolError(`'${rawId}' is not a spec id; ids look like ${exampleId(workspace)} (list_specs lists them)`);
  let owners = workspace.owners(wanted);
  if (owners.length === 0) {
    const equivalent = findEquivalentId(workspace, parsed.prefix, parsed.number);
    if (equivalent) owners = workspace.owners(equivalent);
  }
  const specs = owners.filter((owner) => owner.isSpec);
  const chosen = specs.length > 0 ? specs : owners;
  if (chosen.length === 0) throw new ToolError(unknownIdMessage(workspace, wanted));
  const [summary, ...duplicates] = chosen;
  const id = summary.ownedIds.find((owned) => sameId(owned, parsed.prefix, parsed.number)) ?? summary.id ?? wanted;
  return { id, summary, duplicates };
}

function sameId(id: string, prefix: string, number: number): boolean {
  const parsed = parseId(id);
  return parsed !== undefined && parsed.prefix.toUpperCase() === prefix.toUpperCase() && parsed.number === number;
}

function findEquivalentId(workspace: AgentWorkspace, prefix: string, number: number): string | undefined {
  for (const document of workspace.documents()) {
    const match = document.ownedIds.find((id) => sameId(id, prefix, number));
    if (match) return match;
  }
  return undefined;
}

function specIds(workspace: AgentWorkspace): string[] {
  const ids = new Set<string>();
  for (const document of workspace.documents()) if (document.isSpec && document.id) ids.add(document.id);
  return [...ids].sort(compareIds);
}

function exampleId(workspace: AgentWorkspace): string {
  return specIds(workspace)[0] ?? 'TS-0001';
}

function unknownIdMessage(workspace: AgentWorkspace, id: string): string {
  const ids = specIds(workspace);
  if (ids.length === 0) return `no spec owns ${id}; this workspace has no specs yet (Markdown files with a \`tech_spec_id\` in their front matter)`;
  const range = ids.length === 1 ? `the only spec is ${ids[0]}` : `known ids start at ${ids[0]} (${ids.length} specs, up to ${ids[ids.length - 1]})`;
  return `no spec owns ${id}; ${range}. list_specs lists them with their titles`;
}

/** Notes a duplicate id, so that a model knows another file claims it too. */
export function duplicateNote(workspace: AgentWorkspace, resolved: ResolvedSpec): string | undefined {
  if (resolved.duplicates.length === 0) return undefined;
  const others = resolved.duplicates.map((other) => workspace.relativePath(other.uri)).join(', ');
  return `note: ${resolved.id} is also claimed by ${others} (a duplicate id); this answer is about ${workspace.relativePath(resolved.summary.uri)}`;
}

/** Reads a resolved document's text, or says why it cannot. */
export async function readSpecText(workspace: AgentWorkspace, resolved: ResolvedSpec): Promise<string> {
  const text = await workspace.readText(resolved.summary.uri);
  if (text === undefined) {
    const reason = resolved.summary.problem ? `: ${resolved.summary.problem}` : '';
    throw new ToolError(`${resolved.id} (${workspace.relativePath(resolved.summary.uri)}) could not be read${reason}`);
  }
  return text;
}

/** Resolves a tool's `id` input and reads the spec's text: the opening of every per-spec tool. */
export async function openSpec(workspace: AgentWorkspace, rawId: unknown): Promise<{ resolved: ResolvedSpec; text: string }> {
  const resolved = resolveSpec(workspace, String(rawId));
  return { resolved, text: await readSpecText(workspace, resolved) };
}

/** The headings a line sits under, outermost first: `Implementation Checklist › Phase 1`. */
export function sectionPath(outline: Outline, headingIndex: number): string {
  const chain: string[] = [];
  let level = Number.POSITIVE_INFINITY;
  for (let index = headingIndex; index >= 0; index--) {
    const heading = outline.headings[index];
    if (heading.level >= level || heading.level === 1) continue;
    chain.unshift(heading.text);
    level = heading.level;
  }
  return chain.length > 0 ? chain.join(' › ') : '(before the first section)';
}

/** One line of a Markdown table cell: pipes escaped, line breaks as spaces. */
export function cell(value: string | undefined): string {
  if (value === undefined || value === '') return '-';
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : many}`;
}
