import type { TechSpecConfig } from '../config';
import { idFromFileName } from '../ids';
import type { ParsedDocument } from '../parse';
import type { SpecIndex } from '../specIndex';
import { lintSpec, type Finding, type LintConfig, type WorkspaceFacts } from './rules';
import type { TemplateModel } from './templateModel';

export { findingFor, fixFor, type Fix, type FixContext, type ReportedProblem, type TextEdit } from './fixes';
export { specStatus, type RuleSetting } from './severity';
export { RULES, isRealDate, lintSpec, severityOf, type Finding, type FixData, type LintConfig, type RuleCode, type RuleInfo, type WorkspaceFacts } from './rules';
export { matchSections, type SectionMatch } from './sections';
export { DEFAULT_TEMPLATE_OPTIONS, buildTemplateModel, templateModelFor, type TemplateModel, type TemplateOptions, type TemplateSection } from './templateModel';

/**
 * Whether the checks apply to a file: it declares a `tech_spec_id` (even in broken front
 * matter), or it sits in the specs folder with a spec id for a name.
 */
export function isLintTarget(relativePath: string, parsed: ParsedDocument, config: Pick<TechSpecConfig, 'specsFolder' | 'idPrefix'> & Partial<Pick<TechSpecConfig, 'templatePath'>>): boolean {
  // The template looks like a spec, placeholders and all, but is none.
  if (config.templatePath && normalizePath(relativePath) === normalizePath(config.templatePath)) return false;
  const { frontMatter, lines } = parsed;
  if (frontMatter.data && Object.prototype.hasOwnProperty.call(frontMatter.data, 'tech_spec_id')) return true;
  if (frontMatter.kind !== 'none') {
    for (let line = 1; line <= frontMatter.endLine && line < lines.length; line++) if (/^\s*tech_spec_id\s*:/.test(lines[line])) return true;
  }
  const folder = config.specsFolder.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  const inFolder = folder === '' || folder === '.' || relativePath.startsWith(`${folder}/`);
  return inFolder && idFromFileName(relativePath, [config.idPrefix]) !== undefined;
}

function normalizePath(value: string): string {
  return value.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Workspace facts from the index: who owns which id, and the owner's status and supersession. */
export function factsFrom(index: Pick<SpecIndex, 'owners'>): WorkspaceFacts {
  return {
    owners: (id: string) => index.owners(id).map((owner) => owner.uri),
    document: (id: string) => {
      const owner = index.owners(id)[0];
      return owner && { uri: owner.uri, status: owner.status, supersedes: owner.supersedes, supersededBy: owner.supersededBy };
    },
  };
}

export function lintWithIndex(uri: string, parsed: ParsedDocument, template: TemplateModel, config: LintConfig, index: Pick<SpecIndex, 'owners'>, today: string): Finding[] {
  return lintSpec({ uri, parsed, template, config, workspace: factsFrom(index), today });
}
