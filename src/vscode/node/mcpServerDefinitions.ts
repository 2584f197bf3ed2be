import * as vscode from 'vscode';
import { MCP_SERVER_PROVIDER_ID } from '../../constants';
import type { Services } from '../services';

// VS Code 1.101 added MCP server definition providers; @types/vscode here is 1.100, so the few
// shapes used are declared here and the API is looked up at run time.
interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<unknown[]>;
}

export interface McpApi {
  readonly registerMcpServerDefinitionProvider?: (id: string, provider: McpServerDefinitionProvider) => vscode.Disposable;
  readonly McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => unknown;
}

/**
 * The API of the running VS Code, or nothing before 1.101. VS Code 1.100 has a proposed
 * `registerMcpServerDefinitionProvider` for extensions under development, which throws unless the
 * manifest uses the proposal's own contribution point (`modelContextServerCollections`).
 */
export function runningMcpApi(version = vscode.version): McpApi {
  const [major, minor] = version.split('.').map(Number);
  if (!(major > 1 || (major === 1 && minor >= 101))) return {};
  const lm = vscode.lm as unknown as Partial<McpApi>;
  const namespace = vscode as unknown as Partial<McpApi>;
  return {
    registerMcpServerDefinitionProvider: typeof lm.registerMcpServerDefinitionProvider === 'function' ? lm.registerMcpServerDefinitionProvider.bind(vscode.lm) : undefined,
    McpStdioServerDefinition: namespace.McpStdioServerDefinition,
  };
}

/** How VS Code starts `techspec mcp` for a folder. */
export interface McpLaunch {
  readonly label: string;
  readonly command: string;
  readonly args: string[];
  readonly env: Record<string, string>;
}

/**
 * One server per local workspace folder: this extension's own CLI bundle, run by the Node that runs
 * the extension host (ELECTRON_RUN_AS_NODE makes the desktop's Electron binary act as Node).
 * In Restricted Mode the server is started read-only.
 */
export function mcpLaunches(folders: readonly vscode.WorkspaceFolder[], extensionUri: vscode.Uri, trusted: boolean): McpLaunch[] {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const local = folders.filter((folder) => folder.uri.scheme === 'file');
  return local.map((folder) => ({
    label: local.length > 1 ? `Tech Spec: ${folder.name}` : 'Tech Spec',
    command: process.execPath,
    args: [cli, 'mcp', '--root', folder.uri.fsPath, ...(trusted ? [] : ['--read-only'])],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  }));
}

/**
 * Offers `techspec mcp` to VS Code's MCP support, so agents find the spec tools with no setup.
 * Skipped, with a line in the log, where VS Code has no such API (before 1.101).
 */
export function registerMcpServerDefinitions(services: Pick<Services, 'configuration' | 'extensionUri' | 'log'>, api: McpApi = runningMcpApi()): vscode.Disposable {
  const { registerMcpServerDefinitionProvider: register, McpStdioServerDefinition: Definition } = api;
  if (!register || !Definition) {
    services.log.info(`MCP server definition skipped: VS Code ${vscode.version} has no MCP server definition API (1.101 and later do); \`techspec mcp\` still serves other MCP clients`);
    return new vscode.Disposable(() => undefined);
  }
  const changed = new vscode.EventEmitter<void>();
  let registration: vscode.Disposable;
  const provider: McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => {
      if (!services.configuration.config.agentsMcp) return [];
      return mcpLaunches(vscode.workspace.workspaceFolders ?? [], services.extensionUri, vscode.workspace.isTrusted).map(
        (launch) => new Definition(launch.label, launch.command, launch.args, launch.env),
      );
    },
  };
  try {
    registration = register(MCP_SERVER_PROVIDER_ID, provider);
  } catch (error) {
    // An API that differs from the one this was written for must not stop the extension.
    services.log.warn(`MCP server definition not registered: ${error instanceof Error ? error.message : String(error)}`);
    changed.dispose();
    return new vscode.Disposable(() => undefined);
  }
  let enabled = services.configuration.config.agentsMcp;
  return vscode.Disposable.from(
    changed,
    registration,
    services.configuration.onDidChange((config) => {
      if (config.agentsMcp === enabled) return;
      enabled = config.agentsMcp;
      changed.fire();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
  );
}
