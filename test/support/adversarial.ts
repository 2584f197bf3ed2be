// Adversarial long lines, and the core entry points that scan them. Shared by the unit test
// (which runs them at a size where a quadratic scan would not finish) and `npm run bench`
// (which times n against 2n and prints the ratio).
import { DEFAULT_CONFIG, type TechSpecConfig } from '../../src/core/config';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { completionContext } from '../../src/core/frontMatterCompletion';
import { buildTemplateModel, lintSpec } from '../../src/core/lint';
import { findPlaceholders } from '../../src/core/lint/templateModel';
import { inlineToPlainText, scanOutline } from '../../src/core/outline';
import { parseDocumentText } from '../../src/core/parse';
import { maskedSpans } from '../../src/core/references';
import { summarize } from '../../src/core/summary';
import { readTemplate } from './fixtures';

/** Configured prefixes with regex metacharacters, as the bad corpus's settings have them. */
export const ADVERSARIAL_PREFIXES = ['TS', 'RFC', 'PRD', 'A+B', '(X', 'T.S'];
const CONFIG: TechSpecConfig = { ...DEFAULT_CONFIG, specsFolder: '.', referencePrefixes: ADVERSARIAL_PREFIXES };

/** Lines of about n characters, each built to make a backtracking pattern retry from every position. */
export const ADVERSARIAL_LINES: ReadonlyArray<readonly [string, (n: number) => string]> = [
  ['heading of spaces', (n) => `# ${' '.repeat(n)}x`],
  ['[ run', (n) => '['.repeat(n)],
  ['`a run', (n) => '`a'.repeat(n / 2)],
  ['*a run', (n) => '*a'.repeat(n / 2)],
  ['_a run', (n) => '_a'.repeat(n / 2)],
  ['"- " run', (n) => `${'- '.repeat(n / 2)}x`],
  ['RFC- run', (n) => 'RFC-'.repeat(n / 4)],
  [']( run', (n) => ']('.repeat(n / 2)],
  ['<a: run', (n) => '<a:'.repeat(n / 3)],
  ['long URL', (n) => `http://${'a'.repeat(n)}`],
  ['metacharacter prefixes', (n) => 'A+B-1 (X-2 T.S-3 A+B-'.repeat(n / 22)],
  ['inner spaces', (n) => `a${' '.repeat(n)}b`],
  ['[^ run', (n) => '[^'.repeat(n / 2)],
  ['![ run', (n) => '!['.repeat(n / 2)],
  ['[a] run', (n) => '[a]'.repeat(n / 3)],
  ['www. run', (n) => 'www.'.repeat(n / 4)],
  ['| run', (n) => '|'.repeat(n)],
  ['tag attributes', (n) => `<a${' x'.repeat(n / 2)}`],
  ['tag spaces', (n) => `<a${' '.repeat(n)}!`],
  ['tag quoted values', (n) => `<a ${'x="'.repeat(n / 3)}`],
  ['<!-- run', (n) => '<!--'.repeat(n / 4)],
];

/** Each entry point that scans text, fed the line where a user could put it. */
export function adversarialSubjects(): ReadonlyArray<readonly [string, (line: string) => unknown]> {
  const template = buildTemplateModel(readTemplate());
  const lintOf = (text: string) =>
    lintSpec({ uri: 'file:///w/TS-0001-x.md', parsed: parseDocumentText(text), template, config: CONFIG, workspace: { owners: () => [] }, today: '2026-06-01' });
  return [
    ['scanOutline', (line) => scanOutline(`x\n${line}\n${line}\n===\n- ${line}`)],
    ['scanOutline (after a blank line)', (line) => scanOutline(`\n${line}\n\n> ${line}\n\n${line}\n`)],
    ['parseFrontMatter (value)', (line) => parseFrontMatter(`---\ntitle: ${line}\n---\n`)],
    ['parseFrontMatter (line)', (line) => parseFrontMatter(`---\n${line}\n---\n`)],
    ['references', (line) => parseDocumentText(`${line}\n> ${line}`).references(ADVERSARIAL_PREFIXES)],
    ['maskedSpans', (line) => maskedSpans(line)],
    ['inlineToPlainText', (line) => inlineToPlainText(line)],
    ['findPlaceholders', (line) => findPlaceholders(line)],
    ['lintSpec', (line) => lintOf(`---\ntech_spec_id: TS-0001\ntitle: ${line}\n---\n## ${line}\n${line}\n`)],
    ['summarize', (line) => summarize('file:///w/x.md', `---\ntitle: x\n---\n# ${line}\n\n${line}\n`, CONFIG)],
    ['completionContext', (line) => completionContext(parseDocumentText(`---\n${line}\n---\n`), { line: 1, character: line.length >> 1 })],
    ['lintSpec (### headings)', (line) => lintOf(`---\ntech_spec_id: TS-0001\n---\n${'### h\n'.repeat(line.length / 10)}${'[What this component does]\n'.repeat(line.length / 10)}`)],
  ];
}
