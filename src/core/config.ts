import { DEFAULT_LIFECYCLE, resolveGuards, resolveStrict, resolveTransitions, type LifecycleConfig, type LifecycleProblem } from './lifecycle/settings';
import { RULES } from './lint/rules';
import { LAST_UPDATED_ON_SAVE_MODES, type LastUpdatedOnSave } from './lifecycle/lastUpdatedOnSave';
import { checkRuleSetting, unknownStatusKeys, type RuleSetting, type RuleSettingProblem } from './lint/severity';
import { isRecord, showValue } from './util/values';
import { defaultIdField, documentTypesOf, resolveDocumentTypeSettings, type DocumentTypeSetting } from './types/documentTypes';
// The extension's settings as plain data. The VS Code adapter and the CLI both build one of these.
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type { RuleSetting } from './lint/severity';

export interface TechSpecConfig {
  readonly specsFolder: string;
  /** Relative to the workspace folder; '' means the built-in template. */
  readonly templatePath: string;
  /** '' means: git's user.name, then the OS user. */
  readonly author: string;
  readonly idPrefix: string;
  readonly idDigits: number;
  /** In lifecycle order. */
  readonly statuses: readonly string[];
  readonly specGlob: string;
  readonly exclude: readonly string[];
  readonly referencePrefixes: readonly string[];
  /** Front-matter keys that declare which id a document owns. */
  readonly idFields: readonly string[];
  /** Whether a file name that starts with an id (`RFC-0007-auth.md`) owns that id. */
  readonly matchFileNames: boolean;
  /** Prefix → URL template with `{id}`, used when no workspace document owns an id. */
  readonly referenceUrls: Readonly<Record<string, string>>;
  /** Prefix → folder (relative to the workspace folder) where a new document of that prefix is created. */
  readonly documentFolders: Readonly<Record<string, string>>;
  readonly followActiveEditor: boolean;
  readonly groupByFolder: boolean;
  readonly diagnosticsScope: 'open' | 'workspace';
  /** Rule code or name → its severity, in every status or per status (`{ "DRAFT": "information", "default": "warning" }`). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly staleAfterDays: number;
  /** Statuses in which a spec can go stale (TS040). */
  readonly staleStatuses: readonly string[];
  /** Heading text of the section whose tasks are the spec's progress. */
  readonly checklistSection: string;
  /** Trailing marks that make a template heading an optional section, e.g. `(Optional)`. */
  readonly optionalSectionMarkers: readonly string[];
  /** Front-matter keys of the template that a spec may leave out. */
  readonly optionalKeys: readonly string[];
  /** Files larger than this many bytes are not parsed. */
  readonly maxFileSize: number;
  /** Whether the extension offers `techspec mcp` to VS Code's MCP support (1.101+). */
  readonly agentsMcp: boolean;
  /** Whether new ids also count ids taken on other git branches. */
  readonly idsScanBranches: boolean;
  /** Ref prefixes whose ids count (`refs/heads`, `refs/remotes`). */
  readonly idsBranchRefs: readonly string[];
  /** The Markdown file that holds the spec index table, relative to the workspace folder. */
  readonly indexFile: string;
  readonly indexUpdateOnSave: boolean;
  /** Id prefix (or `*`) → statuses in which a `decision_ref` document counts as accepted (TS045). */
  readonly acceptedStatuses: Readonly<Record<string, readonly string[]>>;
  /** Whether specs show code lenses (references, linked documents' status, next statuses, progress, approvals). */
  readonly codeLensEnabled: boolean;
  /** Which status may follow which, what a spec must pass to reach a status, and whether that can be overridden. */
  readonly lifecycle: LifecycleConfig;
  /** `techSpec.documentTypes` as validated: entries by prefix, over the default types (see core/types). */
  readonly documentTypes: readonly DocumentTypeSetting[];
  /** The one type prefix the tree shows; '' for every type. */
  readonly treeDocumentType: string;
  /** Whether saving a spec whose body changed sets `last_updated` to today. */
  readonly lastUpdatedOnSave: LastUpdatedOnSave;
}

export const DEFAULT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED'] as const;

