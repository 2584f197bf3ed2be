// The fast path for flat `key: value` front matter (parseFlat, inside parseFrontMatter) must read
// exactly what the `yaml` library reads, with ranges that point at the value's text.
import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter, splitLines, type FrontMatter } from '../../src/core/frontMatter';
import { markdownFixtures, Random, readTemplate, textAt } from '../support/fixtures';

const KEYS = [
  'tech_spec_id',
  'title',
  'status',
  'author',
  'created',
  'last_updated',
  'decision_ref',
  'related_prd',
  'id',
  'x-custom',
  'snake_key',
  '_private',
  'a1',
  'Title',
  'yes',
  'on',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  'inf',
  'constructor',
  'toString',
];

const VALUES = [
  '2024-01-15',
  '2024-1-5',
  '2024-01-15T10:00:00Z',
  'YYYY-MM-DD',
  'DRAFT',
  'IN_REVIEW',
  'Jane Doe',
  'hello world',
  'multiple   spaces   inside',
  '42',
  '-7',
  '3.14',
  '.5',
  '+1',
  '1e3',
  '0x1F',
  '0o17',
  '012',
  '1_000',
  '12:30',
  '1:2',
  'Infinity',
  'NaN',
  '.inf',
  '-.inf',
  '.nan',
  'null',
  'Null',
  'NULL',
  '~',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  '"quoted: string"',
  "'single # quoted'",
  "'it''s'",
  '"esc \\" aped"',
  'value # comment',
  'value#nocomment',
  '# only a comment',
  '',
  'https://example.com/a?b=c#frag',
  'http://x.y:8080/path',
  'C#',
  'F# and C#',
  'a: b',
  'key:value',
  'ends with colon:',
  'colon: in: middle',
  'RFC-0007',
  'TS-XXXX',
  '[Component/Feature Name]',
  '[a, b]',
  '{x: 1}',
  '@at',
  '`tick`',
  '%percent',
  '!tag value',
  '&anchor value',
  '*',
  '|',
  '>',
  '- item',
  '-dash',
  '?',
  '? q',
  ',comma',
  'a, b, c',
  'trailing spaces   ',
  'ünïcödé 日本語',
  'emoji 🎉',
  'a "quoted" word',
  "it's",
  'semi; colon',
  'a\tb',
  '=',
  '<<',
  'a [b] {c}',
  'x ? y',
  'x - y',
  'x | y',
  'x > y',
  'under_score',
  '$&',
  'back\\slash',
  'no-break space\u00a0',
  '\u00a0leading no-break space',
  'ideographic space\u3000',
  'line separator\u2028 inside',
  'byte order mark\ufeff',
  'next line\u0085',
];

interface Generated {
  readonly text: string;
  readonly content: string;
}

function generate(random: Random, eol: string): Generated {
  const keys = random.shuffle(KEYS).slice(0, random.int(0, 8));
  const rows: string[] = [];
  for (const key of keys) {
    if (random.chance(0.1)) rows.push(random.pick(['# a comment line', '#', '']));
    const value = random.pick(VALUES);
    const gap = ' '.repeat(random.int(1, 3));
    const comment = random.chance(0.15) ? `${' '.repeat(random.int(1, 4))}# trailing: comment` : '';
    rows.push(value === '' && comment === '' && random.chance(0.5) ? `${key}:` : `${key}:${gap}${value}${comment}`);
  }
  return { text: ['---', ...rows, '---', '', '# Body', ''].join(eol), content: rows.join('\n') };
}

/** What the `yaml` library reads; undefined when it reports an error. */
function yamlReads(content: string): unknown {
  try {
    return parseYaml(content, { logLevel: 'error' }) ?? {};
  } catch {
    return undefined;
  }
}

