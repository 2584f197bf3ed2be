// The section and block snippets (snippets/tech-spec.code-snippets), generated from the user's
// template by scripts/generate-snippets.mjs. Checks the file's shape, the snippet syntax of every
// body (with a small parser written here, independent of the generator), that each section
// snippet expands back to the template's text, and that the committed file is up to date.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATE_FILE = path.join(ROOT, 'templates', 'tech-spec-template.md');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'tech-spec.code-snippets');
const LIB_FILE = path.resolve(__dirname, '../../../scripts/snippets-lib.mjs');

interface Snippet {
  prefix: unknown;
  description: unknown;
  body: unknown;
}
interface SnippetsLib {
  buildSnippets(templateText: string): Record<string, Snippet>;
  formatSnippetsFile(snippets: Record<string, Snippet>): string;
}

// Under "module": "commonjs" TypeScript turns `import()` into `require()`, which cannot load an
// ES module by file URL: keep a real dynamic import.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
const loadLib = async (): Promise<SnippetsLib> => (await importModule(pathToFileURL(LIB_FILE).href)) as SnippetsLib;

const normalize = (text: string): string => text.replace(/\r\n?/g, '\n');

// -------------------------------------------------------------------------------------------
// A small parser for the VS Code snippet syntax, strict about escaping:
//   $1  ${1}  ${1:default}  ${1|one,two|}  $NAME  ${NAME}  ${NAME:default}
// Literal `$`, `}` and `\` must be escaped with `\`; in a choice, `,`, `|` and `\` are.
// Transforms (`${1/re/fmt/}`) are not used by these snippets and are rejected.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

/** The variables VS Code resolves in snippets. */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

/** Fixed values for the date variables when expanding (the template's `YYYY-MM-DD` -> this). */
const FIXED_VARIABLES: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_MONTH: '01', CURRENT_DATE: '02' };
const FIXED_DATE = '2025-01-02';

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}: ${JSON.stringify(source.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  function sequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next !== '$' && next !== '}' && next !== '\\') fail('unescaped "\\"');
        text += next;
        pos += 2;
      } else if (ch === '}') {
        if (!inPlaceholder) fail('unescaped "}"');
        flush();
        return nodes; // the caller consumes the "}"
      } else if (ch === '$') {
        flush();
        nodes.push(dollar());
      } else {
        text += ch;
        pos++;
      }
    }
    if (inPlaceholder) fail('unbalanced "${": missing "}"');
    flush();
    return nodes;
  }

  function dollar(): SnippetNode {
    pos++; // "$"
    let match = /^\d+/.exec(source.slice(pos));
    if (match) {
      pos += match[0].length;
      return { kind: 'tabstop', index: Number(match[0]) };
    }
    match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(pos));
    if (match) {
      pos += match[0].length;
      return { kind: 'variable', name: match[0] };
    }
    if (source[pos] !== '{') fail('unescaped "$"');
    pos++; // "{"
    match = /^\d+/.exec(source.slice(pos));
    if (match) {
      const index = Number(match[0]);
      pos += match[0].length;
      const ch = source[pos];
      if (ch === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (ch === ':') {
        pos++;
        const children = sequence(true);
        pos++; // "}"
        return { kind: 'tabstop', index, children };
      }
      if (ch === '|') {
        pos++;
        if (index === 0) fail('$0 cannot be a choice');
        return { kind: 'choice', index, options: choiceOptions() };
      }
      return fail('expected "}", ":" or "|" after the tab stop number');
    }
    match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(pos));
    if (match) {
      const name = match[0];
      pos += name.length;
      if (source[pos] === '}') {
        pos++;
        return { kind: 'variable', name };
      }
      if (source[pos] === ':') {
        pos++;
        const children = sequence(true);
        pos++; // "}"
        return { kind: 'variable', name, children };
      }
      return fail('expected "}" or ":" after the variable name (transforms are not used)');
    }
    return fail('expected a tab stop number or a variable name after "${"');
  }

  function choiceOptions(): string[] {
    const options: string[] = [];
    let option = '';
    for (;;) {
      const ch = source[pos];
      if (ch === undefined) fail('unterminated choice');
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next !== ',' && next !== '|' && next !== '\\') fail('unescaped "\\" in a choice');
        option += next;
        pos += 2;
      } else if (ch === ',' || ch === '|') {
        if (option === '') fail('empty choice option');
        options.push(option);
        option = '';
        pos++;
        if (ch === '|') {
          if (source[pos] !== '}') fail('expected "}" after the choices');
          pos++;
          return options;
        }
      } else {
        option += ch;
        pos++;
      }
    }
  }

  return sequence(false);
}

/** Tab stops, choices and variables in document order (nested ones after their parent). */
function* walk(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) yield* walk(node.children);
  }
}

