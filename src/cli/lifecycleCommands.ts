import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/encoding';
import { approvalEdit } from '../core/lifecycle/approve';
import { planStatusChange, applyEdits } from '../core/lifecycle/statusChange';
import { factsFrom, templateModelFor } from '../core/lint';
import { applyEdit } from '../core/frontMatter';
import { formatLocalDate } from '../core/template';
import { resolveSpecArgument } from './specArgument';
import { UsageError, type Workspace } from './workspace';

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly today: () => Date;
}

/** `techspec status <id|path> <STATUS> [--force]`: 0 applied, 1 a guard fails, 2 the lifecycle does not allow it (or bad usage). */
export function statusCommand(workspace: Workspace, args: readonly string[], force: boolean, templateText: string, io: Io): number {
  if (args.length !== 2) throw new UsageError('status needs a spec and a status: techspec status TS-0042 IN_REVIEW [--force]');
  const file = resolveSpecArgument(workspace, args[0], io.cwd);
  const text = readPlain(file, workspace);
  const config = workspace.config;
  const target = args[1];
  const today = formatLocalDate(io.today());
  const input = {
    uri: workspace.files.get(file)?.uri ?? file,
    parsed: workspace.files.get(file)!.parsed!,
    template: templateModelFor(templateText, config),
    config,
    workspace: factsFrom(workspace.index),
    today,
    checklistSection: config.checklistSection,
  };
  const plan = planStatusChange(input, config.lifecycle, target);
  const name = relative(workspace.root, file);
  const list = (problems: readonly string[]) => problems.map((problem) => `  - ${problem}\n`).join('');
  if (!plan.allowed) {
    io.err(`techspec: ${name}: ${plan.problems.join(' ')}\n`);
    return 2;
  }
  if (!plan.edits) {
    io.err(`techspec: ${name}: not changed:\n${list(plan.problems)}`);
    return 1;
  }
  if (plan.problems.length > 0 && (!force || config.lifecycle.strict)) {
    const hint = config.lifecycle.strict ? ' (techSpec.lifecycle.strict is on: --force does not apply)' : '; --force sets it anyway';
    io.err(`${name}: ${plan.from} → ${target} refused${hint}:\n${list(plan.problems)}`);
    return 1;
  }
  write(file, text, applyEdits(text, plan.edits));
  const forced = plan.problems.length > 0 ? `, forced past:\n${list(plan.problems)}` : '\n';
  io.out(`${name}: ${plan.from} → ${target}${forced}`);
  return 0;
}

/** `techspec approve <id|path> [--by NAME] [--role ROLE]`: records an approval of the content as it is. */
export function approveCommand(workspace: Workspace, args: readonly string[], options: { by?: string; role?: string; defaultBy: () => string | undefined }, io: Io): number {
  if (args.length !== 1) throw new UsageError('approve needs one spec: techspec approve TS-0042 [--by NAME] [--role ROLE]');
  const file = resolveSpecArgument(workspace, args[0], io.cwd);
  const text = readPlain(file, workspace);
  const by = options.by?.trim() || options.defaultBy();
  if (!by) throw new UsageError('who approves? Pass --by NAME, or set techSpec.author or git user.name.');
  const result = approvalEdit(text, { by, role: options.role }, formatLocalDate(io.today()));
  const name = relative(workspace.root, file);
  if (!result) {
    io.err(`techspec: ${name}: the front matter cannot be edited safely (unclosed or invalid YAML, or a flow-style approvals list); nothing was changed.\n`);
    return 1;
  }
  write(file, text, applyEdit(text, result.edit));
  const role = result.entry.role ? ` (${result.entry.role})` : '';
  io.out(`${name}: approved by ${result.entry.by}${role} on ${result.entry.date}, digest ${result.entry.digest}\n`);
  return 0;
}

/** The file's text, when it is plain UTF-8 and as the workspace read it; else a usage error, since rewriting it could lose bytes. */
function readPlain(file: string, workspace: Workspace): string {
  const bytes = fs.readFileSync(file);
  const decoded = decodeText(bytes);
  if (!decoded.ok || decoded.warning || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`${relative(workspace.root, file)} is not plain UTF-8 text, so it is not rewritten`);
  }
  const parsed = workspace.files.get(file)?.parsed;
  if (!parsed || parsed.text !== decoded.text) throw new UsageError(`${relative(workspace.root, file)} changed while it was read`);
  return decoded.text;
}

/** Writes the new text, keeping a byte-order mark that the file had. */
function write(file: string, before: string, after: string): void {
  if (after === before) return;
  const original = fs.readFileSync(file);
  const bom = original.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) && !after.startsWith('\uFEFF') ? '\uFEFF' : '';
  fs.writeFileSync(file, bom + after, 'utf8');
}

function relative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
