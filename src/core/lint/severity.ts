// How a finding's severity is chosen: the user's `techSpec.rules` entry for the rule, then the rule's
// built-in default, each of which may depend on the spec's status (`{ "DRAFT": "information", "default": "warning" }`).
import type { Severity } from '../config';
import { stringValue } from '../frontMatter';
import type { ParsedDocument } from '../parse';
import { isRecord } from '../util/values';

export const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The key of a per-status entry that applies in every status the entry does not name. */
export const DEFAULT_STATUS_KEY = 'default';

/** A rule's entry in `techSpec.rules`: one severity in every status, or status → severity with `default` for the rest. */
export type RuleSetting = Severity | Readonly<Record<string, Severity>>;

/** What a rule gives when the user's settings say nothing for the spec's status. */
export interface BuiltInSeverity {
  readonly severity: Exclude<Severity, 'off'>;
  /** Status → severity where it differs from `severity`. */
  readonly byStatus?: Readonly<Record<string, Exclude<Severity, 'off'>>>;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITY_NAMES as readonly string[]).includes(value);
}

/**
 * The severity of a rule for a spec in `status` (as its front matter spells it; undefined when it has none).
 * A plain severity in the user's entry holds in every status. An object gives the status's entry, else its
 * `default`; where it has neither, the rule's built-in choice for the status holds. Values that are no
 * severity (files are read unchecked) are passed over, never thrown on.
 */
export function chooseSeverity(builtIn: BuiltInSeverity, setting: unknown, status: string | undefined): Severity {
  if (isSeverity(setting)) return setting;
  if (isRecord(setting)) {
    const forStatus = entryForStatus(setting, status);
    if (isSeverity(forStatus)) return forStatus;
    if (isSeverity(setting[DEFAULT_STATUS_KEY])) return setting[DEFAULT_STATUS_KEY];
  }
  const builtInForStatus = builtIn.byStatus ? entryForStatus(builtIn.byStatus, status) : undefined;
  return isSeverity(builtInForStatus) ? builtInForStatus : builtIn.severity;
}

/**
 * The value a per-status map holds for `status`: the key spelled as the status first, then a key that
 * differs only in case, spaces or hyphens (`in review` for `IN_REVIEW`). `default` is no status.
 */
export function entryForStatus<T>(map: Readonly<Record<string, T>>, status: string | undefined): T | undefined {
  const wanted = status?.trim();
  if (!wanted || wanted === DEFAULT_STATUS_KEY) return undefined;
  if (Object.prototype.hasOwnProperty.call(map, wanted)) return map[wanted];
  const key = Object.keys(map).find((candidate) => candidate !== DEFAULT_STATUS_KEY && sameStatus(candidate, wanted));
  return key === undefined ? undefined : map[key];
}

/** Two spellings of one status: `In Review`, `in-review` and `IN_REVIEW`. */
export function sameStatus(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(status: string): string {
  return status.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** The spec's status as its front matter writes it (trimmed); undefined without one. */
export function specStatus(parsed: ParsedDocument): string | undefined {
  return stringValue(parsed.frontMatter.data, 'status');
}

/** What is wrong with one `techSpec.rules` entry; `status` names the entry's key when the problem is inside an object. */
export interface RuleSettingProblem {
  readonly status?: string;
  readonly message: string;
}

/**
 * A `techSpec.rules` value checked: a severity, or an object of status → severity. Bad values inside an
 * object are dropped alone; an object left with nothing is dropped.
 */
export function checkRuleSetting(value: unknown, show: (value: unknown) => string): { setting?: RuleSetting; problems: RuleSettingProblem[] } {
  const severities = SEVERITY_NAMES.join(', ');
  if (isSeverity(value)) return { setting: value, problems: [] };
  if (typeof value === 'string') return { problems: [{ message: `${show(value)} is not a severity (${severities}); the rule keeps its default.` }] };
  if (!isRecord(value)) {
    return { problems: [{ message: `${show(value)} is neither a severity (${severities}) nor an object of status: severity (e.g. { "DRAFT": "information", "default": "warning" }); the rule keeps its default.` }] };
  }
  const kept: Record<string, Severity> = {};
  const problems: RuleSettingProblem[] = [];
  for (const [status, severity] of Object.entries(value)) {
    if (!isSeverity(severity)) {
      problems.push({ status, message: `${show(severity)} is not a severity (${severities}); in ${status === DEFAULT_STATUS_KEY ? 'other statuses' : status} the rule keeps its default.` });
      continue;
    }
    kept[status] = severity;
  }
  if (Object.keys(kept).length === 0) {
    if (problems.length === 0) problems.push({ message: `{} names no status; the rule keeps its default.` });
    return { problems };
  }
  return { setting: kept, problems };
}

/**
 * The keys of a per-status entry that name no status any document type knows: kept (a status written
 * outside the lists still gets its entry), but likely a typo, so said.
 */
export function unknownStatusKeys(setting: RuleSetting, statuses: readonly string[]): RuleSettingProblem[] {
  if (typeof setting === 'string') return [];
  return Object.keys(setting)
    .filter((status) => status !== DEFAULT_STATUS_KEY && !statuses.some((known) => sameStatus(known, status)))
    .map((status) => ({ status, message: `${JSON.stringify(status)} is none of the statuses (${statuses.join(', ')}); it applies only to documents with that status.` }));
}
