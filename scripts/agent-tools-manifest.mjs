// Keeps package.json's contributes.languageModelTools in step with the tools defined in src/core/agents:
// `node scripts/agent-tools-manifest.mjs` (after `npm run compile-tests`) rewrites them; test/unit/agentManifest.test.ts
// fails when they are stale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The manifest entry of each tool: `techspec_<name>`, referenceable as `#techspec_<name>`. */
export function languageModelTools(tools, prefix) {
  return tools.map((tool) => ({
    name: `${prefix}${tool.name}`,
    toolReferenceName: `${prefix}${tool.name}`,
    displayName: tool.title,
    userDescription: tool.summary,
    modelDescription: tool.description,
    canBeReferencedInPrompt: true,
    icon: tool.writes ? '$(check)' : '$(book)',
    tags: ['techspec', 'specs'],
    inputSchema: tool.inputSchema,
  }));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { AGENT_TOOLS } = require(path.join(root, 'out/src/core/agents/index.js'));
  const { LANGUAGE_MODEL_TOOL_PREFIX } = require(path.join(root, 'out/src/constants.js'));
  const file = path.join(root, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  manifest.contributes.languageModelTools = languageModelTools(AGENT_TOOLS, LANGUAGE_MODEL_TOOL_PREFIX);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('package.json languageModelTools updated');
}