/** Checks what the parser leaves open: tab stop numbering, the final tab stop, variables. */
function checkSnippet(nodes: SnippetNode[]): void {
  const firstSeen: number[] = [];
  const defined = new Set<number>();
  let finals = 0;
  for (const node of walk(nodes)) {
    if (node.kind === 'variable') {
      assert.ok(KNOWN_VARIABLES.has(node.name), `unknown variable $${node.name} (escape a literal "$" as "\\$")`);
      continue;
    }
    if (node.kind === 'text') continue;
    if (node.index === 0) {
      finals++;
      assert.ok(node.kind === 'tabstop' && !node.children, '$0 is a plain final tab stop');
      continue;
    }
    if (!firstSeen.includes(node.index)) firstSeen.push(node.index);
    const defines = node.kind === 'choice' || node.children !== undefined;
    if (defines) {
      assert.ok(!defined.has(node.index), `tab stop ${node.index} has its default given twice (use a bare $${node.index} to mirror)`);
      defined.add(node.index);
    }
  }
  assert.equal(finals, 1, 'exactly one final tab stop $0');
  assert.deepEqual(firstSeen, firstSeen.map((_, i) => i + 1), 'tab stops are numbered 1, 2, 3, … from top to bottom');
}

/** What an untouched snippet inserts: defaults, first choices, mirrors, fixed date variables. */
function expand(nodes: SnippetNode[]): string {
  const defaults = new Map<number, SnippetNode>();
  for (const node of walk(nodes)) {
    if ((node.kind === 'tabstop' && node.children) || node.kind === 'choice') {
      if (!defaults.has(node.index)) defaults.set(node.index, node);
    }
  }
  const render = (list: SnippetNode[]): string => list.map(renderNode).join('');
  const renderNode = (node: SnippetNode): string => {
    switch (node.kind) {
      case 'text':
        return node.value;
      case 'choice':
        return node.options[0];
      case 'variable': {
        const value = FIXED_VARIABLES[node.name];
        assert.ok(value !== undefined || node.children, `no fixed value for $${node.name}`);
        return value ?? render(node.children ?? []);
      }
      case 'tabstop': {
        if (node.children) return render(node.children);
        const definition = defaults.get(node.index);
        return definition ? renderNode(definition) : '';
      }
    }
  };
  return render(nodes);
}

function bodyText(snippet: Snippet): string {
  assert.ok(Array.isArray(snippet.body), 'body is an array of lines');
  return (snippet.body as string[]).join('\n');
}

// -------------------------------------------------------------------------------------------
// The template, split here independently of the generator.

interface Section {
  title: string;
  text: string;
}

