import type { Severity, TechSpecConfig } from '../config';
import { getField, type FrontMatterField } from '../frontMatter';
import { duplicateKeys } from '../frontMatterLines';
import { idFromFileName, parseId } from '../ids';
import { tasksInSection } from '../outline';
import type { ParsedDocument } from '../parse';
import { externalUrl } from '../referenceInfo';
import { codeSpans } from '../references';
import { citesRetired, decisionNotAccepted, SUPERSEDED_BY_KEY, SUPERSEDES_KEY, supersededWithoutSuccessor, supersessionLinks, type LifecycleCode, type LinkedDocument } from '../lifecycle/supersession';
import { APPROVALS_KEY, approvalStates } from '../lifecycle/approvals';
import type { Range } from '../text';
import { findSectionHeading, matchSections, SECTION_LEVEL } from './sections';
import { chooseSeverity, isSeverity, specStatus } from './severity';
import { isRecord } from '../util/values';
import { findPlaceholders, htmlCommentSpans, isPlaceholderText, normalizeLabel, referenceLabels, type TemplateModel } from './templateModel';

export type RuleCode =
  | 'TS001' | 'TS002' | 'TS003' | 'TS004' | 'TS005' | 'TS006' | 'TS007' | 'TS008' | 'TS009' | 'TS010' | 'TS011' | 'TS012' | 'TS013'
  | 'TS020' | 'TS021' | 'TS022' | 'TS023' | 'TS024' | 'TS030' | 'TS031' | 'TS032' | 'TS040'
  | 'TS050'
  | LifecycleCode;

export interface RuleInfo {
  readonly code: RuleCode;
  readonly name: string;
  readonly severity: Exclude<Severity, 'off'>;
  /** Status → severity where the default differs from `severity`; a user's entry for the rule replaces it (see ./severity). */
  readonly byStatus?: Readonly<Record<string, Exclude<Severity, 'off'>>>;
  readonly description: string;
  /** What the rule reads from the template ('' for nothing); the README's table shows it. */
  readonly template: string;
}

/** What a draft may still lack: information while DRAFT, warnings from IN_REVIEW on, where the guards check them too. */
const DRAFTING = { DRAFT: 'information' } as const;

