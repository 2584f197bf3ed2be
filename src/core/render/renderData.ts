/** Where an id's document is, for a link, and its title for the tooltip. */
export interface IdLink {
  readonly href: string;
  readonly title?: string;
}

/**
 * What the plugin needs from the workspace, as plain data: the VS Code adapter serves the live
 * index, the CLI a loaded workspace, tests a fixed table.
 */
export interface SpecRenderData {
  /** Statuses in lifecycle order: the badge's colour is the status's stage. */
  readonly statuses: readonly string[];
  /** Id prefixes that are references (`RFC` makes `RFC-0007` one). */
  readonly prefixes: readonly string[];
  /** Template placeholders that a spec still holding them has not filled in. */
  readonly placeholders: ReadonlySet<string>;
  /** A link for an id, seen from the document being rendered (markdown-it's render env); undefined when nothing owns it. */
  link(id: string, env: unknown): IdLink | undefined;
}
