import * as path from 'node:path';
import { parseId } from '../core/ids';
import { UsageError, type Workspace } from './workspace';

/**
 * The file a command's `<id|path>` argument names: an id that exactly one document owns, or a path
 * (relative to the working directory) of a document the workspace reads. Anything else is a usage
 * error that says what to pass instead.
 */
export function resolveSpecArgument(workspace: Workspace, target: string, cwd: string): string {
  return parseId(target, workspace.config.referencePrefixes) ? fileOfId(workspace, target) : fileOfPath(workspace, target, cwd);
}

function fileOfId(workspace: Workspace, id: string): string {
  const owners = workspace.index.owners(id);
  if (owners.length === 0) throw new UsageError(`no document owns ${id}`);
  if (owners.length > 1) throw new UsageError(`${id} is owned by ${owners.length} documents; name the file instead`);
  const file = [...workspace.files.entries()].find(([, loaded]) => loaded.uri === owners[0].uri)?.[0];
  if (!file) throw new UsageError(`cannot find the file of ${id}`);
  return file;
}

function fileOfPath(workspace: Workspace, target: string, cwd: string): string {
  const [canonical] = workspace.canonical([path.resolve(cwd, target)]);
  if (!canonical || !workspace.files.get(canonical)?.parsed) throw new UsageError(`${target} is not a spec of the workspace at ${workspace.root}`);
  return canonical;
}