/** Every rule, its default severity and what it checks. The README's table is made from this list. */
export const RULES: readonly RuleInfo[] = [
  { code: 'TS001', name: 'front-matter-missing', severity: 'error', description: 'The spec has no front matter block.', template: '' },
  { code: 'TS002', name: 'front-matter-unclosed', severity: 'error', description: 'The front matter has no closing `---`.', template: '' },
  { code: 'TS003', name: 'front-matter-invalid', severity: 'error', description: 'The front matter is not valid YAML, or not a map of keys.', template: '' },
  { code: 'TS004', name: 'key-missing', severity: 'warning', description: 'A required front-matter key is missing, or has no value.', template: 'its front-matter keys, minus `techSpec.optionalKeys`; which keys it gives a value' },
  { code: 'TS005', name: 'key-unknown', severity: 'information', description: 'A front-matter key that the template does not have.', template: 'its front-matter keys' },
  { code: 'TS006', name: 'status-unknown', severity: 'error', description: 'The status is not one of `techSpec.statuses`.', template: '' },
  { code: 'TS007', name: 'date-format', severity: 'error', description: 'A date is not a real `YYYY-MM-DD` date.', template: '' },
  { code: 'TS008', name: 'date-order', severity: 'warning', description: '`last_updated` is earlier than `created`.', template: '' },
  { code: 'TS009', name: 'date-future', severity: 'warning', description: 'A date is in the future.', template: '' },
  { code: 'TS010', name: 'id-malformed', severity: 'error', description: 'An id is not `<PREFIX>-<digits>` with a known prefix.', template: '' },
  { code: 'TS011', name: 'id-file-name', severity: 'warning', description: 'The id differs from the one the file name starts with.', template: '' },
  { code: 'TS012', name: 'id-duplicate', severity: 'error', description: 'Another document in the workspace owns the same id.', template: '' },
  { code: 'TS013', name: 'id-taken-on-ref', severity: 'error', description: 'Only with `techspec lint --against <ref>`: the ref gives the same id to a different document.', template: '' },
  { code: 'TS020', name: 'section-missing', severity: 'warning', byStatus: DRAFTING, description: 'A section of the template is missing (optional sections aside).', template: 'its `##` sections, without those marked optional (`techSpec.optionalSectionMarkers`)' },
  { code: 'TS021', name: 'section-order', severity: 'warning', description: "A section is out of the template's order.", template: 'the order of its `##` sections' },
  { code: 'TS022', name: 'placeholder', severity: 'warning', byStatus: DRAFTING, description: "A section still holds the template's `[placeholder]` text, or one of its paragraphs word for word.", template: "its `[bracketed]` text that is no link, reference label, footnote or task box, and its prose paragraphs" },
  { code: 'TS023', name: 'checklist-empty', severity: 'warning', description: 'The checklist section (`techSpec.checklistSection`) has no task items.', template: 'whether its `techSpec.checklistSection` section holds task items' },
  { code: 'TS024', name: 'section-level', severity: 'warning', description: 'A section of the template is there, but at another heading level.', template: 'the level of its sections' },
  { code: 'TS030', name: 'reference-unknown', severity: 'warning', description: 'An id that no document in the workspace owns (unless `techSpec.referenceUrls` covers its prefix).', template: '' },
  { code: 'TS031', name: 'approval-stale', severity: 'warning', description: 'An entry of `approvals` whose digest no longer matches the content below the front matter: the spec changed since it was approved.', template: '' },
  { code: 'TS032', name: 'approval-missing', severity: 'information', description: 'An APPROVED or IMPLEMENTED spec without a current approval (none recorded, or all stale).', template: '' },
  { code: 'TS040', name: 'stale', severity: 'information', description: '`last_updated` is older than `techSpec.staleAfterDays` while the spec is in one of `techSpec.staleStatuses`.', template: '' },
  { code: 'TS041', name: 'superseded-without-successor', severity: 'warning', description: 'The spec is SUPERSEDED but has no `superseded_by`.', template: '' },
  { code: 'TS042', name: 'supersession-unpaired', severity: 'warning', description: '`supersedes` / `superseded_by` names a document that does not name this spec back.', template: '' },
  { code: 'TS043', name: 'supersession-unknown', severity: 'warning', description: 'An id under `supersedes` or `superseded_by` that no document owns.', template: '' },
  { code: 'TS044', name: 'reference-retired', severity: 'information', description: 'A DRAFT, IN_REVIEW or APPROVED spec cites a SUPERSEDED or DEPRECATED document (fix: cite its successor).', template: '' },
  { code: 'TS045', name: 'decision-not-accepted', severity: 'warning', description: "An APPROVED or IMPLEMENTED spec's `decision_ref` document is not in one of `techSpec.lifecycle.acceptedStatuses`.", template: '' },
  { code: 'TS050', name: 'reference-wrong-type', severity: 'warning', description: 'A reference field (`decision_ref`, `related_prd`, or a key a document type declares in `referenceFields`) names a document of another type, e.g. a PRD id in `decision_ref`.', template: '' },
];

const RULES_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

/** Data attached to a finding so a quick fix can be computed without re-running the rule. */
export type FixData =
  | { readonly kind: 'addKey'; readonly key: string }
  | { readonly kind: 'setStatus'; readonly status: string }
  | { readonly kind: 'touchLastUpdated' }
  | { readonly kind: 'insertSection'; readonly slug: string }
  | { readonly kind: 'renumberId' }
  | { readonly kind: 'duplicateKey'; readonly key: string }
  | { readonly kind: 'replaceReference'; readonly id: string; readonly replacement: string }
  | { readonly kind: 'removeStaleApprovals' }
  /** Recording a new approval needs who approves: the editor's command, not a text edit. */
  | { readonly kind: 'reapprove' };

