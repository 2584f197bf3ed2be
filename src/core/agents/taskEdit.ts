import { scanOutline, type Outline, type TaskItem } from '../outline';
import { LineIndex } from '../text';
import { ToolError } from './types';

/** Where a task's box sits on its line: after quote markers, indentation, the list marker and its gap. */
const BOX = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\]/;
/**
 * A list marker alone on its line. The item's first paragraph then starts on the next line, and
 * when that paragraph starts with a box the item is a task (`-`, then `  [ ] x`): so GFM and markdown-it's
 * task-list plugins read it, and so the outline counts it, at the marker's line.
 */
const BARE_MARKER = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
/** The box that starts such a next line, after its quote markers and indentation. */
const LEADING_BOX = /^((?:[ \t]*>)*[ \t]*)\[([ xX])\]/;

export interface TaskTarget {
  /** 1-based, as editors show it. */
  readonly line?: number;
  readonly text?: string;
}

export interface TaskEditPlan {
  readonly task: TaskItem;
  readonly outline: Outline;
  /** Offset of the box's mark (the space or `x` between the brackets) in the text. */
  readonly offset: number;
  /** `x` to tick, a space to untick; undefined when the box is already as asked. */
  readonly newMark: 'x' | ' ' | undefined;
}

/**
 * Finds the one checklist item a model means and where its box is. Refuses, with a message a model
 * can act on, when no item or more than one matches, or when line and text disagree.
 */
export function planTaskEdit(text: string, target: TaskTarget, done: boolean, id: string): TaskEditPlan {
  const outline = scanOutline(text);
  const task = findTask(outline.tasks, target, id);
  const offset = boxOffset(new LineIndex(text), task.line);
  if (offset === undefined) throw new ToolError(`line ${task.line + 1} of ${id} is a checklist item whose box Tech Spec cannot place; edit it by hand`);
  const newMark = task.checked === done ? undefined : done ? 'x' : ' ';
  return { task, outline, offset, newMark };
}

/** The offset of the mark inside a task's box: on the marker's line, or at the start of the next when the marker stands alone. */
function boxOffset(lines: LineIndex, line: number): number | undefined {
  const inline = BOX.exec(lines.lineText(line));
  if (inline) return lines.offsetAt({ line, character: inline[1].length + 1 });
  if (!BARE_MARKER.test(lines.lineText(line)) || line + 1 >= lines.lineCount) return undefined;
  const below = LEADING_BOX.exec(lines.lineText(line + 1));
  return below ? lines.offsetAt({ line: line + 1, character: below[1].length + 1 }) : undefined;
}

/** The text with the plan applied, checked to differ from the original in that one box only. */
export function applyTaskEdit(text: string, plan: TaskEditPlan, id: string): string {
  if (plan.newMark === undefined) return text;
  const next = `${text.slice(0, plan.offset)}${plan.newMark}${text.slice(plan.offset + 1)}`;
  // A guard, not a formality: the edit must change this item's state and nothing else the outline sees.
  const after = scanOutline(next).tasks;
  const before = plan.outline.tasks;
  const same = after.length === before.length && after.every((task, index) => task.line === before[index].line && task.text === before[index].text && (task.line === plan.task.line ? task.checked === (plan.newMark === 'x') : task.checked === before[index].checked));
  if (!same) throw new ToolError(`ticking line ${plan.task.line + 1} of ${id} would change more than its box; edit it by hand`);
  return next;
}

function findTask(tasks: readonly TaskItem[], target: TaskTarget, id: string): TaskItem {
  if (target.line === undefined && (target.text === undefined || target.text.trim() === '')) {
    throw new ToolError('give the item\'s `line` (as next_open_tasks shows it) or its `text`');
  }
  if (tasks.length === 0) throw new ToolError(`${id} has no checklist items (\`- [ ] …\` lines)`);
  const byText = target.text !== undefined && target.text.trim() !== '' ? matchText(tasks, target.text) : undefined;
  if (target.line !== undefined) {
    const atLine = tasks.find((task) => task.line === target.line! - 1);
    if (!atLine) {
      const moved = byText?.length === 1 ? `; '${byText[0].text}' is now at line ${byText[0].line + 1}` : '';
      throw new ToolError(`line ${target.line} of ${id} is not a checklist item (the file may have changed)${moved}. next_open_tasks lists the items with their lines`);
    }
    if (byText && !byText.includes(atLine)) {
      const elsewhere = byText.length === 1 ? `; '${byText[0].text}' is at line ${byText[0].line + 1}` : '';
      throw new ToolError(`line ${target.line} of ${id} reads '${atLine.text}', not '${target.text}'${elsewhere}. Call again with the line and text of one item`);
    }
    return atLine;
  }
  if (!byText || byText.length === 0) throw new ToolError(`no checklist item of ${id} reads '${target.text}'; next_open_tasks lists the open items with their lines`);
  if (byText.length > 1) {
    const shown = byText.slice(0, 10).map((task) => `line ${task.line + 1} '${task.text}'`).join(', ');
    throw new ToolError(`'${target.text}' matches ${byText.length} checklist items of ${id} (${shown}); give \`line\` to say which`);
  }
  return byText[0];
}

/** Items whose text is the given text (ignoring case and spacing), else those that contain it. */
function matchText(tasks: readonly TaskItem[], wanted: string): TaskItem[] {
  const normal = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  const needle = normal(wanted.replace(/^\s*(?:[-*+]\s+)?\[[ xX]\]\s*/, ''));
  const equal = tasks.filter((task) => normal(task.text) === needle);
  return equal.length > 0 ? equal : tasks.filter((task) => normal(task.text).includes(needle));
}
