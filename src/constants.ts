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
  renumberId: 'techSpec.renumberId',
  updateSpecIndex: 'techSpec.updateSpecIndex',
  openSpec: 'techSpec.openSpec',
  revealSpecInExplorer: 'techSpec.revealSpecInExplorer',
  copySpecId: 'techSpec.copySpecId',
  createReferencedDocument: 'techSpec.createReferencedDocument',
  openWalkthrough: 'techSpec.openWalkthrough',
  setStatus: 'techSpec.setStatus',
  approve: 'techSpec.approve',
  supersede: 'techSpec.supersede',
  newDocument: 'techSpec.newDocument',
} as const;

/** contextValue of tree items, matched by `viewItem` in package.json menus. */
export const TreeItemContexts = {
  spec: 'techSpec.spec',
  unreadable: 'techSpec.unreadable',
} as const;

export const Views = {
  container: 'techSpec',
  specs: 'techSpec.specs',
} as const;

/** The status bar item of the active spec (its id for the status bar's context menu). */
export const STATUS_BAR_ITEM_ID = 'techSpec.status';

/** The Getting Started walkthrough, as package.json declares it. */
export const WALKTHROUGH_ID = 'techSpec.gettingStarted';

export const ContextKeys = {
  groupByFolder: 'techSpec.groupByFolder',
  /** A spec file appeared (New Tech Spec, the CLI, a copy): ticks the walkthrough's first step. */
  specCreated: 'techSpec.specCreated',
  /** The checks reported on a file: ticks the walkthrough's checks step. */
  checksRan: 'techSpec.checksRan',
} as const;

/** Configuration key (core's TechSpecConfig, or a NESTED_SETTINGS key of core/config) → setting name under `techSpec.`. */
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
  documentFolders: 'documentFolders',
  followActiveEditor: 'followActiveEditor',
  groupByFolder: 'groupByFolder',
  maxFileSize: 'maxFileSize',
  diagnosticsScope: 'diagnostics.scope',
  rules: 'rules',
  staleAfterDays: 'staleAfterDays',
  agentsMcp: 'agents.mcp',
  staleStatuses: 'staleStatuses',
  checklistSection: 'checklistSection',
  optionalSectionMarkers: 'optionalSectionMarkers',
  optionalKeys: 'optionalKeys',
  idsScanBranches: 'ids.scanBranches',
  idsBranchRefs: 'ids.branchRefs',
  indexFile: 'index.file',
  indexUpdateOnSave: 'index.updateOnSave',
  acceptedStatuses: 'lifecycle.acceptedStatuses',
  codeLensEnabled: 'codeLens.enabled',
  lifecycleTransitions: 'lifecycle.transitions',
  lifecycleGuards: 'lifecycle.guards',
  lifecycleStrict: 'lifecycle.strict',
  documentTypes: 'documentTypes',
  treeDocumentType: 'tree.documentType',
  lastUpdatedOnSave: 'lastUpdated.onSave',
} as const;

/** Language model tools are `techspec_<tool>`, after the tools of src/core/agents (`get_spec`...). */
export const LANGUAGE_MODEL_TOOL_PREFIX = 'techspec_';

export function languageModelToolName(tool: string): string {
  return `${LANGUAGE_MODEL_TOOL_PREFIX}${tool}`;
}

/** The MCP server definition provider (contributes.mcpServerDefinitionProviders, VS Code 1.101+). */
export const MCP_SERVER_PROVIDER_ID = 'techSpec.mcp';

/**
 * The settings that package.json declares with `"scope": "resource"`: they can differ per workspace folder and are
 * read with the folder. The others are window-scoped and read without one (VS Code warns otherwise).
 */
export const RESOURCE_SCOPED_SETTINGS: ReadonlySet<string> = new Set([
  Settings.specsFolder,
  Settings.templatePath,
  Settings.author,
  Settings.documentFolders,
  Settings.optionalSectionMarkers,
  Settings.optionalKeys,
  Settings.indexFile,
  Settings.lastUpdatedOnSave,
]);

export const DIAGNOSTIC_SOURCE = 'techspec';
/** The log output channel's name (View → Output). */
export const LOG_CHANNEL_NAME = 'Tech Spec';
export const MARKDOWN_LANGUAGE = 'markdown';
/** The code action kind of Fix All (Source Action…, `editor.codeActionsOnSave`). */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.techspec';