export interface Finding {
  readonly code: RuleCode;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  readonly range: Range;
  readonly fix?: FixData;
}

/** What a rule may ask of the workspace. */
export interface WorkspaceFacts {
  /** Uris of the documents that own an id. */
  owners(id: string): readonly string[];
  /** Status and supersession of the document owning an id; without it the lifecycle rules that look at other documents stay quiet. */
  document?(id: string): LinkedDocument | undefined;
}

export type LintConfig = Pick<
  TechSpecConfig,
  'statuses' | 'idPrefix' | 'referencePrefixes' | 'referenceUrls' | 'rules' | 'staleAfterDays' | 'staleStatuses' | 'idFields'
> &
  Partial<Pick<TechSpecConfig, 'acceptedStatuses'>> & {
  /** The key holding the document's own id: `tech_spec_id` unless its document type says otherwise. */
  readonly idField?: string;
  /** Reference key → prefix of the type it must name; the tech spec's two keys when not given. */
  readonly referenceFields?: Readonly<Record<string, string>>;
};

/** The seed template's reference keys and the types they name. */
const DEFAULT_REFERENCE_FIELDS: Readonly<Record<string, string>> = { decision_ref: 'RFC', related_prd: 'PRD' };

export interface LintInput {
  readonly uri: string;
  readonly parsed: ParsedDocument;
  readonly template: TemplateModel;
  readonly config: LintConfig;
  readonly workspace: WorkspaceFacts;
  /** Today as YYYY-MM-DD, from the clock port. */
  readonly today: string;
}

const DATE_KEYS = ['created', 'last_updated'] as const;

