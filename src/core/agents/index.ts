// The tools for coding agents: one definition each, served by the editor (language model tools) and the CLI (MCP).
export { AGENT_TOOLS, findTool, runTool } from './tools';
export { describePlan, planSetTaskState, type SetTaskStatePlan } from './setTaskState';
export { checkInput, type JsonSchema, type JsonSchemaProperty } from './schema';
export { ToolError, type AgentTool, type AgentWorkspace, type ToolResult } from './types';
export { MAX_MARKDOWN_CHARS } from './getSpec';
export { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT } from './listSpecs';