export const DEFAULT_CONFIG: TechSpecConfig = {
  specsFolder: 'docs/specs',
  templatePath: '',
  author: '',
  idPrefix: 'TS',
  idDigits: 4,
  statuses: DEFAULT_STATUSES,
  specGlob: '**/*.md',
  exclude: ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode-test/**'],
  referencePrefixes: ['TS', 'RFC', 'PRD'],
  idFields: ['tech_spec_id', 'rfc_id', 'prd_id', 'id'],
  matchFileNames: true,
  referenceUrls: {},
  documentFolders: {},
  followActiveEditor: true,
  groupByFolder: false,
  diagnosticsScope: 'open',
  rules: {},
  staleAfterDays: 30,
  staleStatuses: ['DRAFT', 'IN_REVIEW'],
  checklistSection: 'Implementation Checklist',
  optionalSectionMarkers: ['(Optional)', '(if applicable)', '<!-- optional -->'],
  optionalKeys: ['decision_ref', 'related_prd'],
  maxFileSize: 5 * 1024 * 1024,
  agentsMcp: true,
  idsScanBranches: true,
  idsBranchRefs: ['refs/heads', 'refs/remotes'],
  indexFile: 'docs/specs/README.md',
  indexUpdateOnSave: false,
  acceptedStatuses: { '*': ['ACCEPTED', 'APPROVED', 'IMPLEMENTED'] },
  codeLensEnabled: true,
  lifecycle: DEFAULT_LIFECYCLE,
  documentTypes: [],
  treeDocumentType: '',
  lastUpdatedOnSave: 'content',
};

/**
 * Settings that TechSpecConfig holds as one object read from several settings: raw key (as in
 * constants' Settings) → where its value sits. Every other raw key is a TechSpecConfig key.
 */
export const NESTED_SETTINGS = {
  lifecycleTransitions: ['lifecycle', 'transitions'],
  lifecycleGuards: ['lifecycle', 'guards'],
  lifecycleStrict: ['lifecycle', 'strict'],
} as const;

/** The default of a raw setting key (constants' Settings keys), nested ones included. */
export function settingDefault(key: string): unknown {
  const nested = (NESTED_SETTINGS as Readonly<Record<string, readonly [keyof TechSpecConfig, string]>>)[key];
  if (nested) return (DEFAULT_CONFIG[nested[0]] as unknown as Readonly<Record<string, unknown>>)[nested[1]];
  return DEFAULT_CONFIG[key as keyof TechSpecConfig];
}

/** A setting that was set to something unusable, and what is used instead. */
export interface ConfigProblem {
  /** The configuration key (TechSpecConfig's); `rules.<name>` for one rule's entry. */
  readonly key: string;
  /** What is wrong and what is used instead, without naming the key: each source spells it its own way. */
  readonly message: string;
}

const PREFIX = /^[A-Za-z][A-Za-z0-9_]*$/;
const RULE_KEYS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => [rule.code, rule.name]));

/** Fills a partial, untrusted configuration with defaults, dropping values of the wrong type. */
export function resolveConfig(partial: Readonly<Record<string, unknown>>): TechSpecConfig {
  return resolveConfigReport(partial).config;
}

