import { checklistProgress, scanOutline } from '../outline';
import { readSpecText, resolveSpec, sectionPath } from './resolve';
import { applyTaskEdit, planTaskEdit, type TaskEditPlan } from './taskEdit';
import { ok, ToolError, type AgentTool, type AgentWorkspace } from './types';
import { SPEC_ID_PROPERTY } from './schema';

/** What set_task_state is about to do: the confirmation shows it before anything is written. */
export interface SetTaskStatePlan {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly uri: string;
  readonly line: number;
  readonly item: string;
  readonly section: string;
  readonly done: boolean;
  readonly text: string;
  readonly edit: TaskEditPlan;
}

/** Resolves the spec and the item, without writing; throws a ToolError when the edit would be refused. */
export async function planSetTaskState(input: Readonly<Record<string, unknown>>, workspace: AgentWorkspace): Promise<SetTaskStatePlan> {
  const resolved = resolveSpec(workspace, String(input.id));
  if (resolved.duplicates.length > 0) {
    const files = [resolved.summary, ...resolved.duplicates].map((summary) => workspace.relativePath(summary.uri)).join(', ');
    throw new ToolError(`${resolved.id} is claimed by ${resolved.duplicates.length + 1} files (${files}); Tech Spec will not tick items until the duplicate id is fixed`);
  }
  const text = await readSpecText(workspace, resolved);
  const done = input.done === true;
  const edit = planTaskEdit(text, { line: typeof input.line === 'number' ? input.line : undefined, text: typeof input.text === 'string' ? input.text : undefined }, done, resolved.id);
  return {
    id: resolved.id,
    title: resolved.summary.title ?? '(no title)',
    path: workspace.relativePath(resolved.summary.uri),
    uri: resolved.summary.uri,
    line: edit.task.line + 1,
    item: edit.task.text,
    section: sectionPath(edit.outline, edit.task.headingIndex),
    done,
    text,
    edit,
  };
}

/** What a confirmation says before the edit: plain text (the item comes from a workspace file). */
export function describePlan(plan: SetTaskStatePlan): { title: string; message: string; progress: string } {
  const verb = plan.done ? 'Tick' : 'Untick';
  return {
    title: `${verb} a checklist item of ${plan.id}?`,
    message: `${verb} this checklist item of ${plan.id} (${plan.title}), ${plan.path} line ${plan.line}, in ${plan.section}:\n\n${plan.done ? '[x]' : '[ ]'} ${plan.item}`,
    progress: `${plan.done ? 'Ticking' : 'Unticking'} ${plan.id} line ${plan.line}`,
  };
}

export const setTaskState: AgentTool = {
  name: 'set_task_state',
  title: 'Tick or untick a checklist item',
  summary: 'Ticks or unticks one checklist item of a spec (asks before changing the file).',
  description:
    'Ticks (`done: true`) or unticks (`done: false`) one checklist item of a spec, found by `line` (1-based, as next_open_tasks gives it) ' +
    'or by its `text`; give both to be safe when the file may have changed. It changes only that item\'s box (`[ ]` to `[x]` or back) and ' +
    'refuses when the item is ambiguous (several match), gone, or when line and text disagree; the message says what to do. ' +
    'Use it after you have finished the work an item describes.',
  inputSchema: {
    type: 'object',
    properties: {
      id: SPEC_ID_PROPERTY,
      line: { type: 'integer', minimum: 1, description: "The item's line, 1-based, as next_open_tasks shows it." },
      text: { type: 'string', minLength: 1, description: "The item's text (after the box), or enough of it to match one item." },
      done: { type: 'boolean', description: 'true to tick the item, false to untick it.' },
    },
    required: ['id', 'done'],
    additionalProperties: false,
  },
  writes: true,
  async run(input, workspace) {
    if (workspace.readOnlyReason) throw new ToolError(workspace.readOnlyReason);
    const plan = await planSetTaskState(input, workspace);
    const where = `${plan.id} line ${plan.line} ('${plan.item}', in ${plan.section})`;
    if (plan.edit.newMark === undefined) return ok(`${where} was already ${plan.done ? 'ticked' : 'unticked'}; nothing changed.`);
    const next = applyTaskEdit(plan.text, plan.edit, plan.id);
    const refused = await workspace.replace(plan.uri, plan.text, plan.edit.offset, 1, plan.edit.newMark);
    if (refused) throw new ToolError(`${where} was not changed: ${refused}`);
    const progress = checklistProgress(scanOutline(next));
    return ok(`${plan.done ? 'Ticked' : 'Unticked'} ${where} in ${plan.path}. Implementation Checklist: ${progress.done}/${progress.total} ticked.`);
  },
};
