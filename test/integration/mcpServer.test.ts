// The MCP server definition (Node host only: VS Code starts `techspec mcp`, a Node process; the browser build offers
// none, see test/web/webHost.test.ts).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { AGENT_TOOLS } from '../../src/core/agents';
import { MemoryLogger } from '../../src/core/util/log';
import { ConfigurationService } from '../../src/vscode/configuration';
import { mcpLaunches, registerMcpServerDefinitions, runningMcpApi } from '../../src/vscode/node/mcpServerDefinitions';
import { activateExtension, workspaceRoot } from './helpers';

describe('MCP server definition', function () {
  this.timeout(180_000);

  before(() => activateExtension());

  // The API is guarded by version at run time: a test on each VS Code version shows the guard's answer there.
  it('is skipped without an error on VS Code 1.100, whose proposed MCP API differs from the final one; used from 1.101', () => {
    const log = new MemoryLogger();
    const configuration = new ConfigurationService();
    try {
      assert.deepEqual(runningMcpApi('1.100.3'), {});
      assert.equal(typeof runningMcpApi('1.101.0').registerMcpServerDefinitionProvider, typeof (vscode.lm as unknown as Record<string, unknown>).registerMcpServerDefinitionProvider);
      if (/^1\.100\./.test(vscode.version)) {
        assert.deepEqual(runningMcpApi(), {});
        const registration = registerMcpServerDefinitions({ configuration, extensionUri: vscode.extensions.getExtension('techspec.techspec')!.extensionUri, log });
        registration.dispose();
        assert.deepEqual(log.lines, [`info MCP server definition skipped: VS Code ${vscode.version} has no MCP server definition API (1.101 and later do); \`techspec mcp\` still serves other MCP clients`]);
      } else {
        // 1.101 and later: the final API, which the extension registered its provider with at activation.
        const api = runningMcpApi();
        assert.equal(typeof api.registerMcpServerDefinitionProvider, 'function');
        assert.equal(typeof api.McpStdioServerDefinition, 'function');
      }
    } finally {
      configuration.dispose();
    }
  });

  it('on an API of the 1.101 shape, offers a server that starts and lists the tools, and none once techSpec.agents.mcp is off', async () => {
    const extension = vscode.extensions.getExtension('techspec.techspec')!;
    const extensionUri = extension.extensionUri;
    const configuration = new ConfigurationService();
    let provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): unknown } | undefined;
    let registeredId = '';
    class Definition {
      readonly args: string[];
      readonly env: Record<string, string | number | null>;
      constructor(readonly label: string, readonly command: string, args?: string[], env?: Record<string, string | number | null>) {
        this.args = args ?? [];
        this.env = env ?? {};
      }
    }
    const registration = registerMcpServerDefinitions(
      { configuration, extensionUri, log: new MemoryLogger() },
      {
        registerMcpServerDefinitionProvider: (id, given) => {
          registeredId = id;
          provider = given;
          return new vscode.Disposable(() => (provider = undefined));
        },
        McpStdioServerDefinition: Definition,
      },
    );
    try {
      assert.equal(registeredId, 'techSpec.mcp');
      const token = new vscode.CancellationTokenSource().token;
      const definitions = (await provider!.provideMcpServerDefinitions(token)) as Definition[];
      assert.deepEqual(JSON.parse(JSON.stringify(definitions)), JSON.parse(JSON.stringify(mcpLaunches(vscode.workspace.workspaceFolders!, extensionUri, true))));
      assert.deepEqual(definitions[0].args.slice(1), ['mcp', '--root', workspaceRoot().fsPath]);
      // The MCP client runs in a Node process of its own (see test/support/mcpListTools.mjs), not in the extension host.
      const script = path.join(extension.extensionPath, 'test', 'support', 'mcpListTools.mjs');
      const launch = { command: definitions[0].command, args: definitions[0].args, env: { ...(definitions[0].env as Record<string, string>), PATH: process.env.PATH ?? '' } };
      const { stdout } = await promisify(execFile)(process.execPath, [script, JSON.stringify(launch)], { env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 });
      assert.deepEqual(JSON.parse(stdout), AGENT_TOOLS.map((tool) => tool.name));
      const changed = new Promise<void>((resolve) => provider!.onDidChangeMcpServerDefinitions!(() => resolve()));
      await vscode.workspace.getConfiguration('techSpec').update('agents.mcp', false, vscode.ConfigurationTarget.Workspace);
      await changed;
      assert.deepEqual(await provider!.provideMcpServerDefinitions(token), []);
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('agents.mcp', undefined, vscode.ConfigurationTarget.Workspace);
      registration.dispose();
      configuration.dispose();
      assert.equal(provider, undefined);
    }
  });
});
