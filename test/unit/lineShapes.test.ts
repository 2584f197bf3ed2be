// The hand-written line matchers in src/core/lineShapes.ts against the regexes they stand in for:
// on every line of the template and the fixtures, on adversarial lines, and on random short lines
// built from the characters the rules care about.
import * as assert from 'node:assert/strict';
import {
  ATX_OPEN,
  DELIMITER_CELL,
  FENCE_OPEN,
  SETEXT,
  TASK_BOX,
  THEMATIC,
  atxHashes,
  delimiterColumns,
  fenceOpening,
  headerCells,
  isSetextUnderline,
  isThematicBreak,
  taskMarkAt,
} from '../../src/core/lineShapes';
import { ADVERSARIAL_LINES } from '../support/adversarial';
import { markdownFixtures, Random, readTemplate } from '../support/fixtures';

/** The rows scanOutline hands to delimiterColumns: TABLE_DELIMITER's, as in src/core/outline.ts. */
const TABLE_DELIMITER = /^ {0,3}(?:[|:][|:\- \t]|-[|:-])[|:\- \t]*$/;

/** The header cell count as scanOutline computed it, a loop over every character. */
function headerCellsLoop(header: string): number {
  if (header === '|') return 0;
  let cells = 1;
  for (let i = 0; i < header.length; i++) {
    if (header.charCodeAt(i) === 124 && (i === 0 || header.charCodeAt(i - 1) !== 92)) cells++;
  }
  if (header.charCodeAt(0) === 124) cells--;
  if (header.length > 1 && header.charCodeAt(header.length - 1) === 124 && header.charCodeAt(header.length - 2) !== 92) cells--;
  return cells;
}

/** The slow path: what scanOutline computed with the regexes. */
function regexShapes(body: string) {
  const atx = ATX_OPEN.exec(body);
  const task = TASK_BOX.exec(body);
  const fence = FENCE_OPEN.exec(body);
  let columns: number | undefined;
  if (TABLE_DELIMITER.test(body)) {
    const cells = body.trim().split('|');
    columns = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i].trim();
      if (cell === '' && (i === 0 || i === cells.length - 1)) continue;
      if (!DELIMITER_CELL.test(cell)) {
        columns = -1;
        break;
      }
      columns++;
    }
  }
  return {
    atx: atx ? atx[1].length : 0,
    task: task ? { checked: task[1] !== ' ', text: (task[2] ?? '').trim() } : undefined,
    thematic: THEMATIC.test(body),
    setext: SETEXT.test(body),
    fence: fence && !(fence[2][0] === '`' && fence[3].includes('`')) ? fence[2].length : 0,
    columns,
    headerCells: body.includes('|') ? headerCellsLoop(body.trim()) : undefined,
  };
}

/** The fast path, called where scanOutline calls it: on the character that starts the content. */
function fastShapes(body: string, at: number) {
  const first = body.charCodeAt(at);
  return {
    atx: first === 35 ? atxHashes(body, at) : 0,
    task: first === 91 ? taskMarkAt(body, at) : undefined,
    thematic: (first === 45 || first === 42 || first === 95) && isThematicBreak(body, at, first),
    setext: (first === 61 || first === 45) && isSetextUnderline(body, at, first),
    fence: first === 96 || first === 126 ? fenceOpening(body, at, first) : 0,
    columns: TABLE_DELIMITER.test(body) ? delimiterColumns(body) : undefined,
    headerCells: body.includes('|') ? headerCells(body.trim()) : undefined,
  };
}

let compared = 0;

/** Compares both paths on a line, as scanOutline would see it: 0 to 3 spaces, then content. */
function assertSameShapes(line: string, label: string): void {
  let at = 0;
  while (line.charCodeAt(at) === 32) at++;
  if (at > 3 || at === line.length || line.charCodeAt(at) === 9) return;
  compared++;
  assert.deepEqual(fastShapes(line, at), regexShapes(line), `${label}: ${JSON.stringify(line)}`);
}

const ALPHABET = [' ', ' ', ' ', '\t', '#', '-', '-', '-', '*', '_', '=', '+', '`', '~', '|', '|', '|', ':', '[', ']', 'x', 'X', '1', '0', '9', '.', ')', '\\', 'a', '<', '>', '\u2028', '\r', '\u00a0'];

describe('line shapes: the hand-written matchers ≡ their regexes', () => {
  it('agree on every line of the template and the fixtures', () => {
    compared = 0;
    for (const [label, text] of [['template', readTemplate()], ...markdownFixtures().map((file) => [file.path, file.text])]) {
      for (const line of text.split(/\r\n|\r|\n/)) assertSameShapes(line, label);
    }
    assert.ok(compared > 1000, `compared ${compared} lines`);
  });

  it('agree on adversarial lines, with and without a marker in front', () => {
    for (const [shape, make] of ADVERSARIAL_LINES) {
      const line = make(120);
      for (const prefix of ['', '# ', '- ', '[ ] ', '1. ', '```', '| --- |', '---', '  * ']) assertSameShapes(prefix + line, shape);
    }
  });

  it('agree on random lines of markers, spaces and line terminators', () => {
    const random = new Random(Number(process.env.LINE_SHAPES_SEED ?? 20260601));
    for (let i = 0; i < 100_000; i++) {
      let line = '';
      for (let length = random.int(0, 12); length > 0; length--) line += random.pick(ALPHABET);
      assertSameShapes(line, `random ${i}`);
      // The shapes every rule starts with, so most random lines get past the first character.
      const lead = random.pick(['#', '- ', '[x] ', '[ ]', '12) ', '```', '~~~', '|', ':-', '- - ', '==', '123456789) ', '1234567890.', '######', '#######', '|-', '| :-: |', '--|', '\\|']);
      assertSameShapes(lead + line, `random ${i} after ${JSON.stringify(lead)}`);
    }
  });
});
