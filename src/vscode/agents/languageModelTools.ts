import * as vscode from 'vscode';
import { languageModelToolName } from '../../constants';
import { AGENT_TOOLS, checkInput, describePlan, planSetTaskState, runTool, type AgentTool, type ToolResult } from '../../core/agents';
import type { Services } from '../services';
import { LiveAgentWorkspace } from './liveAgentWorkspace';

/** The agent tools as VS Code language model tools (`techspec_<tool>`), on the live index. */
export function registerLanguageModelTools(services: Services): vscode.Disposable {
  const workspace = new LiveAgentWorkspace(services);
  const run = (tool: AgentTool, input: unknown, token?: vscode.CancellationToken) => runOnLiveIndex(services, workspace, tool, input, token);
  return vscode.Disposable.from(
    ...AGENT_TOOLS.map((tool) =>
      vscode.lm.registerTool<Record<string, unknown>>(languageModelToolName(tool.name), {
        async invoke(options, token) {
          const result = await run(tool, options.input, token);
          // VS Code hands a thrown error's message to the model: ours say what to do instead.
          if (result.isError) throw new Error(result.text);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
        },
        prepareInvocation: tool.writes ? (options, token) => confirmation(services, workspace, tool, options.input, token) : undefined,
      }),
    ),
  );
}

/** Runs a tool once the index is built; unexpected failures go to the log before they reach the caller. */
export async function runOnLiveIndex(services: Services, workspace: LiveAgentWorkspace, tool: AgentTool, input: unknown, token?: vscode.CancellationToken): Promise<ToolResult> {
  await services.index.ready(token);
  if (token?.isCancellationRequested) throw new vscode.CancellationError();
  try {
    return await runTool(tool, input, workspace);
  } catch (error) {
    services.log.error(`${languageModelToolName(tool.name)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  }
}

/**
 * The confirmation before an edit, naming the spec and the item. No confirmation when nothing
 * would be written (the item is already so, or the call will be refused): invoke() says why.
 */
async function confirmation(services: Services, workspace: LiveAgentWorkspace, tool: AgentTool, input: unknown, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation | undefined> {
  await services.index.ready(token);
  if (token.isCancellationRequested || workspace.readOnlyReason) return undefined;
  let plan;
  try {
    plan = await planSetTaskState(checkInput(tool.inputSchema, input), workspace);
  } catch {
    return undefined;
  }
  if (plan.edit.newMark === undefined) return undefined;
  const text = describePlan(plan);
  // The item and title come from a workspace file: plain text, never trusted Markdown.
  return { invocationMessage: text.progress, confirmationMessages: { title: text.title, message: new vscode.MarkdownString().appendText(text.message) } };
}
