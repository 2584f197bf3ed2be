import { checklistProgress, type ChecklistProgress } from '../outline';
import { parseDocumentText } from '../parse';
import { duplicateNote, openSpec, plural, sectionPath } from './resolve';
import { ok, type AgentTool } from './types';
import { SPEC_ID_INPUT } from './schema';

export const MAX_TASKS = 100;

export const nextOpenTasks: AgentTool = {
  name: 'next_open_tasks',
  title: 'Open tasks of a tech spec',
  summary: 'Lists the unticked checklist items of a spec, with their lines and sections.',
  description:
    'Lists the unticked checklist items (`- [ ]`) of one spec by id (e.g. TS-0042), in document order, each with its line (1-based) and ' +
    'the section it sits in (e.g. "Implementation Checklist › Phase 2: Core Features"). Use it to decide what to implement next; ' +
    'after finishing an item, tick it with set_task_state using the line given here.',
  inputSchema: SPEC_ID_INPUT,
  writes: false,
  async run(input, workspace) {
    const { resolved, text } = await openSpec(workspace, input.id);
    const { outline } = parseDocumentText(text);
    const open = outline.tasks.filter((task) => !task.checked);
    const section = workspace.configFor(resolved.summary.uri).checklistSection;
    const lines = [
      `${resolved.id} (${workspace.relativePath(resolved.summary.uri)}): ${plural(open.length, 'open item')} of ${outline.tasks.length}` +
        (outline.tasks.length > 0 ? `; ${progressPhrase(section, checklistProgress(outline, section))}` : ''),
    ];
    const note = duplicateNote(workspace, resolved);
    if (note) lines.push(note);
    if (outline.tasks.length === 0) lines.push('The spec has no checklist items (`- [ ] …` lines).');
    for (const task of open.slice(0, MAX_TASKS)) lines.push(`- line ${task.line + 1} · ${sectionPath(outline, task.headingIndex)} · ${task.text || '(no text)'}`);
    if (open.length > MAX_TASKS) lines.push(`- and ${open.length - MAX_TASKS} more after line ${open[MAX_TASKS - 1].line + 1}; tick some first, or read the section with get_spec`);
    return ok(lines.join('\n'));
  },
};

/** The checklist section's progress, by the section's configured name (`techSpec.checklistSection`). */
function progressPhrase(section: string, progress: ChecklistProgress): string {
  return progress.found ? `${section} ${progress.done}/${progress.total} ticked` : `no "${section}" section`;
}
