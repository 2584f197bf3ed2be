// The supersession and citation checks of the lifecycle: pure functions over one parsed spec and
// what the workspace index knows of other documents. lint/rules.ts reports what they return.
import { getField } from '../frontMatter';
import { parseId } from '../ids';
import type { ParsedDocument } from '../parse';
import type { Reference } from '../references';
import type { Range } from '../text';

export const SUPERSEDES_KEY = 'supersedes';
export const SUPERSEDED_BY_KEY = 'superseded_by';
export const SUPERSEDED = 'SUPERSEDED';
export const DEPRECATED = 'DEPRECATED';

/** Statuses that retire a document: citing one from a live spec is worth a note. */
export const RETIRED_STATUSES: readonly string[] = [SUPERSEDED, DEPRECATED];
/** Statuses of a spec still being written, reviewed or built on: the ones whose citations matter. */
export const LIVE_STATUSES: readonly string[] = ['DRAFT', 'IN_REVIEW', 'APPROVED'];
/** Statuses that commit to a decision: its `decision_ref` must be accepted. */
export const COMMITTED_STATUSES: readonly string[] = ['APPROVED', 'IMPLEMENTED'];
export const DEFAULT_ACCEPTED_STATUSES: readonly string[] = ['ACCEPTED', 'APPROVED', 'IMPLEMENTED'];
/** The key of `acceptedStatuses` that applies to every prefix without its own entry. */
export const ANY_PREFIX = '*';

/** What a check needs to know of another document. */
export interface LinkedDocument {
  readonly uri: string;
  readonly status?: string;
  readonly supersedes?: readonly string[];
  readonly supersededBy?: readonly string[];
}

export interface SupersessionFacts {
  /** The document that owns an id (the first, when several do), or undefined. */
  document(id: string): LinkedDocument | undefined;
}

export type LifecycleCode = 'TS041' | 'TS042' | 'TS043' | 'TS044' | 'TS045';

export interface LifecycleFinding {
  readonly code: LifecycleCode;
  readonly message: string;
  readonly range: Range;
  /** For TS044: the id that replaces the cited one. */
  readonly replacement?: string;
}

/** The spec's status as written, or ''. */
export function statusOf(parsed: ParsedDocument): string {
  const value = getField(parsed.frontMatter, 'status')?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/** The ids written under one key (`supersedes: TS-0042`, or a list of them), with their ranges. */
export function idsUnder(references: readonly Reference[], key: string): Reference[] {
  return references.filter((reference) => reference.key === key);
}

/** TS041: a SUPERSEDED spec has to say what superseded it. */
export function supersededWithoutSuccessor(parsed: ParsedDocument, references: readonly Reference[]): LifecycleFinding[] {
  if (statusOf(parsed) !== SUPERSEDED || idsUnder(references, SUPERSEDED_BY_KEY).length > 0) return [];
  const status = getField(parsed.frontMatter, 'status');
  if (!status) return [];
  return [{ code: 'TS041', message: `The spec is ${SUPERSEDED} but has no "${SUPERSEDED_BY_KEY}": name the spec that replaces it.`, range: status.valueRange }];
}

/**
 * TS042: `supersedes: B` where B does not name this spec in `superseded_by`, and the other way
 * round. TS043: an id under either key that no document owns.
 */
export function supersessionLinks(ownId: string | undefined, references: readonly Reference[], facts: SupersessionFacts): LifecycleFinding[] {
  const findings: LifecycleFinding[] = [];
  const check = (key: string, backKey: string, pick: (document: LinkedDocument) => readonly string[] | undefined) => {
    for (const reference of idsUnder(references, key)) {
      if (reference.id === ownId) continue;
      const other = facts.document(reference.id);
      if (!other) {
        findings.push({ code: 'TS043', message: `No document owns ${reference.id}, named in "${key}".`, range: reference.range });
        continue;
      }
      const back = pick(other) ?? [];
      if (ownId === undefined || back.includes(ownId)) continue;
      const says = back.length > 0 ? `it names ${back.join(', ')}` : `it has no "${backKey}"`;
      findings.push({ code: 'TS042', message: `${reference.id} does not point back: its "${backKey}" should be ${ownId}, but ${says}.`, range: reference.range });
    }
  };
  check(SUPERSEDES_KEY, SUPERSEDED_BY_KEY, (document) => document.supersededBy);
  check(SUPERSEDED_BY_KEY, SUPERSEDES_KEY, (document) => document.supersedes);
  return findings;
}

/**
 * TS044: a DRAFT, IN_REVIEW or APPROVED spec citing a SUPERSEDED or DEPRECATED document, with the
 * successor to cite instead when the document names one. The supersession keys themselves and the
 * spec's own ids are no citation.
 */
export function citesRetired(parsed: ParsedDocument, ownIds: readonly string[], references: readonly Reference[], facts: SupersessionFacts, idFields: readonly string[]): LifecycleFinding[] {
  if (!LIVE_STATUSES.includes(statusOf(parsed))) return [];
  const findings: LifecycleFinding[] = [];
  for (const reference of references) {
    if (reference.key === SUPERSEDES_KEY || reference.key === SUPERSEDED_BY_KEY || idFields.includes(reference.key ?? '')) continue;
    if (ownIds.includes(reference.id)) continue;
    const cited = facts.document(reference.id);
    const status = cited?.status?.trim() ?? '';
    if (!cited || !RETIRED_STATUSES.includes(status)) continue;
    const successor = cited.supersededBy?.find((id) => id !== reference.id && !ownIds.includes(id));
    findings.push({
      code: 'TS044',
      message: successor ? `${reference.id} is ${status}; ${successor} replaces it.` : `${reference.id} is ${status}.`,
      range: reference.range,
      replacement: successor,
    });
  }
  return findings;
}

/** TS045: an APPROVED or IMPLEMENTED spec whose `decision_ref` document is not in an accepted status. */
export function decisionNotAccepted(parsed: ParsedDocument, references: readonly Reference[], facts: SupersessionFacts, accepted: Readonly<Record<string, readonly string[]>>): LifecycleFinding[] {
  const status = statusOf(parsed);
  if (!COMMITTED_STATUSES.includes(status)) return [];
  const findings: LifecycleFinding[] = [];
  for (const reference of idsUnder(references, 'decision_ref')) {
    const decision = facts.document(reference.id);
    // An unknown id is TS030's finding.
    if (!decision) continue;
    const statuses = acceptedStatusesFor(reference.id, accepted);
    const decisionStatus = decision.status?.trim() ?? '';
    if (statuses.includes(decisionStatus)) continue;
    const state = decisionStatus === '' ? 'has no status' : `is ${decisionStatus}`;
    findings.push({ code: 'TS045', message: `The spec is ${status}, but its decision ${reference.id} ${state}; accepted: ${statuses.join(', ')}.`, range: reference.range });
  }
  return findings;
}

/** The accepted statuses for an id's prefix: its own entry, else `*`, else the defaults. */
export function acceptedStatusesFor(id: string, accepted: Readonly<Record<string, readonly string[]>>): readonly string[] {
  const prefix = parseId(id)?.prefix ?? '';
  const own = Object.prototype.hasOwnProperty.call(accepted, prefix) ? accepted[prefix] : undefined;
  const any = Object.prototype.hasOwnProperty.call(accepted, ANY_PREFIX) ? accepted[ANY_PREFIX] : undefined;
  return own ?? any ?? DEFAULT_ACCEPTED_STATUSES;
}
