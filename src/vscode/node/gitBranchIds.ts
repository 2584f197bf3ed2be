// Ids taken on other branches, read with git (see src/core/ids/branchIds.ts for the steps), cached
// per state of the refs: the same for-each-ref output and HEAD give the same answer without log or cat-file.
import {
  FOR_EACH_REF_FORMAT,
  LOG_FORMAT,
  catFileInput,
  collectBranchIds,
  logInput,
  parseAddedFiles,
  parseCatFileBatch,
  parseRefs,
  type BranchIds,
  type IdSources,
} from '../../core/ids/branchIds';
import { decodeText } from '../../core/encoding';
import { runGit, runGitSync, type GitOptions, type GitResult } from './git';

export interface BranchIdRequest {
  /** The folder to run git in (`-C`): a workspace folder inside a repository. */
  readonly folder: string;
  /** Relative to the folder: where specs live. */
  readonly specsFolder: string;
  /** Ref prefixes that count, e.g. refs/heads and refs/remotes. */
  readonly refPatterns: readonly string[];
  readonly config: IdSources;
  /** For all git commands together. */
  readonly timeoutMs: number;
}

export class GitUnavailable extends Error {}

const MAX_FILES = 5000;

type Runner = (repo: string, args: readonly string[], options: GitOptions) => Promise<GitResult> | GitResult;

/** Reads branch ids; one cache entry per folder, replaced when the refs or HEAD move. */
export class GitBranchIds {
  private readonly cache = new Map<string, { readonly key: string; readonly ids: BranchIds }>();

  constructor(private readonly runner: Runner = runGit) {}

  async read(request: BranchIdRequest): Promise<BranchIds> {
    const deadline = Date.now() + request.timeoutMs;
    const git = async (args: readonly string[], input?: string): Promise<GitResult> => {
      const timeoutMs = deadline - Date.now();
      if (timeoutMs <= 0) throw new GitUnavailable(`git took longer than ${request.timeoutMs} ms`);
      const result = await this.runner(request.folder, args, { input, timeoutMs });
      if (result.timedOut) throw new GitUnavailable(`git took longer than ${request.timeoutMs} ms`);
      return result;
    };
    const specsFolder = pathspec(request.specsFolder);
    const patterns = request.refPatterns.filter((pattern) => /^refs\/[^\s]*$/.test(pattern));
    if (patterns.length === 0) return new Map();
    const [refsResult, headResult] = await Promise.all([
      git(['for-each-ref', `--format=${FOR_EACH_REF_FORMAT}`, '--', ...patterns]),
      git(['rev-parse', '--verify', '-q', 'HEAD']),
    ]);
    if (!refsResult.ok) throw new GitUnavailable(`not a git repository, or git is missing (${firstLine(refsResult.stderr)})`);
    const refsOutput = refsResult.stdout.toString('utf8');
    const head = headResult.ok ? headResult.stdout.toString('utf8').trim() : undefined;
    const cacheKey = `${request.folder}\n${specsFolder}\n${JSON.stringify([request.config.referencePrefixes, request.config.idFields])}`;
    const stateKey = `${head ?? ''}\n${refsOutput}`;
    const cached = this.cache.get(cacheKey);
    if (cached?.key === stateKey) return cached.ids;

    const refs = parseRefs(refsOutput);
    let ids: BranchIds = new Map();
    if (refs.length > 0) {
      const log = await git(['log', '--source', '--stdin', '--no-renames', '--diff-filter=A', '--name-only', `--format=${LOG_FORMAT}`, '--', specsFolder], logInput(refs, head));
      if (!log.ok) throw new GitUnavailable(`git log failed (${firstLine(log.stderr)})`);
      const files = parseAddedFiles(log.stdout.toString('utf8'))
        .filter((file) => /\.(?:md|markdown)$/i.test(file.path))
        .slice(0, MAX_FILES);
      let texts: Array<string | undefined> = [];
      if (files.length > 0) {
        const blobs = await git(['cat-file', '--batch'], catFileInput(files));
        if (!blobs.ok) throw new GitUnavailable(`git cat-file failed (${firstLine(blobs.stderr)})`);
        texts = parseCatFileBatch(blobs.stdout, files.length).map((bytes) => {
          const decoded = bytes && decodeText(bytes);
          return decoded && decoded.ok ? decoded.text : undefined;
        });
      }
      ids = collectBranchIds(files, texts, request.config);
    }
    this.cache.set(cacheKey, { key: stateKey, ids });
    return ids;
  }
}

/** The same reader, for the CLI: git run synchronously. */
export function readBranchIdsSync(request: BranchIdRequest): Promise<BranchIds> {
  return new GitBranchIds(runGitSync).read(request);
}

/** The specs folder as a literal pathspec relative to the folder; refused when it leaves it. */
function pathspec(folder: string): string {
  const segments = folder.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return '.';
  if (segments.includes('..') || /^[A-Za-z]:/.test(folder) || folder.startsWith('/')) throw new GitUnavailable(`the specs folder "${folder}" is outside the workspace folder`);
  return segments.join('/');
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || 'no message';
}
