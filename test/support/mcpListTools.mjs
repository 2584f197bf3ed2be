// Starts an MCP server over stdio as VS Code would (the command, args and env given as JSON in argv[2]) and prints
// the names of its tools as JSON. A process of its own: the SDK's zod reads the `navigator` global, which the Node 24
// extension host of VS Code 1.139 reports as a deprecation of whatever code is loaded there.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const { command, args, env } = JSON.parse(process.argv[2]);
const client = new Client({ name: 'host-test', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command, args, env }));
try {
  process.stdout.write(JSON.stringify((await client.listTools()).tools.map((tool) => tool.name)));
} finally {
  await client.close();
}
