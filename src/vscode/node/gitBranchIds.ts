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
  type AddedFile,
  type BranchIds,
  type GitRef,
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

/** Reads branch ids; one cache entry per folder, replaced when the refs or HEAD move. */
export class GitBranchIds {
  private readonly cache = new Map<string, { readonly key: string; readonly ids: BranchIds }>();

  constructor(private readonly runner: (repo: string, args: readonly string[], options: GitOptions) => Promise<GitResult> = runGit) {}

  async read(request: BranchIdRequest): Promise<BranchIds> {
    const steps = new Steps(request);
    if (steps.patterns.length === 0) return new Map();
    const deadline = Date.now() + request.timeoutMs;
    const git = async (args: readonly string[], input?: string) =>
      steps.checked(await this.runner(request.folder, args, { input, timeoutMs: steps.remaining(deadline) }));
    const [refs, head] = await Promise.all([git(steps.refsArgs()), git(HEAD_ARGS)]);
    const state = steps.state(refs, head);
    const cached = this.cache.get(steps.cacheKey);
    if (cached?.key === state.key) return cached.ids;
    let ids: BranchIds = new Map();
    if (state.refs.length > 0) {
      const files = steps.files(await git(steps.logArgs(), logInput(state.refs, state.head)));
      const texts = files.length > 0 ? steps.texts(await git(CAT_FILE_ARGS, catFileInput(files)), files.length) : [];
      ids = collectBranchIds(files, texts, request.config);
    }
    this.cache.set(steps.cacheKey, { key: state.key, ids });
    return ids;
  }
}

/** The same reading for the CLI, with git run synchronously and nothing cached. */
export function readBranchIdsSync(request: BranchIdRequest): BranchIds {
  const steps = new Steps(request);
  if (steps.patterns.length === 0) return new Map();
  const deadline = Date.now() + request.timeoutMs;
  const git = (args: readonly string[], input?: string) => steps.checked(runGitSync(request.folder, args, { input, timeoutMs: steps.remaining(deadline) }));
  const state = steps.state(git(steps.refsArgs()), git(HEAD_ARGS));
  if (state.refs.length === 0) return new Map();
  const files = steps.files(git(steps.logArgs(), logInput(state.refs, state.head)));
  const texts = files.length > 0 ? steps.texts(git(CAT_FILE_ARGS, catFileInput(files)), files.length) : [];
  return collectBranchIds(files, texts, request.config);
}

const HEAD_ARGS = ['rev-parse', '--verify', '-q', 'HEAD'];
const CAT_FILE_ARGS = ['cat-file', '--batch'];

/** The commands and the reading of their output, shared by the async and the sync reader. */
class Steps {
  readonly specsFolder: string;
  readonly patterns: readonly string[];
  readonly cacheKey: string;

  constructor(private readonly request: BranchIdRequest) {
    this.specsFolder = pathspec(request.specsFolder);
    this.patterns = request.refPatterns.filter((pattern) => /^refs\/\S*$/.test(pattern));
    this.cacheKey = `${request.folder}\n${this.specsFolder}\n${JSON.stringify([request.config.referencePrefixes, request.config.idFields, this.patterns])}`;
  }

  remaining(deadline: number): number {
    const left = deadline - Date.now();
    if (left <= 0) throw new GitUnavailable(`git took longer than ${this.request.timeoutMs} ms`);
    return left;
  }

  /** A timeout ends the reading; other failures are for each step to judge. */
  checked(result: GitResult): GitResult {
    if (result.timedOut) throw new GitUnavailable(`git took longer than ${this.request.timeoutMs} ms`);
    return result;
  }

  refsArgs(): string[] {
    return ['for-each-ref', `--format=${FOR_EACH_REF_FORMAT}`, '--', ...this.patterns];
  }

  /** The refs and HEAD, and the key that says whether anything moved since the last reading. */
  state(refs: GitResult, head: GitResult): { refs: GitRef[]; head: string | undefined; key: string } {
    if (!refs.ok) throw new GitUnavailable(`not a git repository, or git is missing (${firstLine(refs.stderr)})`);
    const output = refs.stdout.toString('utf8');
    const headOid = head.ok ? head.stdout.toString('utf8').trim() : undefined;
    return { refs: parseRefs(output), head: headOid, key: `${headOid ?? ''}\n${output}` };
  }

  logArgs(): string[] {
    return ['log', '--source', '--stdin', '--no-renames', '--diff-filter=A', '--name-only', `--format=${LOG_FORMAT}`, '--', this.specsFolder];
  }

  files(log: GitResult): AddedFile[] {
    if (!log.ok) throw new GitUnavailable(`git log failed (${firstLine(log.stderr)})`);
    return parseAddedFiles(log.stdout.toString('utf8'))
      .filter((file) => /\.(?:md|markdown)$/i.test(file.path))
      .slice(0, MAX_FILES);
  }

  texts(blobs: GitResult, count: number): Array<string | undefined> {
    if (!blobs.ok) throw new GitUnavailable(`git cat-file failed (${firstLine(blobs.stderr)})`);
    return parseCatFileBatch(blobs.stdout, count).map((bytes) => {
      const decoded = bytes && decodeText(bytes);
      return decoded && decoded.ok ? decoded.text : undefined;
    });
  }
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
