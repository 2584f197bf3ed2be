import * as vscode from 'vscode';
import type { TechSpecConfig } from '../core/config';
import { allocateId, type Allocation, type BranchIds } from '../core/ids/branchIds';
import type { Logger } from '../core/util/log';

/** Reads the ids taken on other branches of a folder's repository; the Node build reads them with git. */
export interface BranchIdReader {
  read(request: { folder: string; specsFolder: string; refPatterns: readonly string[]; config: TechSpecConfig; timeoutMs: number }): Promise<BranchIds>;
}

/** New Tech Spec waits at most this long for git; then the workspace alone counts. */
const BRANCH_SCAN_TIMEOUT_MS = 2000;

/**
 * The next free id: the workspace's ids plus, when allowed, the ids taken on other branches. It
 * never fails and never waits long: without git, in Restricted Mode, or when git is slow, the
 * workspace alone counts, and the log says why once.
 */
export class IdAllocator {
  private readonly said = new Set<string>();

  constructor(
    private readonly log: Logger,
    private readonly reader: BranchIdReader | undefined,
  ) {}

  async allocate(folder: vscode.WorkspaceFolder, config: TechSpecConfig, workspaceIds: Iterable<string>): Promise<Allocation> {
    return allocateId(workspaceIds, await this.branchIds(folder, config), config.idPrefix, config.idDigits);
  }

  async branchIds(folder: vscode.WorkspaceFolder, config: TechSpecConfig): Promise<BranchIds> {
    if (!config.idsScanBranches) return new Map();
    if (!vscode.workspace.isTrusted) return this.fallBack('restricted', 'Restricted Mode: ids on other git branches are not counted (no git runs in an untrusted workspace).');
    if (!this.reader) return this.fallBack('no-git', 'ids on other git branches are not counted: git cannot run in this extension host (the browser). New ids count the workspace only.');
    if (folder.uri.scheme !== 'file') return this.fallBack(`local:${folder.uri.scheme}`, `ids on other git branches are not counted for ${folder.name}: git is only read for local folders.`);
    try {
      return await this.reader.read({
        folder: folder.uri.fsPath,
        specsFolder: config.specsFolder,
        refPatterns: config.idsBranchRefs,
        config,
        timeoutMs: BRANCH_SCAN_TIMEOUT_MS,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.fallBack(`git:${folder.uri.toString()}`, `ids on other git branches are not counted for ${folder.name}: ${reason}. New ids count the workspace only.`);
    }
  }

  private fallBack(key: string, message: string): BranchIds {
    if (!this.said.has(key)) {
      this.said.add(key);
      this.log.info(message);
    }
    return new Map();
  }
}

/** "TS-0043 (TS-0042 is taken on origin/feature-x)", or just the id. */
export function describeAllocation(allocation: Allocation): string {
  return allocation.note ? `${allocation.id} (${allocation.note})` : allocation.id;
}
