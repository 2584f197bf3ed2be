// Shared fixtures for the spec-check tests: the default template, a filled-in spec, and a lint() with pinned facts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type TechSpecConfig } from '../../src/core/config';
import { buildTemplateModel, lintSpec, type Finding, type RuleCode } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import type { Range } from '../../src/core/text';
import { renderTemplate } from '../../src/core/template';

function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'templates', 'tech-spec-template.md'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
export const TEMPLATE_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'templates', 'tech-spec-template.md'), 'utf8');
export const TEMPLATE = buildTemplateModel(TEMPLATE_TEXT);
export const TODAY = '2026-06-01';
export const URI = 'file:///w/docs/specs/TS-0001-payment-retries.md';
export const RFC_URI = 'file:///w/docs/rfcs/RFC-0007-auth-tokens.md';
export const PRD_URI = 'file:///w/docs/prd/PRD-0012-login.md';

/** Replaces every `[placeholder]` outside the front matter and fences with plain words; links, task boxes and footnotes stay. */
export function fillPlaceholders(text: string): string {
  const lines = text.split('\n');
  let inFrontMatter = lines[0] === '---';
  let fence: string | undefined;
  return lines
    .map((line, index) => {
      if (inFrontMatter) {
        if (index > 0 && line === '---') inFrontMatter = false;
        return line;
      }
      const marker = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker[1];
        return line;
      }
      return line.replace(/\[([^\]\n]+)\](?![(:[])/g, (whole, inner: string) => {
        if (/^[ xX]$/.test(inner) || inner.startsWith('^')) return whole;
        return inner.replace(/[^A-Za-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim() || 'words';
      });
    })
    .join('\n');
}

/** The template rendered for TS-0001, placeholders and all: what New Tech Spec writes. */
export function renderedSpec(): string {
  return renderTemplate(TEMPLATE_TEXT, {
    id: 'TS-0001',
    title: 'Payment Retries',
    author: 'Ada Lovelace',
    created: '2026-05-01',
    lastUpdated: '2026-05-20',
    status: 'DRAFT',
    decisionRef: 'RFC-0007',
    relatedPrd: 'PRD-0012',
  });
}

/** The template rendered for TS-0001, with every placeholder replaced by plain words: a spec with nothing to report. */
export function filledSpec(): string {
  return fillPlaceholders(renderedSpec());
}

export const FILLED = filledSpec();
const FILLED_LINES = FILLED.split('\n');
const FRONT_MATTER_END = FILLED_LINES.indexOf('---', 1);
/** Everything after the closing `---` of the filled spec, starting with its line break. */
export const BODY = FILLED.slice(FILLED_LINES.slice(0, FRONT_MATTER_END + 1).join('\n').length);

export const BASE_FRONT_MATTER: ReadonlyArray<readonly [string, string]> = [
  ['tech_spec_id', 'TS-0001'],
  ['title', 'Payment Retries'],
  ['status', 'DRAFT'],
  ['decision_ref', 'RFC-0007'],
  ['author', 'Ada Lovelace'],
  ['created', '2026-05-01'],
  ['last_updated', '2026-05-20'],
  ['related_prd', 'PRD-0012'],
];

/** The filled spec with its front matter rebuilt: `null` drops a key, a new key is appended, a string[] gives raw lines. */
export function withFrontMatter(changes: Readonly<Record<string, string | null>> | readonly string[]): string {
  let lines: string[];
  if (Array.isArray(changes)) {
    lines = [...(changes as readonly string[])];
  } else {
    const map = changes as Readonly<Record<string, string | null>>;
    lines = [];
    for (const [key, value] of BASE_FRONT_MATTER) {
      if (key in map) {
        if (map[key] !== null) lines.push(`${key}: ${map[key]}`);
      } else {
        lines.push(`${key}: ${value}`);
      }
    }
    for (const [key, value] of Object.entries(map)) {
      if (!BASE_FRONT_MATTER.some(([known]) => known === key) && value !== null) lines.push(`${key}: ${value}`);
    }
  }
  return `---\n${lines.map((line) => `${line}\n`).join('')}---${BODY}`;
}

export interface LintOptions {
  readonly uri?: string;
  /** Ids the linted document owns itself. */
  readonly self?: readonly string[];
  /** Other documents owning ids. */
  readonly owners?: Readonly<Record<string, readonly string[]>>;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly today?: string;
}

export function lintConfig(partial: Readonly<Record<string, unknown>> = {}): TechSpecConfig {
  return resolveConfig(partial);
}

/**
 * The fixtures' APPROVED specs predate recorded approvals: TS032 (approved without a current
 * approval) is off unless a test names it in `rules`.
 */
export function withoutApprovalRule(config: Readonly<Record<string, unknown>> = {}): Readonly<Record<string, unknown>> {
  const rules = (config.rules ?? {}) as Readonly<Record<string, unknown>>;
  return 'TS032' in rules || 'approval-missing' in rules ? config : { ...config, rules: { TS032: 'off', ...rules } };
}

export function lint(text: string, options: LintOptions = {}): Finding[] {
  const uri = options.uri ?? URI;
  const self = options.self ?? ['TS-0001'];
  const base: Record<string, readonly string[]> = { 'RFC-0007': [RFC_URI], 'PRD-0012': [PRD_URI] };
  return lintSpec({
    uri,
    parsed: parseDocumentText(text),
    template: TEMPLATE,
    config: lintConfig(withoutApprovalRule(options.config)),
    workspace: { owners: (id) => [...(self.includes(id) ? [uri] : []), ...(base[id] ?? []), ...(options.owners?.[id] ?? [])] },
    today: options.today ?? TODAY,
  });
}

export function rangeOf(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** The range of `needle` on the first line of `text` that starts with `lineStart`. */
export function locate(text: string, lineStart: string, needle: string): Range {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((candidate) => candidate.startsWith(lineStart));
  assert.ok(line >= 0, `no line starts with ${JSON.stringify(lineStart)}`);
  const character = lines[line].indexOf(needle);
  assert.ok(character >= 0, `${JSON.stringify(needle)} is not on line ${line}: ${lines[line]}`);
  return rangeOf(line, character, character + needle.length);
}

/** A whole line, as the rules report headings and the closing delimiter. */
export function lineOf(text: string, exact: string): Range {
  const lines = text.split(/\r?\n/);
  const line = lines.indexOf(exact);
  assert.ok(line >= 0, `no line ${JSON.stringify(exact)}`);
  return rangeOf(line, 0, exact.length);
}

export const withCode = (findings: readonly Finding[], code: RuleCode) => findings.filter((finding) => finding.code === code);
export const codes = (findings: readonly Finding[]) => findings.map((finding) => finding.code);

/** Removes a `##` section with the separator that follows it. */
export function removeSection(text: string, title: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${title}`);
  assert.ok(start >= 0, `no section ${title}`);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('## ')) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** The lines of a `##` section, from its heading to the line before the next one. */
export function sectionLines(text: string, title: string): { start: number; end: number; lines: string[] } {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${title}`);
  assert.ok(start >= 0, `no section ${title}`);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('## ')) end++;
  return { start, end, lines };
}

/** Replaces the body of a `##` section (keeping its heading and trailing separator). */
export function replaceSectionBody(text: string, title: string, body: readonly string[]): string {
  const { start, end, lines } = sectionLines(text, title);
  const tail = end < lines.length ? ['', '---', ''] : [''];
  return [...lines.slice(0, start + 1), '', ...body, ...tail, ...lines.slice(end)].join('\n');
}

