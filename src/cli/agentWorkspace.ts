import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentWorkspace } from '../core/agents';
import type { TechSpecConfig } from '../core/config';
import { decodeText } from '../core/encoding';
import { buildTemplateModel, type TemplateModel } from '../core/lint';
import { SpecIndex } from '../core/specIndex';
import type { SpecSummary } from '../core/summary';
import { skippedSummary } from '../core/summary';
import { loadConfig, loadFile, toUri, workspaceFiles } from './workspace';

interface Seen {
  readonly mtimeMs: number;
  readonly size: number;
  readonly ino: number;
}

/**
 * The agent tools' view of a folder on disk, for `techspec mcp`: read as `techspec lint` reads it,
 * and brought up to date before each request by re-reading only the files whose size, time or
 * inode changed (and the configuration, when its files changed).
 */
export class DiskAgentWorkspace implements AgentWorkspace {
  private config!: TechSpecConfig;
  private index!: SpecIndex;
  private seen = new Map<string, Seen>();
  private configStamp = '';
  private template: TemplateModel | undefined;

  constructor(
    readonly root: string,
    private readonly options: { readonly readOnly: boolean; readonly today: () => string },
  ) {
    this.refresh();
  }

  /** Re-reads what changed on disk since the last call. */
  refresh(): void {
    const stamp = this.stampOf([path.join(this.root, '.techspec.json'), path.join(this.root, '.vscode', 'settings.json')]);
    if (stamp !== this.configStamp || !this.index) {
      this.configStamp = stamp;
      this.config = loadConfig(this.root);
      this.index = new SpecIndex(this.config);
      this.seen = new Map();
      this.template = undefined;
    }
    const present = new Set<string>();
    for (const file of workspaceFiles(this.root, this.config)) {
      present.add(file);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      const previous = this.seen.get(file);
      if (previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size && previous.ino === stat.ino) continue;
      this.seen.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino });
      this.load(file);
    }
    for (const file of [...this.seen.keys()]) {
      if (present.has(file)) continue;
      this.seen.delete(file);
      this.index.remove(toUri(file));
    }
  }

  private load(file: string): void {
    try {
      const loaded = loadFile(file, this.config);
      if (loaded.parsed) this.index.upsert(loaded.uri, loaded.parsed.text, loaded.parsed, loaded.warning);
      else this.index.set(skippedSummary(loaded.uri, loaded.skipped ?? 'not parsed', loaded.size ?? 0));
    } catch {
      // Gone or unreadable since the listing: the next refresh sees it as removed.
      this.index.remove(toUri(file));
      this.seen.delete(file);
    }
  }

  private stampOf(files: readonly string[]): string {
    return files
      .map((file) => {
        try {
          const stat = fs.statSync(file);
          return `${stat.mtimeMs}:${stat.size}`;
        } catch {
          return '-';
        }
      })
      .join('|');
  }

  documents(): readonly SpecSummary[] {
    return this.index.all();
  }

  owners(id: string): readonly SpecSummary[] {
    return this.index.owners(id);
  }

  async readText(uri: string): Promise<string | undefined> {
    const file = fromUri(uri);
    try {
      if (fs.statSync(file).size > this.config.maxFileSize) return undefined;
      const decoded = decodeText(fs.readFileSync(file));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  relativePath(uri: string): string {
    return path.relative(this.root, fromUri(uri)).split(path.sep).join('/');
  }

  configFor(): TechSpecConfig {
    return this.config;
  }

  async templateFor(): Promise<TemplateModel> {
    this.template ??= buildTemplateModel(readTemplateText(this.root, this.config));
    return this.template;
  }

  today(): string {
    return this.options.today();
  }

  get readOnlyReason(): string | undefined {
    return this.options.readOnly ? 'this Tech Spec MCP server runs with --read-only (as VS Code starts it in Restricted Mode), so it changes no file' : undefined;
  }

  /**
   * Writes the new characters in place, over the same number of bytes, after checking that the
   * file still holds exactly the text the edit was planned on: nothing else in the file can change.
   */
  async replace(uri: string, expectedText: string, offset: number, length: number, newText: string): Promise<string | undefined> {
    const file = fromUri(uri);
    const replaced = Buffer.from(expectedText.slice(offset, offset + length), 'utf8');
    const replacement = Buffer.from(newText, 'utf8');
    if (replaced.length !== replacement.length) return 'Tech Spec only writes edits that keep the file\'s length';
    let fd: number;
    try {
      fd = fs.openSync(file, 'r+');
    } catch (error) {
      return `the file cannot be opened for writing (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    try {
      const bytes = fs.readFileSync(fd);
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const decoded = decodeText(bytes);
      if (!decoded.ok || decoded.text !== expectedText) return 'the file changed since it was read; call the tool again';
      // Byte offsets follow from the text only for clean UTF-8 (not UTF-16, no replaced bytes).
      if (decoded.warning || !Buffer.from(expectedText, 'utf8').equals(bytes.subarray(bom))) return 'the file is not plain UTF-8, and Tech Spec does not rewrite such files';
      const at = bom + Buffer.byteLength(expectedText.slice(0, offset), 'utf8');
      fs.writeSync(fd, replacement, 0, replacement.length, at);
    } finally {
      fs.closeSync(fd);
    }
    this.load(file);
    const stat = fs.statSync(file);
    this.seen.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino });
    return undefined;
  }
}

export function fromUri(uri: string): string {
  const encoded = uri.replace(/^file:\/\//, '');
  try {
    return path.normalize(decodeURIComponent(encoded));
  } catch {
    return path.normalize(encoded);
  }
}

/** The spec template as lint reads it: `templatePath` inside the root, else the built-in one. */
function readTemplateText(root: string, config: TechSpecConfig): string {
  const custom = config.templatePath.trim();
  if (custom) {
    const file = path.resolve(root, custom);
    const relative = path.relative(root, file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      try {
        const decoded = decodeText(fs.readFileSync(file));
        if (decoded.ok) return decoded.text;
      } catch {
        // Unreadable: the checks fall back to the built-in template, as in the editor.
      }
    }
  }
  return fs.readFileSync(builtInTemplate(), 'utf8');
}

/** templates/ beside dist/ (the bundle) or above out/src/cli (the compiled tests). */
function builtInTemplate(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'tech-spec-template.md');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`the built-in template is missing above ${__dirname}`);
  }
}
