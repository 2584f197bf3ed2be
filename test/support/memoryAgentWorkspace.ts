// An in-memory AgentWorkspace over the fixture workspace, for the agent tools' unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentWorkspace } from '../../src/core/agents';
import { DEFAULT_CONFIG, type TechSpecConfig } from '../../src/core/config';
import { buildTemplateModel } from '../../src/core/lint';
import { SpecIndex } from '../../src/core/specIndex';
import type { SpecSummary } from '../../src/core/summary';
import { readTemplate, repoRoot } from './fixtures';

export const FIXTURE_ROOT = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const URI_ROOT = 'file:///ws/';

export class MemoryAgentWorkspace implements AgentWorkspace {
  readonly files = new Map<string, string>();
  readonly index: SpecIndex;
  readOnlyReason: string | undefined;
  /** Every replace() call, as the tools made it. */
  readonly writes: Array<{ uri: string; offset: number; length: number; newText: string }> = [];

  constructor(files: Readonly<Record<string, string>>, readonly config: TechSpecConfig = DEFAULT_CONFIG) {
    this.index = new SpecIndex(config);
    for (const [relative, text] of Object.entries(files)) this.set(relative, text);
  }

  /** The fixture workspace as it is on disk. */
  static fixture(): MemoryAgentWorkspace {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.md')) files[path.relative(FIXTURE_ROOT, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(FIXTURE_ROOT);
    return new MemoryAgentWorkspace(files);
  }

  uri(relative: string): string {
    return `${URI_ROOT}${relative}`;
  }

  set(relative: string, text: string): void {
    this.files.set(this.uri(relative), text);
    this.index.upsert(this.uri(relative), text);
  }

  text(relative: string): string {
    return this.files.get(this.uri(relative))!;
  }

  documents(): readonly SpecSummary[] {
    return this.index.all();
  }

  owners(id: string): readonly SpecSummary[] {
    return this.index.owners(id);
  }

  async readText(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }

  relativePath(uri: string): string {
    return uri.slice(URI_ROOT.length);
  }

  configFor(): TechSpecConfig {
    return this.config;
  }

  async templateFor() {
    return buildTemplateModel(readTemplate());
  }

  today(): string {
    return '2026-06-01';
  }

  async replace(uri: string, expectedText: string, offset: number, length: number, newText: string): Promise<string | undefined> {
    const current = this.files.get(uri);
    if (current !== expectedText) return 'the file changed since it was read; call the tool again';
    this.writes.push({ uri, offset, length, newText });
    const next = current.slice(0, offset) + newText + current.slice(offset + length);
    this.files.set(uri, next);
    this.index.upsert(uri, next);
    return undefined;
  }
}
