import { checklistProgress } from '../outline';
import { lintSpec, type LintInput, type RuleCode } from '../lint/rules';
import { approvalStates } from './approvals';
import type { GuardCheck } from './settings';

/** What a guard reads: the spec as the checks see it, and which section holds the checklist. */
export interface GuardInput extends LintInput {
  readonly checklistSection: string;
}

/**
 * The unmet checks of a guard, in plain words; none when the spec may move. The checks are the
 * spec checks themselves (missing sections, placeholders, unknown references), whatever severity
 * the user gave those rules: turning a rule off in the Problems view does not open the guard.
 */
export function guardProblems(checks: readonly GuardCheck[], input: GuardInput): string[] {
  const problems: string[] = [];
  const codes = lintCodes(checks);
  const findings = codes.length > 0 ? lintSpec({ ...input, config: { ...input.config, rules: Object.fromEntries(codes.map((code) => [code, 'warning'])) } }) : [];
  for (const check of checks) {
    if (typeof check === 'object') problems.push(...approvalProblems(check.approvals, input.parsed.text));
    else if (check === 'checklist') problems.push(...checklistProblems(input));
    else problems.push(...findings.filter((finding) => finding.code === LINT_CODE[check]).map((finding) => finding.message));
  }
  return problems;
}

const LINT_CODE: Readonly<Record<'sections' | 'placeholders' | 'references', RuleCode>> = { sections: 'TS020', placeholders: 'TS022', references: 'TS030' };

function lintCodes(checks: readonly GuardCheck[]): RuleCode[] {
  return checks.flatMap((check) => (typeof check === 'string' && check !== 'checklist' ? [LINT_CODE[check]] : []));
}

function approvalProblems(required: number, text: string): string[] {
  const { current, stale } = approvalStates(text);
  if (current.length >= required) return [];
  const staleNote = stale.length > 0 ? ` (${stale.length} stale: the content changed since)` : '';
  return [`Needs ${required} current approval${required === 1 ? '' : 's'}, has ${current.length}${staleNote}.`];
}

function checklistProblems(input: GuardInput): string[] {
  const progress = checklistProgress(input.parsed.outline, input.checklistSection);
  if (!progress.found) return [`No "${input.checklistSection}" section to tick.`];
  if (progress.total === 0) return [`The ${input.checklistSection} has no tasks.`];
  const open = progress.total - progress.done;
  return open === 0 ? [] : [`${open} of ${progress.total} tasks of the ${input.checklistSection} not ticked.`];
}
