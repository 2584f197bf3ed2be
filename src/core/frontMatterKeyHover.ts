import { keyDescription } from './frontMatterCompletion';
import { approvalStates, APPROVALS_KEY } from './lifecycle/approvals';
import type { ParsedDocument } from './parse';
import type { Position, Range } from './text';

/** What a hover on a front-matter key says: the key's meaning, and for `approvals` their state. Plain text. */
export function keyHover(parsed: ParsedDocument, position: Position): { readonly range: Range; readonly lines: readonly string[] } | undefined {
  const field = parsed.frontMatter.fields.find(
    (candidate) => candidate.keyRange.start.line === position.line && position.character >= candidate.keyRange.start.character && position.character <= candidate.keyRange.end.character,
  );
  const description = field && keyDescription(field.key);
  if (!field || !description) return undefined;
  const lines = [`${field.key}: ${description}`];
  if (field.key === APPROVALS_KEY) {
    const { current, stale } = approvalStates(parsed.text);
    lines.push(`${current.length} current, ${stale.length} stale.`);
  }
  return { range: field.keyRange, lines };
}
