import { lintWithIndex, RULES, type Finding } from '../lint';
import { parseDocumentText } from '../parse';
import { duplicateNote, plural, readSpecText, resolveSpec } from './resolve';
import { ok, ToolError, type AgentTool } from './types';
import { SPEC_ID_PROPERTY } from './schema';

export const MAX_FINDINGS = 100;

/** Said in every answer until the lifecycle (transitions and their guards) exists. */
export const LIFECYCLE_NOTE =
  'lifecycle: not checked. This version of Tech Spec has no lifecycle guards yet (which status may come next and what it requires), so these are the findings alone.';

export const checkSpec: AgentTool = {
  name: 'check_spec',
  title: 'Check a tech spec',
  summary: "Runs Tech Spec's checks on one spec and returns its findings.",
  description:
    "Runs Tech Spec's checks on one spec by id (e.g. TS-0042), as the editor's Problems view and `techspec lint` do: missing or invalid " +
    'front-matter keys, unknown statuses, bad dates, missing or out-of-order sections, template placeholders left in, references to ids no ' +
    'document owns. Returns each finding as line, severity, rule code and name, and message. Use it after editing a spec. ' +
    'The lifecycle part (for each next status, whether its guard passes) is not available in this version; the answer says so.',
  inputSchema: {
    type: 'object',
    properties: {
      id: SPEC_ID_PROPERTY,
    },
    required: ['id'],
    additionalProperties: false,
  },
  writes: false,
  async run(input, workspace) {
    const resolved = resolveSpec(workspace, String(input.id));
    if (!resolved.summary.isSpec) {
      throw new ToolError(`${resolved.id} is owned by ${workspace.relativePath(resolved.summary.uri)}, which is not a spec (it has no \`tech_spec_id\`); check_spec checks specs only`);
    }
    const uri = resolved.summary.uri;
    const parsed = parseDocumentText(await readSpecText(workspace, resolved));
    const template = await workspace.templateFor(uri);
    const findings = lintWithIndex(uri, parsed, template, workspace.configFor(uri), { owners: (id) => [...workspace.owners(id)] }, workspace.today());
    const lines = [`${resolved.id} (${workspace.relativePath(uri)}): ${summaryOf(findings)}`];
    const note = duplicateNote(workspace, resolved);
    if (note) lines.push(note);
    for (const finding of findings.slice(0, MAX_FINDINGS)) lines.push(`- line ${finding.range.start.line + 1} ${finding.severity} ${finding.code} ${ruleName(finding)}: ${finding.message}`);
    if (findings.length > MAX_FINDINGS) lines.push(`- and ${findings.length - MAX_FINDINGS} more; \`npx techspec lint ${workspace.relativePath(uri)}\` lists them all`);
    lines.push(LIFECYCLE_NOTE);
    return ok(lines.join('\n'));
  },
};

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
