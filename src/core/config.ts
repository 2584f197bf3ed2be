// The extension's settings as plain data. The VS Code adapter and the CLI both build one of these.
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

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
  /** Rule code → severity override. */
  readonly rules: Readonly<Record<string, Severity>>;
  readonly staleAfterDays: number;
  /** Files larger than this many bytes are not parsed. */
  readonly maxFileSize: number;
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
  maxFileSize: 5 * 1024 * 1024,
};

/** Fills a partial, untrusted configuration with defaults, dropping values of the wrong type. */
export function resolveConfig(partial: Readonly<Record<string, unknown>>): TechSpecConfig {
  const pick = <K extends keyof TechSpecConfig>(key: K, valid: (value: unknown) => boolean): TechSpecConfig[K] =>
    valid(partial[key]) ? (partial[key] as TechSpecConfig[K]) : DEFAULT_CONFIG[key];
  const isString = (value: unknown) => typeof value === 'string';
  const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const isNonEmptyStringList = (value: unknown) => isStringList(value) && (value as unknown[]).length > 0;
  const isRecordOfStrings = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isString);
  const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
  const idPrefix = pick('idPrefix', (value) => typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(value));
  const referencePrefixes = pick('referencePrefixes', isNonEmptyStringList).filter((prefix) => /^[A-Za-z][A-Za-z0-9_]*$/.test(prefix));
  return {
    specsFolder: pick('specsFolder', (value) => typeof value === 'string' && value.trim() !== ''),
    templatePath: pick('templatePath', isString),
    author: pick('author', isString),
    idPrefix,
    idDigits: pick('idDigits', (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12),
    statuses: pick('statuses', isNonEmptyStringList),
    specGlob: pick('specGlob', (value) => typeof value === 'string' && value.trim() !== ''),
    exclude: pick('exclude', isStringList),
    referencePrefixes: referencePrefixes.includes(idPrefix) ? referencePrefixes : [idPrefix, ...referencePrefixes],
    idFields: pick('idFields', isNonEmptyStringList),
    matchFileNames: pick('matchFileNames', (value) => typeof value === 'boolean'),
    referenceUrls: pick('referenceUrls', isRecordOfStrings),
    documentFolders: pick('documentFolders', isRecordOfStrings),
    followActiveEditor: pick('followActiveEditor', (value) => typeof value === 'boolean'),
    groupByFolder: pick('groupByFolder', (value) => typeof value === 'boolean'),
    diagnosticsScope: pick('diagnosticsScope', (value) => value === 'open' || value === 'workspace'),
    rules: pick('rules', isRecordOfStrings) as TechSpecConfig['rules'],
    staleAfterDays: pick('staleAfterDays', isPositive),
    maxFileSize: pick('maxFileSize', isPositive),
  };
}
