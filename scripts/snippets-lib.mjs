// Builds the VS Code snippets (snippets/tech-spec.code-snippets) from the user's template
// (templates/tech-spec-template.md) plus a small hand-written table of block snippets.
//
// Pure: no file system, no dependencies. Used by scripts/generate-snippets.mjs (writes the file)
// and by test/unit/snippets.test.ts (checks that the committed file is up to date).
//
// Rules for turning template text into snippet text:
// - `[placeholder]` becomes a tab stop `${n:[placeholder]}` (the default keeps the brackets, so an
//   untouched snippet reads exactly like the template), numbered top to bottom.
// - Not placeholders: task boxes `- [ ]` / `- [x]`, JSON's `[...]`, and links `[text](target)`.
//   A link whose target is a bare word (the template's `(link)`) gets tab stops for its text and
//   its target; links to anchors or URLs (the Table of Contents) stay literal.
// - `YYYY-MM-DD` becomes today's date: `${n:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}`.
// - Front matter: `status` is a choice of the spec statuses, an id like `TS-XXXX` becomes
//   `TS-${n:XXXX}`, empty optional keys get an empty tab stop before their comment.
// - Literal text escapes `\`, `$` and `}`; choice options escape `\`, `,` and `|`.
// - The final tab stop `$0` goes at the end of the snippet.

export const TEMPLATE_PATH = 'templates/tech-spec-template.md';
export const SNIPPETS_PATH = 'snippets/tech-spec.code-snippets';
export const PREFIX = 'ts-';
export const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED'];
export const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
const DATE_PLACEHOLDER = 'YYYY-MM-DD';