function assertFieldsPointAtValues(text: string, fm: FrontMatter, label: string): void {
  const lines = splitLines(text);
  for (const field of fm.fields) {
    // The key's source reads as the key (`null:` is the key '' to YAML, as in data).
    assert.deepEqual(Object.keys(parseYaml(`${textAt(lines, field.keyRange)}: v`, { logLevel: 'error' })), [field.key], `${label}: key range of ${field.key}`);
    assert.deepEqual(field.value, fm.data?.[field.key], `${label}: value of ${field.key}`);
    if (field.valueRange.start.line === field.valueRange.end.line) {
      assert.equal(textAt(lines, field.valueRange), field.text, `${label}: value range of ${field.key}`);
      assert.equal(field.valueRange.start.line, field.keyRange.start.line, `${label}: ${field.key} on its line`);
    }
    if (field.text === '') {
      assert.equal(field.value, null, `${label}: empty ${field.key}`);
      // An empty value sits right after the colon.
      assert.equal(lines[field.valueRange.start.line].charAt(field.valueRange.start.character - 1), ':');
    } else {
      // The value's text alone reads as the value.
      assert.deepEqual(parseYaml(`k: ${field.text}`, { logLevel: 'error' }).k, field.value, `${label}: text of ${field.key}`);
    }
  }
}

describe('front matter: fast path ≡ yaml', () => {
  it('reads every generated flat front matter as yaml does, with ranges on the values', () => {
    const random = new Random(20250301);
    let compared = 0;
    for (let i = 0; i < 1000; i++) {
      const { text, content } = generate(random, random.chance(0.2) ? '\r\n' : '\n');
      const label = `case ${i}: ${JSON.stringify(content)}`;
      const fm = parseFrontMatter(text);
      assert.equal(fm.kind, 'closed', label);
      const expected = yamlReads(content);
      if (expected === undefined) {
        assert.equal(fm.data, undefined, label);
        assert.ok(fm.problems.length > 0, label);
        continue;
      }
      assert.deepEqual(fm.problems, [], label);
      assert.deepEqual(fm.data, expected, label);
      assertFieldsPointAtValues(text, fm, label);
      compared++;
    }
    assert.ok(compared > 500, `only ${compared} cases were valid YAML`);
  });

  it('gives the same fields on the fast path as on the yaml path', () => {
    // A flow value on the last line sends the whole block down the yaml path.
    const random = new Random(77);
    for (let i = 0; i < 800; i++) {
      const { text, content } = generate(random, '\n');
      const forced = text.replace('\n---\n\n# Body', '\nzz_force_yaml: [x]\n---\n\n# Body');
      const label = `case ${i}: ${JSON.stringify(content)}`;
      const fast = parseFrontMatter(text);
      const slow = parseFrontMatter(forced);
      if (fast.data === undefined) {
        assert.equal(slow.data, undefined, label);
        continue;
      }
      assert.deepEqual(slow.fields.slice(0, -1), fast.fields, label);
      assert.deepEqual({ ...slow.data, zz_force_yaml: undefined }, { ...fast.data, zz_force_yaml: undefined }, label);
    }
  });

  it('agrees on single values, one by one', () => {
    for (const value of VALUES) {
      for (const key of ['title', 'null', 'True']) {
        const content = `${key}: ${value}`;
        const fm = parseFrontMatter(`---\n${content}\n---\n`);
        const expected = yamlReads(content);
        assert.deepEqual(fm.data, expected, JSON.stringify(content));
        if (expected !== undefined) assertFieldsPointAtValues(`---\n${content}\n---\n`, fm, content);
      }
    }
  });

  it('agrees on duplicate keys: both refuse', () => {
    for (const content of ['title: a\ntitle: b', 'a: 1\nb: 2\na: 3', 'null: x\n~: y', 'true: x\nTrue: y']) {
      assert.equal(yamlReads(content), undefined, content);
      const fm = parseFrontMatter(`---\n${content}\n---\n`);
      assert.equal(fm.data, undefined, content);
      assert.equal(fm.problems[0]?.code, 'yaml', content);
    }
  });

  it('agrees on the template and on every Markdown fixture', () => {
    const files = [{ path: 'templates/tech-spec-template.md', text: readTemplate() }, ...markdownFixtures()];
    for (const file of files) {
      const fm = parseFrontMatter(file.text);
      if (fm.kind !== 'closed') continue;
      const lines = splitLines(file.text);
      const content = lines.slice(1, fm.endLine).join('\n');
      const expected = yamlReads(content);
      if (expected === undefined || typeof expected !== 'object' || Array.isArray(expected)) {
        assert.equal(fm.data, undefined, file.path);
        continue;
      }
      if (fm.problems.some((problem) => problem.code === 'aliases')) continue;
      assert.deepEqual(fm.data, expected, file.path);
      assertFieldsPointAtValues(file.text, fm, file.path);
    }
  });
});
