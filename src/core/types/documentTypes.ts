import type { ConfigProblem, TechSpecConfig } from '../config';
import { stringValue } from '../frontMatter';
import { idFromFileName, parseId, PREFIX_SHAPE } from '../ids';
import { BUILTIN_TEMPLATES } from './builtinTemplates';

/** `template` value: the shipped template of the type's prefix (the seed file for tech specs). */
export const BUILTIN_TEMPLATE = 'builtin';

/** One kind of document the workspace keeps: tech specs, RFCs, PRDs, ADRs... */
export interface DocumentType {
  /** Id prefix: `RFC` gives `RFC-0007`. */
  readonly prefix: string;
  /** Singular display name: "Tech Spec", "RFC". */
  readonly name: string;
  /** The front-matter key that holds the id a document of this type owns. */
  readonly idField: string;
  /** `builtin`, a path relative to the workspace folder, or '' for none: the type is then not checked for structure. */
  readonly template: string;
  /** Where New Document creates documents of this type, relative to the workspace folder. */
  readonly folder: string;
  /** New file names: `{id}` and `{slug}` are replaced. */
  readonly fileName: string;
  /** In lifecycle order; the first is a new document's. */
  readonly statuses: readonly string[];
  /** Heading of the section whose tasks are the progress; '' for none. */
  readonly checklistSection: string;
  /** Front-matter key → prefix of the documents it names (`decision_ref` → `RFC`). */
  readonly referenceFields: Readonly<Record<string, string>>;
  readonly idDigits: number;
}

/** An entry of `techSpec.documentTypes` as validated: a prefix and whatever else it sets. */
export type DocumentTypeSetting = Partial<DocumentType> & { readonly prefix: string };

