// `techspec mcp` as a child process (dist/cli.js, as shipped), driven by the MCP SDK's own client.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { AGENT_TOOLS, findTool, runTool } from '../../src/core/agents';
import { repoRoot } from '../support/fixtures';
import { FIXTURE_ROOT, MemoryAgentWorkspace } from '../support/memoryAgentWorkspace';

const CLI = path.join(repoRoot, 'dist', 'cli.js');
const TODAY = '2026-06-01';
const TS1 = 'docs/specs/TS-0001-auth-service.md';

function copyFixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-mcp-'));
  fs.cpSync(FIXTURE_ROOT, root, { recursive: true });
  return root;
}

interface Session {
  readonly client: Client;
  readonly stderr: string[];
}

async function connect(root: string, extra: readonly string[] = []): Promise<Session> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--root', root, ...extra],
    env: { PATH: process.env.PATH ?? '', TECHSPEC_TODAY: TODAY },
    stderr: 'pipe',
  });
  const stderr: string[] = [];
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const client = new Client({ name: 'techspec-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr };
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const content = result.content as Array<{ type: string; text: string }>;
  assert.equal(content.length, 1);
  assert.equal(content[0].type, 'text');
  return content[0].text;
}

describe('techspec mcp', function () {
  this.timeout(60_000);
  let root: string;
  let session: Session;

  before(async () => {
    root = copyFixture();
    session = await connect(root);
  });

  after(async () => {
    await session.client.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('says who it is and lists the five tools with the schemas defined in core', async () => {
    assert.equal(session.client.getServerVersion()?.name, 'techspec');
    const { tools } = await session.client.listTools();
    assert.deepEqual(
      tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, readOnly: tool.annotations?.readOnlyHint })),
      AGENT_TOOLS.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, readOnly: !tool.writes })),
    );
  });

  it('answers each reading tool exactly as the core does on the same files', async () => {
    const memory = MemoryAgentWorkspace.fixture();
    const calls: Array<[string, Record<string, unknown>]> = [
      ['list_specs', {}],
      ['list_specs', { status: 'approved', limit: 1 }],
      ['get_spec', { id: 'TS-0001', section: 'Data Model', includeReferences: true }],
      ['get_spec', { id: 'TS-0002' }],
      ['check_spec', { id: 'TS-0009' }],
      ['check_spec', { id: 'TS-0001' }],
      ['next_open_tasks', { id: 'TS-0001' }],
      ['get_spec', { id: 'TS-0099' }],
      ['get_spec', { id: 'TS-0001', section: 'Data Modle' }],
    ];
    for (const [name, args] of calls) {
      const expected = await runTool(findTool(name)!, args, memory);
      const result = await session.client.callTool({ name, arguments: args });
      assert.equal(textOf(result), expected.text, `${name} ${JSON.stringify(args)}`);
      assert.equal(result.isError, expected.isError, `${name} ${JSON.stringify(args)}`);
    }
  });

  it('answers an unknown tool with the names of the real ones', async () => {
    const result = await session.client.callTool({ name: 'get_specs', arguments: {} });
    assert.equal(result.isError, true);
    assert.equal(textOf(result), "no tool named 'get_specs'; the tools are list_specs, get_spec, check_spec, next_open_tasks, set_task_state");
  });

  it('serves one resource per spec id, whose read is the spec file', async () => {
    const { resources } = await session.client.listResources();
    assert.deepEqual(
      resources.map((resource) => resource.uri),
      ['TS-0001', 'TS-0002', 'TS-0003', 'TS-0004', 'TS-0005', 'TS-0006', 'TS-0007', 'TS-0008', 'TS-0009'].map((id) => `techspec://spec/${id}`),
    );
    assert.deepEqual(resources[1], { uri: 'techspec://spec/TS-0002', name: 'TS-0002', title: 'TS-0002: Payment Retries', description: 'DRAFT · docs/specs/TS-0002-payment-retries.md', mimeType: 'text/markdown' });
    const read = await session.client.readResource({ uri: 'techspec://spec/TS-0002' });
    assert.deepEqual(read.contents, [{ uri: 'techspec://spec/TS-0002', mimeType: 'text/markdown', text: fs.readFileSync(path.join(root, 'docs/specs/TS-0002-payment-retries.md'), 'utf8') }]);
    await assert.rejects(session.client.readResource({ uri: 'techspec://spec/TS-0404' }), /no spec owns 'techspec:\/\/spec\/TS-0404'/);
    const { resourceTemplates } = await session.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((template) => template.uriTemplate), ['techspec://spec/{id}']);
  });

  it('ticks one box on disk, changing one byte, and the next calls read the new state', async () => {
    const file = path.join(root, TS1);
    const before = fs.readFileSync(file);
    const result = await session.client.callTool({ name: 'set_task_state', arguments: { id: 'TS-0001', line: 428, text: 'Implement [feature 1]', done: true } });
    assert.equal(textOf(result), "Ticked TS-0001 line 428 ('Implement [feature 1]', in Implementation Checklist › Phase 2: Core Features) in docs/specs/TS-0001-auth-service.md. Implementation Checklist: 4/17 ticked.");
    const after = fs.readFileSync(file);
    const changed = [...before.keys()].filter((index) => before[index] !== after[index]);
    assert.equal(after.length, before.length);
    assert.deepEqual(changed.map((index) => [before[index], after[index]]), [[0x20, 0x78]]);
    const open = textOf(await session.client.callTool({ name: 'next_open_tasks', arguments: { id: 'TS-0001' } }));
    assert.ok(open.startsWith('TS-0001 (docs/specs/TS-0001-auth-service.md): 15 open items of 19; Implementation Checklist 4/17 ticked'), open);
    assert.ok(!open.includes('line 428'), open);
    const read = await session.client.readResource({ uri: 'techspec://spec/TS-0001' });
    assert.equal((read.contents[0] as { text: string }).text, after.toString('utf8'));
    const listed = textOf(await session.client.callTool({ name: 'list_specs', arguments: { text: 'auth' } }));
    assert.ok(listed.includes('| TS-0001 | Auth Service | APPROVED | 4/17 |'), listed);
  });

  it('re-reads files created, changed and deleted on disk between calls', async () => {
    fs.writeFileSync(path.join(root, 'docs/specs/TS-0010-new.md'), '---\ntech_spec_id: TS-0010\ntitle: Made Outside\nstatus: DRAFT\n---\n\n# TS-0010: Made Outside\n\n## Implementation Checklist\n\n- [ ] One thing\n');
    const ts2 = path.join(root, 'docs/specs/TS-0002-payment-retries.md');
    fs.writeFileSync(ts2, fs.readFileSync(ts2, 'utf8').replace('title: Payment Retries', 'title: Payment Retries, Renamed'));
    fs.rmSync(path.join(root, 'docs/specs/TS-0007-on-hold.md'));
    const listed = textOf(await session.client.callTool({ name: 'list_specs', arguments: {} }));
    assert.ok(listed.includes('| TS-0010 | Made Outside | DRAFT | 0/1 | - | docs/specs/TS-0010-new.md |'), listed);
    assert.ok(listed.includes('| TS-0002 | Payment Retries, Renamed |'), listed);
    assert.ok(!listed.includes('TS-0007'), listed);
    const gone = await session.client.callTool({ name: 'get_spec', arguments: { id: 'TS-0007' } });
    assert.equal(gone.isError, true);
    const { resources } = await session.client.listResources();
    assert.ok(resources.some((resource) => resource.uri === 'techspec://spec/TS-0010'));
    assert.ok(!resources.some((resource) => resource.uri === 'techspec://spec/TS-0007'));
  });

  it('writes nothing to stderr while serving', () => {
    assert.deepEqual(session.stderr, []);
  });

  it('refuses to write when started with --read-only', async () => {
    const readOnlyRoot = copyFixture();
    const readOnly = await connect(readOnlyRoot, ['--read-only']);
    try {
      const before = fs.readFileSync(path.join(readOnlyRoot, TS1), 'utf8');
      const result = await readOnly.client.callTool({ name: 'set_task_state', arguments: { id: 'TS-0001', line: 428, done: true } });
      assert.equal(result.isError, true);
      assert.equal(textOf(result), 'set_task_state: this Tech Spec MCP server runs with --read-only (as VS Code starts it in Restricted Mode), so it changes no file');
      assert.equal(fs.readFileSync(path.join(readOnlyRoot, TS1), 'utf8'), before);
    } finally {
      await readOnly.client.close();
      fs.rmSync(readOnlyRoot, { recursive: true, force: true });
    }
  });

  it('exits with code 0, by itself, when stdin closes', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--root', FIXTURE_ROOT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
    const reply = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    assert.equal((JSON.parse(reply) as { id: number }).id, 1);
    child.stdin.end();
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
    assert.deepEqual({ code, signal, stderr }, { code: 0, signal: null, stderr: '' });
  });
});