function templateSections(template: string): Section[] {
  const lines = normalize(template).replace(/\n+$/, '').split('\n');
  const starts: number[] = [];
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^```/.test(line)) inFence = !inFence;
    else if (!inFence && /^## /.test(line)) starts.push(i);
  });
  return starts.map((start, k) => {
    const section = lines.slice(start, k + 1 < starts.length ? starts[k + 1] : lines.length);
    while (section.at(-1)?.trim() === '') section.pop();
    if (section.at(-1) === '---') section.pop();
    while (section.at(-1)?.trim() === '') section.pop();
    return { title: lines[start].slice(3).trim(), text: section.join('\n') };
  });
}

const templateText = normalize(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
const sections = templateSections(templateText);
const committedText = normalize(fs.readFileSync(SNIPPETS_FILE, 'utf8'));
const committed = JSON.parse(committedText) as Record<string, Snippet>;
const byPrefix = new Map(Object.values(committed).map((snippet) => [snippet.prefix as string, snippet]));
const withFixedDates = (text: string): string => text.replace(/YYYY-MM-DD/g, FIXED_DATE);
const sectionPrefix = (title: string): string => `ts-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
const get = (prefix: string): Snippet => {
  const snippet = byPrefix.get(prefix);
  assert.ok(snippet, `a snippet with prefix ${prefix}`);
  return snippet;
};

const REQUIRED_BLOCKS = [
  'ts-component', 'ts-entity', 'ts-relationships', 'ts-sql-table', 'ts-api-endpoint', 'ts-error-row', 'ts-role-row',
  'ts-alert-row', 'ts-config-row', 'ts-load-scenario-row', 'ts-service-row', 'ts-internal-component-row',
  'ts-library-row', 'ts-phase', 'ts-front-matter', 'ts-spec',
];

describe('snippets/tech-spec.code-snippets', () => {
  it('is a JSON object of snippets', () => {
    assert.equal(typeof committed, 'object');
    assert.ok(committed !== null && !Array.isArray(committed));
    assert.ok(Object.keys(committed).length > 0);
  });

  it('gives every snippet a ts- prefix, a one-sentence description and a body of lines', () => {
    for (const [name, snippet] of Object.entries(committed)) {
      assert.equal(typeof snippet.prefix, 'string', `${name}: prefix`);
      assert.match(snippet.prefix as string, /^ts-[a-z0-9]+(?:-[a-z0-9]+)*$/, `${name}: prefix`);
      assert.equal(typeof snippet.description, 'string', `${name}: description`);
      assert.match(snippet.description as string, /^[A-Z].{10,120}\.$/, `${name}: description is a short sentence`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${name}: body is a non-empty array`);
      for (const line of snippet.body as unknown[]) {
        assert.equal(typeof line, 'string', `${name}: body line`);
        assert.ok(!(line as string).includes('\n'), `${name}: one line per body element`);
      }
    }
  });

  it('uses each prefix once', () => {
    const prefixes = Object.values(committed).map((snippet) => snippet.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('has a snippet for every ## section of the template', () => {
    assert.ok(sections.length >= 10, 'the template has its sections');
    for (const section of sections) get(sectionPrefix(section.title));
  });

  it('has the block snippets', () => {
    for (const prefix of REQUIRED_BLOCKS) get(prefix);
  });

  describe('snippet syntax', () => {
    for (const [name, snippet] of Object.entries(committed)) {
      it(`${name} (${String(snippet.prefix)}) is valid`, () => {
        checkSnippet(parseSnippet(bodyText(snippet)));
      });
    }
  });

  describe('section snippets expand to the template text', () => {
    for (const section of sections) {
      const prefix = sectionPrefix(section.title);
      it(`${prefix}`, () => {
        const expanded = expand(parseSnippet(bodyText(get(prefix))));
        assert.equal(expanded, withFixedDates(section.text));
      });
    }

    it('ts-spec expands to the whole template', () => {
      const expanded = expand(parseSnippet(bodyText(get('ts-spec'))));
      assert.equal(expanded, withFixedDates(templateText.replace(/\n+$/, '')));
    });

    it('ts-front-matter expands to the template front matter with today as the dates', () => {
      const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(templateText);
      assert.ok(frontMatter);
      assert.equal(expand(parseSnippet(bodyText(get('ts-front-matter')))), withFixedDates(frontMatter[0]));
    });
  });

  describe('placeholders', () => {
    const placeholderDefaults = (snippet: Snippet): string[] =>
      [...walk(parseSnippet(bodyText(snippet)))].flatMap((node) =>
        node.kind === 'tabstop' && node.children ? [expand(node.children)] : [],
      );

    it('turn every [placeholder] of a section into a tab stop, top to bottom', () => {
      for (const section of sections) {
        const expected = [...section.text.matchAll(/\[([^[\]\n]*)\](?!\()/g)]
          .filter((m) => m[1].trim() !== '' && m[1] !== '...')
          .map((m) => m[0]);
        const actual = placeholderDefaults(get(sectionPrefix(section.title))).filter((text) => text.startsWith('['));
        assert.deepEqual(actual, expected, section.title);
      }
    });

    it('leave the Table of Contents links literal', () => {
      const toc = sections.find((section) => section.title === 'Table of Contents');
      assert.ok(toc);
      const body = bodyText(get('ts-table-of-contents'));
      assert.equal(body, `${toc.text}$0`);
    });

    it('keep task boxes literally "- [ ]"', () => {
      for (const snippet of Object.values(committed)) {
        for (const line of snippet.body as string[]) {
          assert.doesNotMatch(line, /^\s*[-*+] (?:\$\{\d+:\[[ xX]\]\}|\[\$\{\d+:[ xX]\}\])/, `task box turned into a placeholder: ${line}`);
        }
      }
      const checklist = bodyText(get('ts-implementation-checklist'));
      const boxes = (text: string) => text.split('\n').filter((line) => line.startsWith('- [ ] ')).length;
      const section = sections.find((s) => s.title === 'Implementation Checklist');
      assert.ok(section);
      assert.equal(boxes(checklist), boxes(section.text));
      assert.ok(bodyText(get('ts-phase')).includes('- [ ] '));
    });

    it('offer the choices of the issue', () => {
      assert.match(bodyText(get('ts-api-endpoint')), /^#### \$\{1\|GET,POST,PUT,PATCH,DELETE\|\} /);
      assert.ok(bodyText(get('ts-alert-row')).includes('|Critical,Warning,Info|}'));
      assert.ok(bodyText(get('ts-service-row')).includes('|Critical,Optional|}'));
      for (const prefix of ['ts-front-matter', 'ts-spec']) {
        const body = bodyText(get(prefix));
        assert.match(body, /^status: \$\{\d+\|DRAFT,IN_REVIEW,APPROVED,IMPLEMENTED,SUPERSEDED,DEPRECATED\|\}$/m, prefix);
        assert.match(body, /^tech_spec_id: TS-\$\{\d+:XXXX\}$/m, prefix);
        assert.match(body, /^created: \$\{\d+:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}$/m, prefix);
        assert.match(body, /^last_updated: \$\{\d+:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}$/m, prefix);
      }
      assert.match(bodyText(get('ts-phase')), /^### Phase \$\{1:N\}: \$\{2:\[Name\]\}$/m);
      assert.match(bodyText(get('ts-phase')), /^- \[ \] Target: /m);
    });

    it('mirror the id and title of the front matter in the title of ts-spec', () => {
      const expandedTitle = expand(parseSnippet(bodyText(get('ts-spec')))).split('\n').find((line) => line.startsWith('# '));
      assert.equal(expandedTitle, templateText.split('\n').find((line) => line.startsWith('# ')));
      assert.ok((get('ts-spec').body as string[]).includes('# TS-${1}: ${2}'));
    });
  });

  describe('the validator', () => {
    const valid = ['plain', '$1 ${2} ${3:a ${4:b}} ${5|x,y\\,z|} $0', '\\$ \\} \\\\', '${1:{\\}}', '$CURRENT_YEAR ${UUID} ${TM_FILENAME:x}'];
    const invalid = ['${1:open', 'cost $', 'a } b', 'back\\slash', '${1|a,,b|}', '${1|a,b}', '${x/a/b/}', '${1/a/b/}', '${}', '${1 }'];
    for (const source of valid) it(`accepts ${JSON.stringify(source)}`, () => assert.doesNotThrow(() => parseSnippet(source)));
    for (const source of invalid) it(`rejects ${JSON.stringify(source)}`, () => assert.throws(() => parseSnippet(source)));
    it('rejects unknown variables, gaps in the numbering, a missing or doubled $0', () => {
      assert.throws(() => checkSnippet(parseSnippet('$NOPE $0')));
      assert.throws(() => checkSnippet(parseSnippet('${2:b} ${1:a} $0')));
      assert.throws(() => checkSnippet(parseSnippet('${1:a} ${3:c} $0')));
      assert.throws(() => checkSnippet(parseSnippet('${1:a}')));
      assert.throws(() => checkSnippet(parseSnippet('$0 $0')));
      assert.throws(() => checkSnippet(parseSnippet('${1:a} ${1:b} $0')));
      assert.doesNotThrow(() => checkSnippet(parseSnippet('${1:a} $1 ${2|x,y|} $0')));
    });
  });

  describe('the generator (scripts/snippets-lib.mjs)', () => {
    let lib: SnippetsLib;
    before(async () => {
      lib = await loadLib();
    });

    it('produces the committed file (run `node scripts/generate-snippets.mjs` after editing the template)', () => {
      const generated = lib.formatSnippetsFile(lib.buildSnippets(fs.readFileSync(TEMPLATE_FILE, 'utf8')));
      assert.equal(committedText, generated);
    });

    it('escapes $, } and \\ and keeps them through expansion', () => {
      const template = [
        '---',
        'tech_spec_id: TS-XXXX',
        'title: [A $5 {title}]',
        'status: DRAFT',
        'created: YYYY-MM-DD',
        '---',
        '',
        '# TS-XXXX: [A $5 {title}]',
        '',
        '## Costs & $ums',
        '',
        'Price: $10 or ${HOME} {x} C:\\path\\ `a}b`',
        '- [ ] [pay $1 {now}] and [C:\\dir\\]',
        '- [x] done, see [docs](link) and [anchor](#costs--ums)',
        '',
        '```json',
        '{ "a": [...], "b": "}" }',
        '```',
        '',
      ].join('\n');
      const snippets = lib.buildSnippets(template);
      const section = Object.values(snippets).find((snippet) => snippet.prefix === 'ts-costs-ums');
      assert.ok(section, 'section snippet for "Costs & $ums"');
      const nodes = parseSnippet(bodyText(section));
      checkSnippet(nodes);
      assert.equal(expand(nodes), templateSections(template)[0].text);
      const spec = Object.values(snippets).find((snippet) => snippet.prefix === 'ts-spec');
      assert.ok(spec);
      const specNodes = parseSnippet(bodyText(spec));
      checkSnippet(specNodes);
      assert.equal(expand(specNodes), withFixedDates(template.replace(/\n+$/, '')));
    });

    it('follows the template: a new ## section gets its own snippet', () => {
      const template = templateText.replace('## References', '## Open Questions\n\n- [Question 1]\n\n---\n\n## References');
      const snippets = lib.buildSnippets(template);
      const snippet = Object.values(snippets).find((s) => s.prefix === 'ts-open-questions');
      assert.ok(snippet);
      assert.deepEqual(snippet.body, ['## Open Questions', '', '- ${1:[Question 1]}$0']);
    });
  });
});
