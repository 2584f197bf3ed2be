// `techspec index [--write] [--check]`: the spec registry table in the index file, between its markers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/encoding';
import { IndexMarkerError, renderIndexTable, spliceIndex } from '../core/render/specIndexTable';
import { UsageError, type Workspace } from './workspace';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

/** Workspace-relative, '/'-separated paths of the workspace's documents, by uri. */
export function relativePaths(workspace: Workspace): Map<string, string> {
  const paths = new Map<string, string>();
  for (const [absolute, loaded] of workspace.files) paths.set(loaded.uri, path.relative(workspace.root, absolute).split(path.sep).join('/'));
  return paths;
}

/** The index table for a workspace, with links relative to `indexPath`. */
export function indexTable(workspace: Workspace, indexPath: string): string {
  const paths = relativePaths(workspace);
  return renderIndexTable(workspace.index.specs(), {
    statuses: workspace.config.statuses,
    prefixes: workspace.config.referencePrefixes,
    indexPath,
    pathOf: (uri) => paths.get(uri),
    owner: (id) => workspace.index.owner(id),
  });
}

export function indexCommand(workspace: Workspace, options: { write: boolean; check: boolean; file?: string }, io: CommandIo): number {
  const setting = options.file ?? workspace.config.indexFile;
  const file = path.resolve(workspace.root, setting);
  const relative = path.relative(workspace.root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new UsageError(`the index file "${setting}" is outside ${workspace.root}`);
  const indexPath = relative.split(path.sep).join('/');
  const { text: current, bom } = readIndexFile(file);
  let spliced;
  try {
    spliced = spliceIndex(current, indexTable(workspace, indexPath));
  } catch (error) {
    if (error instanceof IndexMarkerError) throw new UsageError(`${path.relative(io.cwd, file)}: ${error.message}`);
    throw error;
  }
  const display = path.relative(io.cwd, file) || file;
  if (options.check && !options.write) {
    if (!spliced.changed) {
      io.err(`${display}: the spec index is up to date.\n`);
      return 0;
    }
    io.err(`${display}: ${current === undefined ? 'no such file' : spliced.hadMarkers ? 'the spec index is out of date' : 'no spec index yet'}; run techspec index --write.\n`);
    return 1;
  }
  if (!options.write) {
    io.out(spliced.text);
    return 0;
  }
  if (spliced.changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bom + spliced.text);
  }
  io.err(`${display}: ${spliced.changed ? 'spec index written' : 'already up to date'}.\n`);
  return 0;
}

/** The index file's text, and the UTF-8 byte order mark it starts with, kept on writing. */
function readIndexFile(file: string): { text: string | undefined; bom: string } {
  if (!fs.existsSync(file)) return { text: undefined, bom: '' };
  if (!fs.statSync(file).isFile()) throw new UsageError(`the index file ${file} is not a file`);
  const bytes = fs.readFileSync(file);
  const decoded = decodeText(bytes);
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  // Rewriting a file that was not read cleanly would change bytes outside the markers.
  if (!decoded.ok || decoded.warning || utf16) throw new UsageError(`the index file ${file} is not clean UTF-8 text; it was left alone`);
  return { text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '' };
}