/** Runs every rule on one spec. Pure: the same input always gives the same findings. */
export function lintSpec(input: LintInput): Finding[] {
  const findings: Finding[] = [];
  const status = specStatus(input.parsed);
  const report = (code: RuleCode, message: string, range: Range, fix?: FixData) => {
    const severity = severityOf(code, input.config.rules, status);
    if (severity !== 'off') findings.push({ code, severity, message, range, fix });
  };
  checkFrontMatter(input, report);
  checkStructure(input, report);
  checkReferences(input, report);
  checkLifecycle(input, report);
  checkApprovals(input, report);
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The severity of `code` for a spec in `status` (its front matter's value; undefined without one): the
 * user's entry by code, else by name (`techSpec.rules`), over the rule's built-in choice (see ./severity).
 */
export function severityOf(code: RuleCode, overrides: Readonly<Record<string, unknown>>, status?: string): Severity {
  const rule = RULES_BY_CODE.get(code) ?? { name: undefined, severity: 'warning' as const };
  const entry = (key: string | undefined) => (key !== undefined && Object.prototype.hasOwnProperty.call(overrides, key) ? overrides[key] : undefined);
  const usable = (value: unknown) => isSeverity(value) || isRecord(value);
  const byCode = entry(code);
  return chooseSeverity(rule, usable(byCode) ? byCode : entry(rule.name), status);
}

type Report = (code: RuleCode, message: string, range: Range, fix?: FixData) => void;

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function checkFrontMatter(input: LintInput, report: Report): void {
  const { frontMatter, lines } = input.parsed;
  if (frontMatter.kind === 'none') {
    report('TS001', 'No front matter: a spec starts with a `---` block holding tech_spec_id, title and status.', TOP);
    return;
  }
  // A key written twice (an accepted completion, a paste) is the one YAML error with an obvious fix.
  const duplicates = frontMatter.problems.some((problem) => problem.code === 'yaml') ? duplicateKeys(lines) : [];
  for (const problem of frontMatter.problems) {
    const duplicate = problem.code === 'yaml' ? duplicates.find((candidate) => candidate.later.line === problem.range.start.line) : undefined;
    const fix: FixData | undefined = duplicate && { kind: 'duplicateKey', key: duplicate.key };
    report(problem.code === 'unclosed' ? 'TS002' : 'TS003', problem.code === 'yaml' ? `Invalid YAML in front matter: ${problem.message}` : problem.message, problem.range, fix);
  }
  const data = frontMatter.data;
  if (!data) return;
  const closing: Range = { start: { line: frontMatter.endLine, character: 0 }, end: { line: frontMatter.endLine, character: lines[frontMatter.endLine]?.length ?? 0 } };

  const keys = input.template.keys;
  for (const key of keys.required) {
    const field = getField(frontMatter, key);
    if (!field) report('TS004', `Missing front-matter key "${key}".`, closing, { kind: 'addKey', key });
    // An empty value answers nothing either, where the template gives one; an empty status has its own message (TS006).
    else if (key !== 'status' && keys.valued.has(key) && isEmptyValue(field)) report('TS004', `Front-matter key "${key}" has no value.`, field.keyRange, { kind: 'addKey', key });
  }
  for (const field of frontMatter.fields) {
    // `approvals` is written by Approve, not by hand from the template.
    if (keys.known && !keys.known.has(field.key) && !input.config.idFields.includes(field.key) && field.key !== APPROVALS_KEY) {
      report('TS005', `Unknown front-matter key "${field.key}": the template does not have it.`, field.keyRange);
    }
  }

  const status = getField(frontMatter, 'status');
  // `status: 3` or `status: true` are scalars too, and no status either.
  const raw = status?.value;
  const statusText = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
  if (status && statusText.trim() !== '' && !input.config.statuses.includes(statusText)) {
    const suggestion = input.config.statuses.find((candidate) => normalizeStatus(candidate) === normalizeStatus(statusText));
    report(
      'TS006',
      suggestion ? `Unknown status "${statusText}": did you mean "${suggestion}"?` : `Unknown status "${statusText}": use one of ${input.config.statuses.join(', ')}.`,
      status.valueRange,
      suggestion ? { kind: 'setStatus', status: suggestion } : undefined,
    );
  } else if (status && statusText.trim() === '') {
    report('TS006', `Empty status: use one of ${input.config.statuses.join(', ')}.`, status.valueRange);
  }

  const dates = new Map<string, string>();
  for (const key of DATE_KEYS) {
    const field = getField(frontMatter, key);
    if (!field || !isNonEmptyScalar(field)) continue;
    const value = String(field.value).trim();
    if (!isRealDate(value)) {
      report('TS007', `"${key}" is not a date in YYYY-MM-DD form: "${value}".`, field.valueRange, key === 'last_updated' ? { kind: 'touchLastUpdated' } : undefined);
      continue;
    }
    dates.set(key, value);
    if (value > input.today) report('TS009', `"${key}" (${value}) is in the future.`, field.valueRange, key === 'last_updated' ? { kind: 'touchLastUpdated' } : undefined);
  }
  const created = dates.get('created');
  const updated = dates.get('last_updated');
  if (created && updated && updated < created) {
    report('TS008', `"last_updated" (${updated}) is earlier than "created" (${created}).`, getField(frontMatter, 'last_updated')!.valueRange, { kind: 'touchLastUpdated' });
  }
  const statusValue = typeof status?.value === 'string' ? status.value : '';
  if (updated && input.config.staleStatuses.includes(statusValue) && daysBetween(updated, input.today) > input.config.staleAfterDays) {
    report(
      'TS040',
      `Last updated ${daysBetween(updated, input.today)} days ago while ${statusValue}: update the spec or its status.`,
      getField(frontMatter, 'last_updated')!.valueRange,
      { kind: 'touchLastUpdated' },
    );
  }

  checkIds(input, report);
}

function checkIds(input: LintInput, report: Report): void {
  const { frontMatter } = input.parsed;
  const field = getField(frontMatter, input.config.idField ?? 'tech_spec_id');
  if (!field || !isNonEmptyScalar(field)) return;
  const id = String(field.value).trim();
  const parsed = parseId(id);
  if (!parsed || parsed.prefix !== input.config.idPrefix) {
    report('TS010', `Malformed id "${id}": expected ${input.config.idPrefix}-<digits>, e.g. ${input.config.idPrefix}-0042.`, field.valueRange);
    return;
  }
  const fromName = idFromFileName(decodeUri(input.uri), input.config.referencePrefixes);
  if (fromName && fromName !== id) report('TS011', `The id ${id} differs from the file name's ${fromName}.`, field.valueRange);
  const others = input.workspace.owners(id).filter((uri) => uri !== input.uri);
  if (others.length > 0) {
    const names = others.map((uri) => decodeUri(uri.slice(uri.lastIndexOf('/') + 1))).join(', ');
    report('TS012', `Duplicate id ${id}: also owned by ${names}.`, field.valueRange, { kind: 'renumberId' });
  }
  for (const key of ['decision_ref', 'related_prd']) {
    const reference = getField(frontMatter, key);
    if (!reference || !isNonEmptyScalar(reference)) continue;
    const value = String(reference.value).trim();
    if (key === 'related_prd' && /^https?:\/\//i.test(value)) continue;
    if (!parseId(value, input.config.referencePrefixes)) {
      report('TS010', `Malformed ${key} "${value}": expected an id such as ${key === 'decision_ref' ? 'RFC-0007' : 'PRD-0012'}${key === 'related_prd' ? ' or a URL' : ''}.`, reference.valueRange);
    }
  }
}

function checkStructure(input: LintInput, report: Report): void {
  checkSections(input, report);
  checkChecklist(input, report);
  checkPlaceholders(input, report);
}

function checkSections(input: LintInput, report: Report): void {
  const { lines } = input.parsed;
  const { template } = input;
  const found = matchSections(input.parsed, template);
  const firstSection = input.parsed.outline.headings.find((heading) => heading.level === SECTION_LEVEL);
  const endOfText: Range = { start: { line: lines.length - 1, character: lines[lines.length - 1].length }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  const anchor = firstSection ? headingRange(lines, firstSection.line) : endOfText;
  let lastIndex = -1;
  let lastTitle = '';
  template.sections.forEach((section, position) => {
    const match = found[position];
    if (match.kind === 'missing') {
      if (!section.optional) report('TS020', `Missing section "${'#'.repeat(section.level)} ${section.title}".`, anchor, { kind: 'insertSection', slug: section.slug });
      return;
    }
    if (match.kind === 'level') {
      report(
        'TS024',
        `Section "${section.title}" is a level ${match.heading.level} heading; the template has it at level ${section.level} (${'#'.repeat(section.level)}).`,
        headingRange(lines, match.heading.line),
      );
      return;
    }
    if (match.index < lastIndex) {
      report('TS021', `Section "${section.title}" comes before "${lastTitle}" but the template puts it after.`, headingRange(lines, match.heading.line));
    } else {
      lastIndex = match.index;
      lastTitle = section.title;
    }
  });
}

function checkChecklist(input: LintInput, report: Report): void {
  const { outline, lines } = input.parsed;
  const { checklist } = input.template;
  // A document type without a checklist section names none.
  if (!checklist.expectsTasks || checklist.key === '') return;
  const index = findSectionHeading(input.parsed, checklist.key, input.template.optionalMarkers);
  if (index >= 0 && tasksInSection(outline, index).length === 0) {
    report('TS023', `The ${checklist.title} has no task items (\`- [ ] ...\`).`, headingRange(lines, outline.headings[index].line));
  }
}

function checkPlaceholders(input: LintInput, report: Report): void {
  const { outline, lines, frontMatter } = input.parsed;
  const { placeholders, paragraphs } = input.template;
  if (placeholders.size === 0 && paragraphs.size === 0) return;
  // A label with a definition in the spec is a shortcut reference link, whatever the template wrote.
  const definitions = placeholders.size > 0 ? referenceLabels(lines) : new Set<string>();
  // One finding per section, at its first placeholder: a fresh spec would otherwise show hundreds.
  const perSection = new Map<number, { range: Range; first: string; count: number }>();
  let fence = 0;
  let heading = -1;
  // The nearest `##` (or higher) heading so far, kept as the loop goes: looking it up for every
  // placeholder was quadratic under thousands of `###` headings.
  let topHeading = -1;
  let commentOpen = false;
  let previousBlank = true;
  const add = (text: string, range: Range) => {
    // The `##` section a placeholder is in; below a deeper heading with none above, that heading.
    const section = topHeading >= 0 ? topHeading : heading;
    const entry = perSection.get(section);
    if (entry) entry.count++;
    else perSection.set(section, { first: text, count: 1, range });
  };
  for (let line = frontMatter.bodyStartLine; line < lines.length; line++) {
    while (heading + 1 < outline.headings.length && outline.headings[heading + 1].line <= line) {
      heading++;
      if (outline.headings[heading].level <= 2) topHeading = heading;
    }
    while (fence < outline.fences.length && outline.fences[fence].end < line) fence++;
    if (fence < outline.fences.length && outline.fences[fence].start <= line) {
      previousBlank = false;
      continue;
    }
    const source = lines[line];
    const blankAbove = previousBlank;
    previousBlank = source.trim() === '';
    if (blankAbove && paragraphs.size > 0 && !commentOpen) {
      const held = heldParagraph(lines, line, paragraphs);
      if (held) add(quoteStart(held), lineRangeOf(lines, line));
    }
    // Text in HTML comments and code spans is not the spec's content: a note on the template may quote a placeholder.
    let hidden: Array<[number, number]> = [];
    if (commentOpen || source.includes('<!--')) {
      const comments = htmlCommentSpans(source, commentOpen);
      hidden = comments.spans;
      commentOpen = comments.openAtEnd;
    }
    if (placeholders.size === 0 || !source.includes('[')) continue;
    if (source.includes('`')) hidden = hidden.concat(codeSpans(source));
    for (const match of findPlaceholders(source)) {
      if (!placeholders.has(match.text) || !isPlaceholderText(match.inner, source, match.index)) continue;
      if (hidden.some(([start, end]) => match.index >= start && match.index < end)) continue;
      if (definitions.size > 0 && definitions.has(normalizeLabel(match.inner))) continue;
      add(match.text, { start: { line, character: match.index }, end: { line, character: match.index + match.text.length } });
    }
  }
  for (const [section, entry] of perSection) {
    const name = section >= 0 ? `Section "${outline.headings[section].text}"` : 'The spec';
    const more = entry.count > 1 ? ` and ${entry.count - 1} more` : '';
    report('TS022', `${name} still holds the template's placeholder ${entry.first}${more}.`, entry.range);
  }
}

/** The template paragraph that starts at `line` (after a blank line) and ends before one, word for word; else undefined. */
function heldParagraph(lines: readonly string[], line: number, paragraphs: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  const candidate = paragraphs.get(lines[line].trim());
  if (!candidate) return undefined;
  for (let i = 1; i < candidate.length; i++) if ((lines[line + i] ?? '').trim() !== candidate[i]) return undefined;
  const after = lines[line + candidate.length];
  return after === undefined || after.trim() === '' ? candidate : undefined;
}

/** A paragraph's first words, quoted, for a message. */
function quoteStart(paragraph: readonly string[]): string {
  const text = paragraph.join(' ');
  return `"${text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text}"`;
}

function lineRangeOf(lines: readonly string[], line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lines[line].length } };
}

/** TS050: a reference key whose id has another type's prefix. Only ids: a URL or free text is TS010's business. */
function checkReferenceTypes(input: LintInput, report: Report): void {
  const fields = input.config.referenceFields ?? DEFAULT_REFERENCE_FIELDS;
  for (const field of input.parsed.frontMatter.fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, field.key) || !isNonEmptyScalar(field)) continue;
    const wanted = fields[field.key];
    const parsed = parseId(String(field.value), input.config.referencePrefixes);
    if (parsed && parsed.prefix !== wanted) {
      report('TS050', `"${field.key}" names ${String(field.value).trim()}, a ${parsed.prefix} document; it should name a ${wanted} document (${wanted}-<digits>).`, field.valueRange);
    }
  }
}

