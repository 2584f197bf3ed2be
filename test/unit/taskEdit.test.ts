// set_task_state on a task whose box is on the line after its list marker (`-`, then `  [ ] x`):
// markdown-it reads that as a list item whose first paragraph starts with the box, which is a task
// for GFM and the task-list plugins, and the outline counts it at the marker's line.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { findTool, runTool } from '../../src/core/agents';
import { scanOutline } from '../../src/core/outline';
import { MemoryAgentWorkspace } from '../support/memoryAgentWorkspace';

const CHECKLIST = ['## Implementation Checklist', '', '- ', '  [ ] Box below its marker', '', '> 1.', '>    [x] Quoted and ordered', '', '- [ ] Inline box', ''].join('\n');
const SPEC = `---\ntech_spec_id: TS-0001\ntitle: Boxes\nstatus: DRAFT\n---\n\n# TS-0001: Boxes\n\n${CHECKLIST}`;

async function setTask(workspace: MemoryAgentWorkspace, input: Record<string, unknown>) {
  return runTool(findTool('set_task_state')!, { id: 'TS-0001', ...input }, workspace);
}

describe('set_task_state: a box on the line after its list marker', () => {
  const lineOf = (needle: string) => SPEC.split('\n').findIndex((line) => line.includes(needle)) + 1;
  /** 1-based, as next_open_tasks gives it: the line of the bare `- `. */
  const markerLine = lineOf('Box below') - 1;

  it('is a task to markdown-it (list item, paragraph, text starting with the box) and to the outline, at the marker line', () => {
    const tokens = new MarkdownIt().parse('- \n  [ ] Box below its marker\n', {});
    assert.deepEqual(tokens.slice(1, 4).map((token) => (token.type === 'inline' ? `inline ${token.content}` : token.type)), ['list_item_open', 'paragraph_open', 'inline [ ] Box below its marker']);
    assert.deepEqual(scanOutline(SPEC).tasks.map((task) => [task.line + 1, task.checked, task.text]), [
      [markerLine, false, 'Box below its marker'],
      [lineOf('> 1.'), true, 'Quoted and ordered'],
      [lineOf('Inline box'), false, 'Inline box'],
    ]);
  });

  it('ticks and unticks it by line or text, changing only that box', async () => {
    const workspace = new MemoryAgentWorkspace({ 'TS-0001.md': SPEC });
    const ticked = await setTask(workspace, { line: markerLine, done: true });
    assert.equal(ticked.isError, false, ticked.text);
    assert.equal(ticked.text, `Ticked TS-0001 line ${markerLine} ('Box below its marker', in Implementation Checklist) in TS-0001.md. Implementation Checklist: 2/3 ticked.`);
    const unticked = await setTask(workspace, { text: 'quoted and ordered', done: false });
    assert.equal(unticked.isError, false, unticked.text);
    assert.equal(workspace.text('TS-0001.md'), SPEC.replace('  [ ] Box below', '  [x] Box below').replace('>    [x] Quoted', '>    [ ] Quoted'));
    assert.equal(workspace.writes.length, 2);
  });
});