/** Escapes literal text (top level or inside a placeholder). */
export function escapeText(text) {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one option of a choice `${1|a,b|}`. */
export function escapeChoice(option) {
  return option.replace(/[\\,|]/g, '\\$&');
}

const placeholder = (index, text) => `\${${index}:${escapeText(text)}}`;
const choice = (index, options) => `\${${index}|${options.map(escapeChoice).join(',')}|}`;
const tabStop = (index) => `\${${index}}`;

/** Hands out tab stop numbers top to bottom. */
class TabStops {
  constructor() {
    this.next = 1;
  }
  take() {
    return this.next++;
  }
}

/** `Deployment & Operations` -> `deployment-operations`. */
export function slugify(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Splitting the template

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits the template into its front matter (with the `---` lines), the preamble (the `# Title`
 * between the front matter and the first `##`), and the `##` sections. A section runs from its
 * `##` line to the next `##` line (outside code fences); its `lines` leave out the trailing blank
 * lines and the `---` separator before the next section.
 */
export function splitTemplate(templateText) {
  const lines = templateText.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();

  let start = 0;
  let frontMatter;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new Error('template: the front matter has no closing `---`');
    frontMatter = lines.slice(0, end + 1);
    start = end + 1;
  }

  const headings = [];
  let fence;
  for (let i = start; i < lines.length; i++) {
    const match = FENCE.exec(lines[i]);
    if (match) {
      const marker = match[1];
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && lines[i].trim() === marker) fence = undefined;
      continue;
    }
    if (!fence && /^## +\S/.test(lines[i])) headings.push(i);
  }

  const preamble = lines.slice(start, headings.length ? headings[0] : lines.length);
  const sections = headings.map((from, k) => {
    const to = k + 1 < headings.length ? headings[k + 1] : lines.length;
    return { title: lines[from].replace(/^## +/, '').replace(/\s+#*\s*$/, '').trim(), lines: trimSection(lines.slice(from, to)) };
  });
  return { lines, frontMatter, preamble, sections };
}

function trimSection(lines) {
  const out = [...lines];
  const dropBlank = () => {
    while (out.length > 1 && out[out.length - 1].trim() === '') out.pop();
  };
  dropBlank();
  if (out.length > 1 && /^ {0,3}(-{3,}|\*{3,}|_{3,})\s*$/.test(out[out.length - 1])) out.pop();
  dropBlank();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Converting template text to snippet text

const isTaskBox = (line, offset, content) =>
  /^[ xX]$/.test(content) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(line.slice(0, offset));
const isBareWordTarget = (target) => /^[A-Za-z][A-Za-z0-9 _-]*$/.test(target);

/**
 * Converts one line of Markdown. `mirrors` maps literal text (e.g. `TS-XXXX`, the title
 * placeholder) to snippet text that mirrors a tab stop defined earlier (e.g. `TS-$1`).
 */
function convertLine(line, stops, mirrors = new Map()) {
  const literals = [...mirrors.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const token = new RegExp(
    [
      ...(literals.length ? [`(?<mirror>${literals.join('|')})`] : []),
      '\\[(?<linkText>[^\\[\\]\\n]*)\\]\\((?<linkTarget>[^()\\s]*)\\)',
      '\\[(?<bracket>[^\\[\\]\\n]*)\\]',
      `(?<date>${DATE_PLACEHOLDER})`,
    ].join('|'),
    'g',
  );
  let out = '';
  let last = 0;
  for (const match of line.matchAll(token)) {
    const { mirror, linkText, linkTarget, bracket, date } = match.groups;
    let replacement;
    if (mirror !== undefined) {
      replacement = mirrors.get(mirror);
    } else if (linkTarget !== undefined) {
      if (isBareWordTarget(linkTarget)) {
        const text = linkText.trim() ? placeholder(stops.take(), linkText) : escapeText(linkText);
        replacement = `[${text}](${placeholder(stops.take(), linkTarget)})`;
      }
    } else if (bracket !== undefined) {
      if (bracket.trim() !== '' && bracket !== '...' && !isTaskBox(line, match.index, bracket)) {
        replacement = placeholder(stops.take(), match[0]);
      }
    } else if (date !== undefined) {
      replacement = `\${${stops.take()}:${TODAY}}`;
    }
    if (replacement === undefined) continue; // literal: escaped with the surrounding text
    out += escapeText(line.slice(last, match.index)) + replacement;
    last = match.index + match[0].length;
  }
  return out + escapeText(line.slice(last));
}

/**
 * Converts the front matter lines (`---` included). Returns the snippet lines and the mirrors
 * for the title heading: the id (`TS-XXXX` -> `TS-$1`) and the title placeholder (-> `$2`).
 */
function convertFrontMatter(lines, stops) {
  const mirrors = new Map();
  const out = lines.map((line, i) => {
    if (i === 0 || i === lines.length - 1) return escapeText(line);
    const match = /^(?<key>[A-Za-z_][\w-]*):(?<rest>.*)$/.exec(line);
    if (!match) return escapeText(line);
    const { key, rest } = match.groups;
    // A YAML comment starts with `#` at the start or after whitespace.
    const hash = /(?:^|\s)#/.exec(rest);
    const hashAt = hash ? hash.index + hash[0].length - 1 : rest.length;
    const beforeComment = rest.slice(0, hashAt);
    const commentText = rest.slice(hashAt);
    const value = beforeComment.trim();
    const lead = beforeComment.slice(0, beforeComment.length - beforeComment.trimStart().length);
    const trail = beforeComment.slice(lead.length + value.length);
    let snippetValue;
    if (value === '') {
      // Empty (optional) key: an empty tab stop after `key: `, keeping the column of the comment.
      const first = lead.slice(0, 1);
      return `${key}:${first}${tabStop(stops.take())}${escapeText(lead.slice(1) + trail + commentText)}`;
    } else if (key === 'status') {
      snippetValue = choice(stops.take(), [value, ...STATUSES.filter((s) => s !== value)]);
    } else if (value === DATE_PLACEHOLDER) {
      snippetValue = `\${${stops.take()}:${TODAY}}`;
    } else if (/^[A-Z][A-Z0-9]*-X+$/.test(value)) {
      const dash = value.indexOf('-');
      const index = stops.take();
      snippetValue = `${escapeText(value.slice(0, dash + 1))}${placeholder(index, value.slice(dash + 1))}`;
      mirrors.set(value, `${escapeText(value.slice(0, dash + 1))}${tabStop(index)}`);
    } else {
      const index = stops.take();
      snippetValue = placeholder(index, value);
      if (/^\[.*\]$/.test(value)) mirrors.set(value, tabStop(index));
    }
    return `${key}:${escapeText(lead)}${snippetValue}${escapeText(trail + commentText)}`;
  });
  return { lines: out, mirrors };
}

/** Ends the body with the final tab stop, at the end of its last line. */
function withFinalTabStop(lines) {
  const out = [...lines];
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  out[out.length - 1] += '$0';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Block snippets (hand-written, in snippet syntax)

const FENCE3 = '```';

/** @type {{ name: string, prefix: string, description: string, body: string[] }[]} */
export const BLOCK_SNIPPETS = [
  {
    name: 'Component',
    prefix: 'ts-component',
    description: 'A component of the Detailed Specifications: responsibility, stack, interfaces and notes.',
    body: [
      '### Component ${1:N}: ${2:[Name]}',
      '',
      '**Responsibility**',
      '${3:[What this component does]}',
      '',
      '**Technology Stack**',
      '- Language: ${4:[e.g., Python 3.11]}',
      '- Framework: ${5:[e.g., FastAPI]}',
      '- Key Libraries: ${6:[list]}',
      '',
      '**Key Interfaces**',
      FENCE3,
      'Input: ${7:[describe input]}',
      'Output: ${8:[describe output]}',
      FENCE3,
      '',
      '**Implementation Notes**',
      '- ${9:[Important consideration 1]}',
      '- ${10:[Important consideration 2]}$0',
    ],
  },
  {
    name: 'Entity',
    prefix: 'ts-entity',
    description: 'An entity definition with its field table.',
    body: [
      '#### Entity ${1:N}: ${2:[Name]}',
      '',
      '| Field | Type | Description | Constraints |',
      '|-------|------|-------------|-------------|',
      '| id | UUID | Primary key | NOT NULL, UNIQUE |',
      '| ${3:[field]} | ${4:[type]} | ${5:[description]} | ${6:[constraints]} |$0',
    ],
  },
  {
    name: 'Entity field row',
    prefix: 'ts-field-row',
    description: 'A row of an entity field table.',
    body: ['| ${1:[field]} | ${2:[type]} | ${3:[description]} | ${4:[constraints]} |$0'],
  },
  {
    name: 'Entity relationships',
    prefix: 'ts-relationships',
    description: 'An entity relationship diagram with cardinalities.',
    body: [
      FENCE3,
      '${1:Entity1} ──────${2|1:N,1:1,N:M|}────── ${3:Entity2}',
      '    │',
      '    └──────${4|1:1,1:N,N:M|}────── ${5:Entity3}',
      `${FENCE3}$0`,
    ],
  },
  {
    name: 'SQL CREATE TABLE',
    prefix: 'ts-sql-table',
    description: 'A SQL CREATE TABLE statement for the Database Schema.',
    body: [
      'CREATE TABLE ${1:entity} (',
      '    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),',
      '    created_at TIMESTAMP NOT NULL DEFAULT NOW(),',
      '    ${2:name} ${3:VARCHAR(255)} ${4:NOT NULL}$0',
      ');',
    ],
  },
  {
    name: 'API endpoint',
    prefix: 'ts-api-endpoint',
    description: 'An API endpoint: method, path, description, request, response and errors.',
    body: [
      '#### ${1|GET,POST,PUT,PATCH,DELETE|} ${2:/resource}',
      '',
      '**Description**: ${3:[What this endpoint does]}',
      '',
      '**Request**',
      `${FENCE3}json`,
      '{',
      '  ${4:"name": "string"}',
      '\\}',
      FENCE3,
      '',
      '**Response** (${5|200 OK,201 Created,202 Accepted,204 No Content|})',
      `${FENCE3}json`,
      '{',
      '  ${6:"id": "uuid"}',
      '\\}',
      FENCE3,
      '',
      '**Errors**',
      '| Status | Code | Description |',
      '|--------|------|-------------|',
      '| ${7:400} | ${8:INVALID_REQUEST} | ${9:[description]} |$0',
    ],
  },
  {
    name: 'Error row',
    prefix: 'ts-error-row',
    description: 'A row of an endpoint errors table.',
    body: ['| ${1:[status]} | ${2:[CODE]} | ${3:[description]} |$0'],
  },
  {
    name: 'Role row',
    prefix: 'ts-role-row',
    description: 'A row of the authorization roles table.',
    body: ['| ${1:[Role]} | ${2:[permissions]} |$0'],
  },
  {
    name: 'Alert row',
    prefix: 'ts-alert-row',
    description: 'A row of the monitoring and alerting table.',
    body: ['| ${1:[Alert]} | ${2:[condition]} | ${3|Critical,Warning,Info|} |$0'],
  },
  {
    name: 'Configuration variable row',
    prefix: 'ts-config-row',
    description: 'A row of the configuration management table.',
    body: ['| ${1:[VARIABLE]} | ${2:[description]} | ${3:[default]} |$0'],
  },
  {
    name: 'Load test scenario row',
    prefix: 'ts-load-scenario-row',
    description: 'A row of the load testing scenarios table.',
    body: ['| ${1:[Scenario]} | ${2:[users]} | ${3:[duration]} | ${4:[target]} |$0'],
  },
  {
    name: 'External service row',
    prefix: 'ts-service-row',
    description: 'A row of the external service dependencies table.',
    body: ['| ${1:[Service]} | ${2:[purpose]} | ${3|Critical,Optional|} |$0'],
  },
  {
    name: 'Internal component row',
    prefix: 'ts-internal-component-row',
    description: 'A row of the internal component dependencies table.',
    body: ['| ${1:[Component]} | ${2:[purpose]} | ${3:[team]} |$0'],
  },
  {
    name: 'Third-party library row',
    prefix: 'ts-library-row',
    description: 'A row of the third-party libraries table.',
    body: ['| ${1:[library]} | ${2:[version]} | ${3:[purpose]} |$0'],
  },
  {
    name: 'Checklist phase',
    prefix: 'ts-phase',
    description: 'An implementation checklist phase with task items and a target date.',
    body: [
      '### Phase ${1:N}: ${2:[Name]}',
      '',
      '- [ ] ${3:[Task 1]}',
      '- [ ] ${4:[Task 2]}',
      '- [ ] ${5:[Task 3]}',
      '- [ ] Target: ${6:[Date]}$0',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Building the snippets file

const NAME = (title) => `Tech Spec: ${title}`;

/**
 * Builds the snippets object (snippet name -> { prefix, description, body }) from the template
 * text: the whole spec, the front matter, one snippet per `##` section, then the blocks.
 */
export function buildSnippets(templateText) {
  const { frontMatter, preamble, sections, lines } = splitTemplate(templateText);
  if (!frontMatter) throw new Error('template: no front matter (`---` ... `---`) at the top');
  if (sections.length === 0) throw new Error('template: no `##` sections');

  const snippets = {};
  const prefixes = new Set();
  const add = (name, prefix, description, body) => {
    if (snippets[name]) throw new Error(`duplicate snippet name: ${name}`);
    if (prefixes.has(prefix)) throw new Error(`duplicate snippet prefix: ${prefix}`);
    prefixes.add(prefix);
    snippets[name] = { prefix, description, body };
  };

  // The whole spec: front matter, title heading mirroring the id and title, every section.
  {
    const stops = new TabStops();
    const fm = convertFrontMatter(frontMatter, stops);
    const body = [...fm.lines];
    for (const line of preamble) body.push(convertLine(line, stops, fm.mirrors));
    for (const line of lines.slice(frontMatter.length + preamble.length)) body.push(convertLine(line, stops));
    add(NAME('Whole spec'), `${PREFIX}spec`, 'A whole tech spec from the template, front matter included.', withFinalTabStop(body));
  }

  {
    const fm = convertFrontMatter(frontMatter, new TabStops());
    add(NAME('Front matter'), `${PREFIX}front-matter`, 'The tech spec front matter: id, title, status, author and dates.', [...fm.lines, '$0']);
  }

  for (const section of sections) {
    const stops = new TabStops();
    const body = section.lines.map((line) => convertLine(line, stops));
    add(NAME(`${section.title} section`), `${PREFIX}${slugify(section.title)}`, `The ${section.title} section of the tech spec template.`, withFinalTabStop(body));
  }

  for (const block of BLOCK_SNIPPETS) add(NAME(block.name), block.prefix, block.description, [...block.body]);
  return snippets;
}

/** The text of snippets/tech-spec.code-snippets for the given snippets object. */
export function formatSnippetsFile(snippets) {
  return `${JSON.stringify(snippets, null, 2)}\n`;
}
