// Every id that package.json and the code share. test/unit/manifest.test.ts checks the manifest against it.
export const EXTENSION_ID = 'techspec.techspec';
export const CONFIG_SECTION = 'techSpec';

export const Commands = {
  newSpec: 'techSpec.newSpec',
  newSpecHere: 'techSpec.newSpecHere',
  refresh: 'techSpec.refresh',
  revealHeading: 'techSpec.revealHeading',
  toggleGroupByFolder: 'techSpec.toggleGroupByFolder',
  fixAll: 'techSpec.fixAll',
  applyFix: 'techSpec.applyFix',
} as const;

export const Views = {
  container: 'techSpec',
  specs: 'techSpec.specs',
} as const;

/** The Getting Started walkthrough, as package.json declares it. */
export const WALKTHROUGH_ID = 'techSpec.gettingStarted';

export const ContextKeys = {
  groupByFolder: 'techSpec.groupByFolder',
} as const;

/** Configuration key (core's TechSpecConfig) → setting name under `techSpec.`. */
export const Settings = {
  specsFolder: 'specsFolder',
  templatePath: 'templatePath',
  author: 'author',
  idPrefix: 'idPrefix',
  idDigits: 'idDigits',
  statuses: 'statuses',
  specGlob: 'specGlob',
  exclude: 'exclude',
  referencePrefixes: 'referencePrefixes',
  idFields: 'idFields',
  matchFileNames: 'matchFileNames',
  referenceUrls: 'referenceUrls',
  followActiveEditor: 'followActiveEditor',
  groupByFolder: 'groupByFolder',
  maxFileSize: 'maxFileSize',
  diagnosticsScope: 'diagnostics.scope',
  rules: 'rules',
  staleAfterDays: 'staleAfterDays',
} as const;

/**
 * The settings that package.json declares with `"scope": "resource"`: they can differ per workspace folder and are
 * read with the folder. The others are window-scoped and read without one (VS Code warns otherwise).
 */
export const RESOURCE_SCOPED_SETTINGS: ReadonlySet<string> = new Set([Settings.specsFolder, Settings.templatePath, Settings.author]);

export const DIAGNOSTIC_SOURCE = 'techspec';
/** The log output channel's name (View → Output). */
export const LOG_CHANNEL_NAME = 'Tech Spec';
export const MARKDOWN_LANGUAGE = 'markdown';
