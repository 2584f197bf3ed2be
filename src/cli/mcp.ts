// `techspec mcp`: the agent tools and one resource per spec, over MCP on stdio.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, findTool, runTool } from '../core/agents';
import { compareIds } from '../core/agents/resolve';
import { DiskAgentWorkspace } from './agentWorkspace';

export const SPEC_RESOURCE_PREFIX = 'techspec://spec/';

const INSTRUCTIONS =
  'Tech Spec serves the technical specs of this repository (Markdown files with a tech_spec_id, such as TS-0042). ' +
  'Find specs with list_specs, read one (or one section) with get_spec, see what is left with next_open_tasks, ' +
  'tick an item when its work is done with set_task_state, and run the checks with check_spec.';

export interface McpOptions {
  readonly root: string;
  readonly readOnly: boolean;
  readonly version: string;
  readonly today: () => string;
  readonly input?: NodeJS.ReadableStream & { on(event: string, listener: (...args: unknown[]) => void): unknown };
  readonly output?: NodeJS.WritableStream;
}

/** Builds the server over a workspace; tools and resources see the files as they are at each request. */
export function createMcpServer(workspace: DiskAgentWorkspace, version: string): Server {
  // The low-level Server, not McpServer: the tools' JSON Schemas are defined once in src/core/agents
  // and served as they are, rather than rebuilt from zod shapes.
  const server = new Server(
    { name: 'techspec', title: 'Tech Spec', version },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: AGENT_TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema as unknown as { type: 'object'; [key: string]: unknown },
      annotations: { title: tool.title, readOnlyHint: !tool.writes, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = findTool(request.params.name);
    if (!tool) {
      return { content: [{ type: 'text', text: `no tool named '${request.params.name}'; the tools are ${AGENT_TOOLS.map((each) => each.name).join(', ')}` }], isError: true };
    }
    workspace.refresh();
    const result = await runTool(tool, request.params.arguments ?? {}, workspace);
    return { content: [{ type: 'text', text: result.text }], isError: result.isError };
  });
  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    workspace.refresh();
    const specs = workspace.documents().filter((summary) => summary.isSpec && summary.id);
    specs.sort((a, b) => compareIds(a.id!, b.id!) || (a.uri < b.uri ? -1 : 1));
    const seen = new Set<string>();
    const resources = [];
    for (const spec of specs) {
      if (seen.has(spec.id!)) continue;
      seen.add(spec.id!);
      resources.push({
        uri: `${SPEC_RESOURCE_PREFIX}${spec.id}`,
        name: spec.id!,
        title: `${spec.id}: ${spec.title ?? '(no title)'}`,
        description: `${spec.status ?? 'no status'} · ${workspace.relativePath(spec.uri)}`,
        mimeType: 'text/markdown',
      });
    }
    return { resources };
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [{ uriTemplate: `${SPEC_RESOURCE_PREFIX}{id}`, name: 'spec', title: 'A tech spec by id', description: 'The Markdown of the spec that owns the id, e.g. techspec://spec/TS-0042', mimeType: 'text/markdown' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const { uri } = request.params;
    const id = uri.startsWith(SPEC_RESOURCE_PREFIX) ? decodeURIComponent(uri.slice(SPEC_RESOURCE_PREFIX.length)) : '';
    workspace.refresh();
    const owners = id ? workspace.owners(id) : [];
    const owner = owners.find((summary) => summary.isSpec) ?? owners[0];
    if (!owner) throw new McpError(ErrorCode.InvalidParams, `no spec owns '${uri}'; resources are ${SPEC_RESOURCE_PREFIX}<id> for the ids that resources/list gives`);
    const text = await workspace.readText(owner.uri);
    if (text === undefined) throw new McpError(ErrorCode.InternalError, `${workspace.relativePath(owner.uri)} could not be read`);
    return { contents: [{ uri, mimeType: 'text/markdown', text }] };
  });
  return server;
}

/** Serves until the client closes stdin; resolves with the exit code. */
export async function serveMcp(options: McpOptions): Promise<number> {
  const workspace = new DiskAgentWorkspace(options.root, { readOnly: options.readOnly, today: options.today });
  const server = createMcpServer(workspace, options.version);
  const input = options.input ?? process.stdin;
  const transport = new StdioServerTransport(input as typeof process.stdin, (options.output ?? process.stdout) as typeof process.stdout);
  const closed = new Promise<number>((resolve) => {
    server.onclose = () => resolve(0);
    // The transport does not end on its own when the client goes away: end with stdin.
    input.on('end', () => void server.close());
    input.on('close', () => void server.close());
  });
  await server.connect(transport);
  return closed;
}