export const DEFAULT_FILE_NAME = '{id}-{slug}.md';
const RFC_STATUSES = ['DRAFT', 'IN_REVIEW', 'ACCEPTED', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN'];
const PRD_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SHIPPED', 'DEPRECATED'];
const ADR_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED', 'DEPRECATED', 'SUPERSEDED'];

type TypeSource = Pick<TechSpecConfig, 'idPrefix' | 'idDigits' | 'specsFolder' | 'templatePath' | 'statuses' | 'checklistSection' | 'documentFolders'> &
  Partial<Pick<TechSpecConfig, 'documentTypes'>>;

/**
 * The tech spec type, from today's `techSpec.*` settings: existing workspaces keep working unchanged.
 * Its references are the two keys of the seed template. New Tech Spec creates specs of this type.
 */
export function techSpecType(config: TypeSource): DocumentType {
  return {
    prefix: config.idPrefix,
    name: 'Tech Spec',
    idField: 'tech_spec_id',
    template: config.templatePath.trim() || BUILTIN_TEMPLATE,
    folder: config.specsFolder,
    fileName: DEFAULT_FILE_NAME,
    statuses: config.statuses,
    checklistSection: config.checklistSection,
    referenceFields: { decision_ref: 'RFC', related_prd: 'PRD' },
    idDigits: config.idDigits,
  };
}

/**
 * The defaults for a prefix that no setting describes in full. RFC and PRD have no template by
 * default, so that they stay what they were before types: documents that are found and cited, not
 * checked. A new prefix with a shipped template (ADR) gets it.
 */
function baseType(prefix: string, config: TypeSource): DocumentType {
  const known: Record<string, Partial<DocumentType>> = {
    RFC: { name: 'RFC', idField: 'rfc_id', template: '', folder: 'docs/rfcs', statuses: RFC_STATUSES },
    PRD: { name: 'PRD', idField: 'prd_id', template: '', folder: 'docs/prd', statuses: PRD_STATUSES },
    ADR: { name: 'ADR', idField: 'adr_id', template: BUILTIN_TEMPLATE, folder: 'docs/adr', statuses: ADR_STATUSES },
  };
  const preset = known[prefix] ?? {};
  return {
    prefix,
    name: preset.name ?? prefix,
    idField: preset.idField ?? defaultIdField(prefix),
    template: preset.template ?? (BUILTIN_TEMPLATES[prefix] ? BUILTIN_TEMPLATE : ''),
    folder: config.documentFolders[prefix] ?? preset.folder ?? `docs/${prefix.toLowerCase()}`,
    fileName: DEFAULT_FILE_NAME,
    statuses: preset.statuses ?? config.statuses,
    checklistSection: '',
    referenceFields: {},
    idDigits: config.idDigits,
  };
}

/** The id field of a prefix that does not name one: `rfc_id`, `adr_id`. */
export function defaultIdField(prefix: string): string {
  return `${prefix.toLowerCase()}_id`;
}

const resolvedCache = new WeakMap<object, readonly DocumentType[]>();

/**
 * Every document type of a configuration, the tech spec first: the defaults (TS from today's
 * settings, RFC, PRD), each overridden field by field by the `techSpec.documentTypes` entry of
 * its prefix, then the entries of new prefixes in their order.
 */
export function documentTypesOf(config: TypeSource): readonly DocumentType[] {
  const cached = resolvedCache.get(config);
  if (cached) return cached;
  const types: DocumentType[] = [techSpecType(config), baseType('RFC', config), baseType('PRD', config)].filter(
    (type, index, all) => all.findIndex((other) => other.prefix === type.prefix) === index,
  );
  for (const entry of config.documentTypes ?? []) {
    const at = types.findIndex((type) => type.prefix === entry.prefix);
    const base = at >= 0 ? types[at] : baseType(entry.prefix, config);
    const merged: DocumentType = { ...base, ...definedFields(entry) };
    if (at >= 0) types[at] = merged;
    else types.push(merged);
  }
  resolvedCache.set(config, types);
  return types;
}

/** Whether the workspace declares its types (`techSpec.documentTypes` is set): the tree then shows every type. */
export function declaresTypes(config: Partial<Pick<TechSpecConfig, 'documentTypes'>>): boolean {
  return (config.documentTypes?.length ?? 0) > 0;
}

export function typeByPrefix(types: readonly DocumentType[], prefix: string | undefined): DocumentType | undefined {
  return prefix === undefined ? undefined : types.find((type) => type.prefix === prefix);
}

/** A type by prefix or name, as a user types it (`rfc`, `RFCs`, `Tech Spec`). */
export function findType(types: readonly DocumentType[], text: string): DocumentType | undefined {
  const wanted = text.trim().toLowerCase();
  return types.find((type) => type.prefix.toLowerCase() === wanted || type.name.toLowerCase() === wanted || pluralName(type).toLowerCase() === wanted);
}

/** "Tech Specs", "RFCs": the tree's root labels. */
export function pluralName(type: Pick<DocumentType, 'name'>): string {
  return /s$/i.test(type.name) ? type.name : `${type.name}s`;
}

export interface TypedDocument {
  readonly type: DocumentType;
  /** The id it owns as that type, when it has one. */
  readonly id: string | undefined;
  readonly by: 'idField' | 'fileName';
}

/**
 * A document's type: the first type whose id field its front matter has; else a generic id field
 * (`id`) whose value has a type's prefix; else the prefix its file name starts with; else none.
 */
export function resolveDocumentType(
  data: Readonly<Record<string, unknown>> | undefined,
  path: string,
  types: readonly DocumentType[],
  idFields: readonly string[] = [],
  matchFileNames = true,
): TypedDocument | undefined {
  if (data) {
    for (const type of types) {
      if (!Object.prototype.hasOwnProperty.call(data, type.idField)) continue;
      return { type, id: validId(stringValue(data, type.idField), type.prefix), by: 'idField' };
    }
    const owned = new Set(types.map((type) => type.idField));
    for (const field of idFields) {
      if (owned.has(field)) continue;
      const parsed = parseId(stringValue(data, field) ?? '');
      const type = typeByPrefix(types, parsed?.prefix);
      if (parsed && type) return { type, id: `${parsed.prefix}-${parsed.digits}`, by: 'idField' };
    }
  }
  if (!matchFileNames) return undefined;
  const fromName = idFromFileName(path, types.map((type) => type.prefix));
  const type = typeByPrefix(types, fromName?.slice(0, fromName.lastIndexOf('-')));
  return type && fromName ? { type, id: fromName, by: 'fileName' } : undefined;
}

function validId(value: string | undefined, prefix: string): string | undefined {
  const parsed = value === undefined ? undefined : parseId(value, [prefix]);
  return parsed ? `${parsed.prefix}-${parsed.digits}` : undefined;
}

/** A new document's file name from the type's pattern; the result is always one `.md` file name, no folders. */
export function documentFileName(type: Pick<DocumentType, 'fileName'>, id: string, slug: string): string {
  const name = type.fileName.replace(/\{id\}/g, id).replace(/\{slug\}/g, slug).replace(/[\\/]/g, '-').trim();
  const safe = name === '' || name === '.' || name === '..' ? `${id}-${slug}` : name;
  return /\.(md|markdown)$/i.test(safe) ? safe : `${safe}.md`;
}

/** The prefix each reference key of a type must name: the type's own, then every other type's. */
export function referenceFieldPrefix(types: readonly DocumentType[], own: DocumentType | undefined, key: string): string | undefined {
  if (own && Object.prototype.hasOwnProperty.call(own.referenceFields, key)) return own.referenceFields[key];
  for (const type of types) if (Object.prototype.hasOwnProperty.call(type.referenceFields, key)) return type.referenceFields[key];
  return undefined;
}

function definedFields(entry: DocumentTypeSetting): Partial<DocumentType> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) result[key] = value;
  return result as Partial<DocumentType>;
}

