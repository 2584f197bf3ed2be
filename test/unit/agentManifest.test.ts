import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGE_MODEL_TOOL_PREFIX, MCP_SERVER_PROVIDER_ID } from '../../src/constants';
import { AGENT_TOOLS } from '../../src/core/agents';
import { repoRoot } from '../support/fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
// tsc turns import() into require() under CommonJS; this keeps a real dynamic import for the .mjs.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  languageModelTools(tools: unknown, prefix: string): unknown[];
}>;

describe('package.json agrees with the agent tools of src/core/agents', () => {
  it('contributes each tool as techspec_<tool>, with its model description and input schema (run node scripts/agent-tools-manifest.mjs)', async () => {
    const { languageModelTools } = await importModule(pathToFileURL(path.join(repoRoot, 'scripts/agent-tools-manifest.mjs')).href);
    assert.deepEqual(manifest.contributes.languageModelTools, languageModelTools(AGENT_TOOLS, LANGUAGE_MODEL_TOOL_PREFIX));
    assert.deepEqual(
      manifest.contributes.languageModelTools.map((tool: { name: string; toolReferenceName: string }) => [tool.name, tool.toolReferenceName]),
      ['list_specs', 'get_spec', 'check_spec', 'next_open_tasks', 'set_task_state'].map((name) => [`techspec_${name}`, `techspec_${name}`]),
    );
  });

  it('declares the MCP server definition provider, and ships the MCP bundle that it starts', () => {
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders, [{ id: MCP_SERVER_PROVIDER_ID, label: 'Tech Spec' }]);
    const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/cli.js') && ignore.includes('!dist/mcp.js'));
    assert.equal(manifest.engines.vscode, '^1.100.0');
  });
});
