import type { ParsedDocument } from './parse';
import type { Reference } from './references';
import type { SpecSummary } from './summary';
import type { Position } from './text';

export function referenceAt(parsed: ParsedDocument, position: Position, prefixes: readonly string[]): Reference | undefined {
  return parsed
    .references(prefixes)
    .find(
      (reference) =>
        reference.range.start.line === position.line &&
        position.character >= reference.range.start.character &&
        position.character <= reference.range.end.character,
    );
}

/** A URL for an id from `techSpec.referenceUrls` (`{id}` is replaced), when one is configured. */
export function externalUrl(id: string, prefix: string, templates: Readonly<Record<string, string>>): string | undefined {
  const template = templates[prefix];
  if (!template) return undefined;
  const url = template.replace(/\{id\}/g, encodeURIComponent(id));
  return isWebUrl(url) ? url : undefined;
}

export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(value);
}

/** What a hover says about an id. Every string here may come from a file and is untrusted. */
export interface ReferenceDescription {
  readonly id: string;
  readonly known: boolean;
  readonly title?: string;
  readonly fields: ReadonlyArray<readonly [string, string]>;
  readonly abstract?: string;
  readonly path?: string;
  readonly links: ReadonlyArray<{ readonly label: string; readonly url: string }>;
  readonly note?: string;
}

export function describeReference(
  reference: Pick<Reference, 'id' | 'prefix'>,
  owners: readonly SpecSummary[],
  options: { referenceUrls: Readonly<Record<string, string>>; relativePath: (uri: string) => string },
): ReferenceDescription {
  const owner = owners[0];
  const url = externalUrl(reference.id, reference.prefix, options.referenceUrls);
  if (!owner) {
    return {
      id: reference.id,
      known: false,
      fields: [],
      links: url ? [{ label: `Open ${reference.id}`, url }] : [],
      note: url ? 'No document in the workspace owns this id; it is linked through techSpec.referenceUrls.' : 'No document in the workspace owns this id.',
    };
  }
  const fields: Array<readonly [string, string]> = [];
  if (owner.status) fields.push(['Status', owner.status]);
  if (owner.author) fields.push(['Author', owner.author]);
  if (owner.lastUpdated) fields.push(['Last updated', owner.lastUpdated]);
  if (owner.supersededBy?.length) fields.push(['Superseded by', owner.supersededBy.join(', ')]);
  if (owner.supersedes?.length) fields.push(['Supersedes', owner.supersedes.join(', ')]);
  const links: Array<{ label: string; url: string }> = [];
  if (owner.relatedPrd && isWebUrl(owner.relatedPrd)) links.push({ label: 'Related PRD', url: owner.relatedPrd });
  return {
    id: reference.id,
    known: true,
    title: owner.title,
    fields,
    abstract: owner.abstract,
    path: options.relativePath(owner.uri),
    links,
    note: owners.length > 1 ? `${owners.length} documents claim this id.` : undefined,
  };
}