/** resolveConfig, and a problem for every value it could not use: nothing falls back silently. */
export function resolveConfigReport(partial: Readonly<Record<string, unknown>>): { config: TechSpecConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const pick = <K extends keyof TechSpecConfig>(key: K, valid: (value: unknown) => boolean, expected: string): TechSpecConfig[K] => {
    const value = partial[key];
    if (value === undefined) return DEFAULT_CONFIG[key];
    if (valid(value)) return value as TechSpecConfig[K];
    problems.push({ key, message: `${showValue(value)} is not ${expected}; using the default ${JSON.stringify(DEFAULT_CONFIG[key])}.` });
    return DEFAULT_CONFIG[key];
  };
  const isString = (value: unknown) => typeof value === 'string';
  const isNonBlank = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const isNonEmptyStringList = (value: unknown) => isStringList(value) && (value as unknown[]).length > 0;
  const isRecordOfStrings = (value: unknown) => isRecord(value) && Object.values(value).every(isString);
  const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
  const isBoolean = (value: unknown) => typeof value === 'boolean';
  const idPrefix = pick('idPrefix', (value) => typeof value === 'string' && PREFIX.test(value), 'a valid id prefix (a letter, then letters, digits or _)');
  const referencePrefixes = pick('referencePrefixes', isNonEmptyStringList, 'a non-empty list of strings').filter((prefix) => {
    if (PREFIX.test(prefix)) return true;
    problems.push({ key: 'referencePrefixes', message: `${showValue(prefix)} is not a valid prefix (a letter, then letters, digits or _); it is ignored.` });
    return false;
  });
  const documentTypes = resolveDocumentTypeSettings(partial.documentTypes, problems);
  // Declared types are references and own ids like the built-in ones: added, never replacing.
  const typePrefixes = documentTypes.map((entry) => entry.prefix).filter((prefix) => !referencePrefixes.includes(prefix) && prefix !== idPrefix);
  const idFields = pick('idFields', isNonEmptyStringList, 'a non-empty list of strings');
  const typeIdFields = documentTypes.flatMap((entry) => {
    const field = entry.idField ?? (entry.prefix === idPrefix ? 'tech_spec_id' : defaultIdField(entry.prefix));
    return idFields.includes(field) ? [] : [field];
  });
  return checkRuleStatuses({
    config: {
      documentTypes,
      treeDocumentType: pick('treeDocumentType', (value) => value === '' || (typeof value === 'string' && PREFIX.test(value)), 'a type prefix or ""'),
      specsFolder: pick('specsFolder', isNonBlank, 'a folder path'),
      templatePath: pick('templatePath', isString, 'a string'),
      author: pick('author', isString, 'a string'),
      idPrefix,
      idDigits: pick('idDigits', (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12, 'a whole number from 1 to 12'),
      statuses: pick('statuses', isNonEmptyStringList, 'a non-empty list of strings'),
      specGlob: pick('specGlob', isNonBlank, 'a glob'),
      exclude: pick('exclude', isStringList, 'a list of globs'),
      referencePrefixes: [...(referencePrefixes.includes(idPrefix) ? referencePrefixes : [idPrefix, ...referencePrefixes]), ...typePrefixes],
      idFields: typeIdFields.length > 0 ? [...idFields, ...typeIdFields] : idFields,
      matchFileNames: pick('matchFileNames', isBoolean, 'true or false'),
      referenceUrls: pick('referenceUrls', isRecordOfStrings, 'an object of prefix: URL template strings'),
      followActiveEditor: pick('followActiveEditor', isBoolean, 'true or false'),
      groupByFolder: pick('groupByFolder', isBoolean, 'true or false'),
      diagnosticsScope: pick('diagnosticsScope', (value) => value === 'open' || value === 'workspace', '"open" or "workspace"'),
      rules: resolveRules(pick('rules', isRecord, 'an object of rule: severity') as Readonly<Record<string, unknown>>, problems),
      staleAfterDays: pick('staleAfterDays', isPositive, 'a positive number'),
      maxFileSize: pick('maxFileSize', isPositive, 'a positive number of bytes'),
      agentsMcp: pick('agentsMcp', isBoolean, 'true or false'),
      idsScanBranches: pick('idsScanBranches', isBoolean, 'true or false'),
      idsBranchRefs: pick('idsBranchRefs', isStringList, 'a list of ref prefixes'),
      indexFile: pick('indexFile', isNonBlank, 'a file path'),
      indexUpdateOnSave: pick('indexUpdateOnSave', isBoolean, 'true or false'),
      staleStatuses: pick('staleStatuses', isStringList, 'a list of statuses'),
      checklistSection: pick('checklistSection', isNonBlank, 'a heading text'),
      optionalSectionMarkers: pick('optionalSectionMarkers', isStringList, 'a list of strings').filter((marker) => marker.trim() !== ''),
      optionalKeys: pick('optionalKeys', isStringList, 'a list of keys'),
      documentFolders: pick('documentFolders', isRecordOfStrings, 'an object of prefix: folder'),
      acceptedStatuses: pick('acceptedStatuses', (value) => isRecord(value) && Object.values(value).every(isStringList), 'an object of prefix: list of statuses'),
      codeLensEnabled: pick('codeLensEnabled', isBoolean, 'true or false'),
      lifecycle: resolveLifecycle(partial, problems),
      lastUpdatedOnSave: pick('lastUpdatedOnSave', (value) => (LAST_UPDATED_ON_SAVE_MODES as readonly unknown[]).includes(value), '"off" or "content"'),
    },
    problems,
  });
}

/** The lifecycle from its three settings; a problem's key is the raw setting key (`lifecycleGuards`). */
function resolveLifecycle(partial: Readonly<Record<string, unknown>>, problems: ConfigProblem[]): LifecycleConfig {
  const found: LifecycleProblem[] = [];
  const lifecycle: LifecycleConfig = {
    transitions: resolveTransitions(partial.lifecycleTransitions, found),
    guards: resolveGuards(partial.lifecycleGuards, found),
    strict: resolveStrict(partial.lifecycleStrict, found),
  };
  const rawKey = { transitions: 'lifecycleTransitions', guards: 'lifecycleGuards', strict: 'lifecycleStrict' } as const;
  for (const problem of found) problems.push({ key: rawKey[problem.key], message: problem.message });
  return lifecycle;
}

/** Keeps the entries that name a rule and a severity, or status → severity; every other one is a problem. */
function resolveRules(rules: Readonly<Record<string, unknown>>, problems: ConfigProblem[]): Readonly<Record<string, RuleSetting>> {
  const kept: Record<string, RuleSetting> = {};
  for (const [name, value] of Object.entries(rules)) {
    if (!RULE_KEYS.has(name)) {
      problems.push({ key: `rules.${name}`, message: `no rule has this code or name (codes are TS001…, names as in the README's rule list); the entry is ignored.` });
      continue;
    }
    const checked = checkRuleSetting(value, showValue);
    problems.push(...checked.problems.map((problem) => ruleProblem(name, problem)));
    if (checked.setting !== undefined) kept[name] = checked.setting;
  }
  return kept;
}

/** Adds a problem for each per-status rule key that no document type's statuses hold: known only once the types are resolved. */
function checkRuleStatuses(report: { config: TechSpecConfig; problems: ConfigProblem[] }): { config: TechSpecConfig; problems: ConfigProblem[] } {
  const statuses = [...new Set(documentTypesOf(report.config).flatMap((type) => type.statuses))];
  for (const [name, setting] of Object.entries(report.config.rules)) report.problems.push(...unknownStatusKeys(setting, statuses).map((problem) => ruleProblem(name, problem)));
  return report;
}

function ruleProblem(name: string, problem: RuleSettingProblem): ConfigProblem {
  return { key: problem.status === undefined ? `rules.${name}` : `rules.${name}.${problem.status}`, message: problem.message };
}
