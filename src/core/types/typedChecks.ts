import type { TechSpecConfig } from '../config';
import { isLintTarget, type LintConfig, type TemplateOptions } from '../lint';
import type { ParsedDocument } from '../parse';
import { BUILTIN_TEMPLATES, minimalTemplate } from './builtinTemplates';
import { BUILTIN_TEMPLATE, documentTypesOf, resolveDocumentType, type DocumentType } from './documentTypes';

type CheckConfig = Pick<TechSpecConfig, 'specsFolder' | 'idPrefix' | 'templatePath' | 'idFields' | 'matchFileNames'> & Parameters<typeof documentTypesOf>[0];

/** Whether a type is the tech spec: the type whose documents carry `tech_spec_id`. */
export function isSpecType(type: Pick<DocumentType, 'idField'>): boolean {
  return type.idField === 'tech_spec_id';
}

/**
 * The type whose checks apply to a file, or undefined when none do. Tech specs are found as they
 * always were (isLintTarget); a document of another type is checked only when that type has a
 * template, and the template file itself never is.
 */
export function checkedTypeOf(relativePath: string, parsed: ParsedDocument, config: CheckConfig): DocumentType | undefined {
  const types = documentTypesOf(config);
  if (isLintTarget(relativePath, parsed, config)) return types[0];
  const typed = resolveDocumentType(parsed.frontMatter.data, relativePath, types, config.idFields, config.matchFileNames);
  if (!typed || isSpecType(typed.type) || typed.type.template === '') return undefined;
  if (isTemplateFile(relativePath, typed.type)) return undefined;
  return typed.type;
}

function isTemplateFile(relativePath: string, type: DocumentType): boolean {
  const normalize = (value: string) => value.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return type.template !== BUILTIN_TEMPLATE && normalize(type.template) === normalize(relativePath);
}

/** The settings the checks read, as the document's own type has them. The tech spec's are today's settings, untouched. */
export function lintConfigFor<C extends LintConfig>(config: C & Partial<Pick<TechSpecConfig, 'documentTypes'>>, type: DocumentType): C & { readonly idField?: string } {
  const declaresReferences = config.documentTypes?.some((entry) => entry.referenceFields !== undefined) ?? false;
  if (isSpecType(type) && type.prefix === config.idPrefix && type.statuses === config.statuses && !declaresReferences) return config;
  return { ...config, idPrefix: type.prefix, idField: type.idField, statuses: type.statuses, referenceFields: type.referenceFields };
}

export function templateOptionsFor(config: TemplateOptions, type: DocumentType): TemplateOptions {
  return { ...config, checklistSection: type.checklistSection };
}

/** Where a type's template comes from: the seed file, a workspace file, or text shipped in the bundle. */
export type TemplateLocation = { readonly kind: 'seed' } | { readonly kind: 'file'; readonly path: string } | { readonly kind: 'text'; readonly text: string };

/** The template New Document renders for a type: its own, else the shipped one of its prefix, else a minimal one. */
export function creationTemplate(type: DocumentType): TemplateLocation {
  if (isSpecType(type)) return type.template === BUILTIN_TEMPLATE || type.template === '' ? { kind: 'seed' } : { kind: 'file', path: type.template };
  if (type.template !== '' && type.template !== BUILTIN_TEMPLATE) return { kind: 'file', path: type.template };
  return { kind: 'text', text: BUILTIN_TEMPLATES[type.prefix] ?? minimalTemplate(type.idField, type.prefix, type.statuses[0] ?? 'DRAFT') };
}

/** The template the checks compare a document of this type with; undefined for a type without one (not checked). */
export function checkTemplate(type: DocumentType): TemplateLocation | undefined {
  if (!isSpecType(type) && type.template === '') return undefined;
  return creationTemplate(type);
}
