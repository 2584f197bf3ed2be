import { checkSpec } from './checkSpec';
import { getSpec } from './getSpec';
import { listSpecs } from './listSpecs';
import { nextOpenTasks } from './nextOpenTasks';
import { checkInput } from './schema';
import { setTaskState } from './setTaskState';
import { ToolError, type AgentTool, type AgentWorkspace, type ToolResult } from './types';

/** The tools, in the order clients list them. Kept short on purpose: every tool costs context. */
export const AGENT_TOOLS: readonly AgentTool[] = [listSpecs, getSpec, checkSpec, nextOpenTasks, setTaskState];

export function findTool(name: string): AgentTool | undefined {
  return AGENT_TOOLS.find((tool) => tool.name === name);
}

/**
 * Runs a tool on unchecked input. Input problems and refusals become error results a model can
 * act on; anything else is a bug and is rethrown for the host to log.
 */
export async function runTool(tool: AgentTool, input: unknown, workspace: AgentWorkspace): Promise<ToolResult> {
  let checked: Readonly<Record<string, unknown>>;
  try {
    checked = checkInput(tool.inputSchema, input);
  } catch (error) {
    return { text: `${tool.name}: ${(error as Error).message}`, isError: true };
  }
  try {
    return await tool.run(checked, workspace);
  } catch (error) {
    if (error instanceof ToolError) return { text: `${tool.name}: ${error.message}`, isError: true };
    throw error;
  }
}