function checkReferences(input: LintInput, report: Report): void {
  checkReferenceTypes(input, report);
  for (const reference of input.parsed.references(input.config.referencePrefixes)) {
    if (reference.key === 'tech_spec_id' || (input.config.idField !== undefined && reference.key === input.config.idField) || input.config.idFields.includes(reference.key ?? '')) continue;
    // An unknown id under a supersession key is TS043's finding.
    if (reference.key === SUPERSEDES_KEY || reference.key === SUPERSEDED_BY_KEY) continue;
    if (input.workspace.owners(reference.id).length > 0) continue;
    if (externalUrl(reference.id, reference.prefix, input.config.referenceUrls)) continue;
    report('TS030', `No document in the workspace owns ${reference.id}.`, reference.range);
  }
}

/** Supersession and citations of retired or unaccepted documents (src/core/lifecycle/supersession). */
function checkLifecycle(input: LintInput, report: Report): void {
  const { parsed, config, workspace } = input
  const references = parsed.references(config.referencePrefixes)
  const found = [...supersededWithoutSuccessor(parsed, references)]
  const lookup = workspace.document
  if (lookup) {
    const facts = { document: (id: string) => lookup.call(workspace, id) }
    const ownIds = config.idFields.map((key) => getField(parsed.frontMatter, key)?.value).filter((value): value is string => typeof value === 'string').map((value) => value.trim())
    found.push(
      ...supersessionLinks(ownIds[0], references, facts),
      ...citesRetired(parsed, ownIds, references, facts, config.idFields),
      ...decisionNotAccepted(parsed, references, facts, config.acceptedStatuses ?? {}),
    )
  }
  for (const finding of found) {
    const fix: FixData | undefined = finding.replacement ? { kind: 'replaceReference', id: rangeText(parsed.lines, finding.range), replacement: finding.replacement } : undefined
    report(finding.code, finding.message, finding.range, fix)
  }
}

