import type { TechSpecConfig } from '../config';
import type { TemplateModel } from '../lint';
import type { SpecSummary } from '../summary';
import type { JsonSchema } from './schema';

/**
 * What the agent tools read and write, served by the editor (live index, open editors) and by the
 * CLI's MCP server (the files on disk). Uris are the index's keys (`file:///…`).
 */
export interface AgentWorkspace {
  /** Every document the index knows (specs, RFCs, PRDs), summarizing its current text. */
  documents(): readonly SpecSummary[];
  /** Documents that own an id, in a stable order. */
  owners(id: string): readonly SpecSummary[];
  /** A document's text as the user sees it (unsaved editor text first); undefined when unreadable. */
  readText(uri: string): Promise<string | undefined>;
  /** A path for people and models: relative to the workspace, with `/`. */
  relativePath(uri: string): string;
  configFor(uri: string): TechSpecConfig;
  templateFor(uri: string): Promise<TemplateModel>;
  /** Today as `YYYY-MM-DD`, for the date checks. */
  today(): string;
  /**
   * Replaces `length` characters at `offset` of `uri`, if its text is still `expectedText`.
   * Resolves to undefined when done, else to why not (in words a model can act on).
   */
  replace(uri: string, expectedText: string, offset: number, length: number, newText: string): Promise<string | undefined>;
  /** Set when this workspace must not be written (Restricted Mode, a read-only server): the reason. */
  readonly readOnlyReason: string | undefined;
}

/** A tool's answer: compact text for a model's context. An error is a message the model can act on. */
export interface ToolResult {
  readonly text: string;
  readonly isError: boolean;
}

export interface AgentTool {
  /** `verb_noun`: `techspec_<name>` in VS Code, `<name>` over MCP. */
  readonly name: string;
  readonly title: string;
  /** One sentence for people (VS Code shows it in the tools list). */
  readonly summary: string;
  /** Written for a model: what the tool does, when to use it, what it returns. */
  readonly description: string;
  readonly inputSchema: JsonSchema;
  /** Whether the tool changes files; the others only read. */
  readonly writes: boolean;
  run(input: Readonly<Record<string, unknown>>, workspace: AgentWorkspace): Promise<ToolResult>;
}

export function ok(text: string): ToolResult {
  return { text, isError: false };
}

/** An error a model can act on; thrown inside tools, caught by runTool. */
export class ToolError extends Error {}
