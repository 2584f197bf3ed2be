// The Node entry point (package.json `main`): the server's or the desktop's Node.js extension host.
import type * as vscode from 'vscode';
import { activateWith, type TechSpecApi } from './vscode/activate';
import { GitBranchIds } from './vscode/node/gitBranchIds';
import { nodeLocalFiles } from './vscode/node/localFiles';
import { registerMcpServerDefinitions } from './vscode/node/mcpServerDefinitions';
import { nodeSystemAuthor } from './vscode/node/systemAuthor';

export type { TechSpecApi } from './vscode/activate';

// Set by the bundle's first line (scripts/build.mjs); absent when the sources run unbundled.
declare const __techSpecLoadStart: number | undefined;
const moduleMs = typeof __techSpecLoadStart === 'number' ? performance.now() - __techSpecLoadStart : 0;

export function activate(context: vscode.ExtensionContext): TechSpecApi {
  return activateWith(
    context,
    { systemAuthor: nodeSystemAuthor, localFiles: nodeLocalFiles, branchIds: new GitBranchIds(), registerMcpServers: (services) => registerMcpServerDefinitions(services) },
    moduleMs,
  );
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