function rangeText(lines: readonly string[], range: Range): string {
  return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character)
}

/** Statuses that claim the content was approved: they need a current approval (TS032). */
const APPROVED_STATUSES: readonly string[] = ['APPROVED', 'IMPLEMENTED'];

function checkApprovals(input: LintInput, report: Report): void {
  const { frontMatter, lines, text } = input.parsed;
  if (!frontMatter.data) return;
  const { current, stale } = approvalStates(text);
  for (const approval of stale) {
    const since = approval.date ? ` since ${approval.date}` : '';
    report('TS031', `Approval by ${approval.by} is stale: approved content changed${since}.`, lineRangeOf(lines, approval.line), { kind: 'removeStaleApprovals' });
  }
  const status = getField(frontMatter, 'status');
  const statusText = typeof status?.value === 'string' ? status.value.trim() : '';
  // A status the document's type does not know is TS006's finding, not a claim of approval.
  if (status && current.length === 0 && APPROVED_STATUSES.includes(statusText) && input.config.statuses.includes(statusText)) {
    const why = stale.length > 0 ? `its ${stale.length === 1 ? 'approval is' : `${stale.length} approvals are`} stale` : 'no approval is recorded';
    report('TS032', `${statusText} without a current approval: ${why}.`, status.valueRange, { kind: 'reapprove' });
  }
}

/** A uri's path decoded; a stray `%` (`100%.md`) is taken as it is instead of throwing. */
function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function headingRange(lines: readonly string[], line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lines[line]?.length ?? 0 } };
}

function isEmptyValue(field: FrontMatterField): boolean {
  return field.value === null || field.value === undefined || (typeof field.value === 'string' && field.value.trim() === '');
}

function isNonEmptyScalar(field: FrontMatterField): boolean {
  return (typeof field.value === 'string' && field.value.trim() !== '') || typeof field.value === 'number';
}

function normalizeStatus(status: string): string {
  return status.toUpperCase().replace(/[\s-]+/g, '_');
}

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
