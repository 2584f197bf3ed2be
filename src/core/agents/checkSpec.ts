import { factsFrom, lintSpec, RULES, type Finding } from '../lint';
import type { GuardInput } from '../lifecycle/guards';
import { nextStatuses, readiness, type NextStatuses } from '../lifecycle/nextStatuses';
import { parseDocumentText } from '../parse';
import { duplicateNote, plural, readSpecText, resolveSpec } from './resolve';
import { ok, ToolError, type AgentTool } from './types';
import { SPEC_ID_INPUT } from './schema';

export const MAX_FINDINGS = 100;

export const checkSpec: AgentTool = {
  name: 'check_spec',
  title: 'Check a tech spec',
  summary: "Runs Tech Spec's checks on one spec and returns its findings, and what each next status of its lifecycle still needs.",
  description:
    "Runs Tech Spec's checks on one spec by id (e.g. TS-0042), as the editor's Problems view and `techspec lint` do: missing or invalid " +
    'front-matter keys, unknown statuses, bad dates, missing or out-of-order sections, template placeholders left in, references to ids no ' +
    'document owns, stale approvals. Returns each finding as line, severity, rule code and name, and message. Then the lifecycle: for the ' +
    "spec's current status, each status it may move to next and that status's unmet guard checks (or ready), as Set Status and " +
    '`techspec status` apply them. Use it after editing a spec, and before moving it to its next status.',
  inputSchema: SPEC_ID_INPUT,
  writes: false,
  async run(input, workspace) {
    const resolved = resolveSpec(workspace, String(input.id));
    if (!resolved.summary.isSpec) {
      throw new ToolError(`${resolved.id} is owned by ${workspace.relativePath(resolved.summary.uri)}, which is not a spec (it has no \`tech_spec_id\`); check_spec checks specs only`);
    }
    const uri = resolved.summary.uri;
    const config = workspace.configFor(uri);
    const guardInput: GuardInput = {
      uri,
      parsed: parseDocumentText(await readSpecText(workspace, resolved)),
      template: await workspace.templateFor(uri),
      config,
      workspace: factsFrom({ owners: (id) => [...workspace.owners(id)] }),
      today: workspace.today(),
      checklistSection: config.checklistSection,
    };
    const findings = lintSpec(guardInput);
    const lines = [`${resolved.id} (${workspace.relativePath(uri)}): ${summaryOf(findings)}`];
    const note = duplicateNote(workspace, resolved);
    if (note) lines.push(note);
    for (const finding of findings.slice(0, MAX_FINDINGS)) lines.push(`- line ${finding.range.start.line + 1} ${finding.severity} ${finding.code} ${ruleName(finding)}: ${finding.message}`);
    if (findings.length > MAX_FINDINGS) lines.push(`- and ${findings.length - MAX_FINDINGS} more; \`npx techspec lint ${workspace.relativePath(uri)}\` lists them all`);
    lines.push(...lifecycleLines(nextStatuses(guardInput, config.lifecycle)));
    return ok(lines.join('\n'));
  },
};

/**
 * The lifecycle part of the answer: each status the spec may move to next, ready or with its guard's unmet checks,
 * one per line below it.
 */
export function lifecycleLines({ from, next }: NextStatuses): string[] {
  const status = from === '' ? 'no status' : `status ${from}`;
  if (next.length === 0) return [`lifecycle: ${status}; the lifecycle allows no next status from it.`];
  const lines = [`lifecycle: ${status}; may move to ${next.map((option) => `${option.status} (${readiness(option.problems)})`).join(', ')}`];
  for (const option of next) for (const problem of option.problems) lines.push(`- ${option.status}: ${problem}`);
  return lines;
}

function summaryOf(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings';
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} information`];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${plural(findings.length, 'finding')} (${parts.join(', ')})`;
}

function ruleName(finding: Finding): string {
  return RULES.find((rule) => rule.code === finding.code)?.name ?? '';
}