const FIELD_CHECKS: ReadonlyArray<[keyof DocumentType, (value: unknown) => boolean, string]> = [
  ['name', (value) => typeof value === 'string' && value.trim() !== '', 'a name'],
  ['idField', (value) => typeof value === 'string' && /^[A-Za-z_][\w-]*$/.test(value), 'a front-matter key'],
  ['template', (value) => typeof value === 'string', `"${BUILTIN_TEMPLATE}", a path or ""`],
  ['folder', (value) => typeof value === 'string' && value.trim() !== '', 'a folder path'],
  ['fileName', (value) => typeof value === 'string' && value.includes('{id}'), 'a file name pattern with {id}'],
  ['statuses', (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'), 'a non-empty list of statuses'],
  ['checklistSection', (value) => typeof value === 'string', 'a heading text or ""'],
  [
    'referenceFields',
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string' && PREFIX_SHAPE.test(item)),
    'an object of key: prefix',
  ],
  ['idDigits', (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12, 'a whole number from 1 to 12'],
];

/** Validates `techSpec.documentTypes`: an entry without a usable prefix is dropped, a bad field falls back, each with a problem. */
export function resolveDocumentTypeSettings(value: unknown, problems: ConfigProblem[]): DocumentTypeSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: 'documentTypes', message: 'is not a list of document types; none are added.' });
    return [];
  }
  const entries: DocumentTypeSetting[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ key: 'documentTypes', message: `entry ${index + 1} is not an object; it is ignored.` });
      return;
    }
    const record = item as Record<string, unknown>;
    const prefix = record.prefix;
    if (typeof prefix !== 'string' || !PREFIX_SHAPE.test(prefix)) {
      problems.push({ key: 'documentTypes', message: `entry ${index + 1} has no valid "prefix" (a letter, then letters, digits or _); it is ignored.` });
      return;
    }
    if (seen.has(prefix)) {
      problems.push({ key: 'documentTypes', message: `the prefix ${prefix} is declared twice; the first entry is used.` });
      return;
    }
    seen.add(prefix);
    const entry: Record<string, unknown> = { prefix };
    for (const [field, valid, expected] of FIELD_CHECKS) {
      if (record[field] === undefined) continue;
      if (valid(record[field])) entry[field] = record[field];
      else problems.push({ key: 'documentTypes', message: `${prefix}: "${field}" is not ${expected}; the default is used.` });
    }
    for (const key of Object.keys(record)) {
      if (key !== 'prefix' && !FIELD_CHECKS.some(([field]) => field === key)) problems.push({ key: 'documentTypes', message: `${prefix}: unknown field "${key}"; it is ignored.` });
    }
    entries.push(entry as DocumentTypeSetting);
  });
  return entries;
}
