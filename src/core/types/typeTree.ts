import type { TechSpecConfig } from '../config';
import type { TreeSummary } from '../treeHold';
import { buildStatusGroups, type GroupNode, type TreeOptions } from '../treeModel';
import { declaresTypes, documentTypesOf, pluralName, typeByPrefix, type DocumentType } from './documentTypes';
import { isSpecType } from './typedChecks';

/** One root of the tree per document type: its documents grouped by its own statuses. */
export interface TypeNode {
  readonly kind: 'type';
  readonly key: string;
  /** "Tech Specs", "RFCs". */
  readonly label: string;
  /** How many documents. */
  readonly description: string;
  readonly prefix: string;
  readonly groups: readonly GroupNode[];
}

type TypeTreeConfig = Parameters<typeof documentTypesOf>[0] & Pick<TechSpecConfig, 'treeDocumentType'>;

/**
 * How the tree is laid out: today's status groups of tech specs (no types declared, or the
 * tech spec type chosen); one type's status groups (`techSpec.tree.documentType`); or one root
 * per declared type that has documents.
 */
export type TreeLayout = { readonly kind: 'specs' } | { readonly kind: 'oneType'; readonly type: DocumentType } | { readonly kind: 'types'; readonly types: readonly DocumentType[] };

export function treeLayout(config: TypeTreeConfig): TreeLayout {
  const types = documentTypesOf(config);
  const only = typeByPrefix(types, config.treeDocumentType || undefined);
  if (only) return isSpecType(only) ? { kind: 'specs' } : { kind: 'oneType', type: only };
  return declaresTypes(config) ? { kind: 'types', types } : { kind: 'specs' };
}

/** One type's status groups; the keys carry the type so that groups of two types never share one. */
export function typeGroups(summaries: readonly TreeSummary[], type: DocumentType, options: TreeOptions, keyPrefix = ''): GroupNode[] {
  const typeOptions: TreeOptions = { ...options, statuses: type.statuses, checklistSection: type.checklistSection || options.checklistSection };
  if (isSpecType(type)) return buildStatusGroups(summaries, typeOptions, keyPrefix);
  // Documents of other types are shown as specs are: by their own id and status.
  const members = summaries
    .filter((summary) => summary.documentType === type.prefix)
    .map((summary): TreeSummary => ({ ...summary, isSpec: true, id: summary.documentId ?? summary.ownedIds[0] ?? '' }));
  return buildStatusGroups(members, typeOptions, keyPrefix);
}

/** The roots of the tree with one root per type; a type without documents is left out. */
export function buildTypeRoots(summaries: readonly TreeSummary[], types: readonly DocumentType[], options: TreeOptions): TypeNode[] {
  const roots: TypeNode[] = [];
  for (const type of types) {
    const groups = typeGroups(summaries, type, options, `type:${type.prefix}/`).filter((group) => group.category !== 'unreadable' || isSpecType(type));
    const count = groups.reduce((sum, group) => sum + group.specs.length, 0);
    if (count > 0) roots.push({ kind: 'type', key: `type:${type.prefix}`, label: pluralName(type), description: String(count), prefix: type.prefix, groups });
  }
  return roots;
}
