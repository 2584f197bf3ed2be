import type { SpecSummary } from './summary';

/** A summary as the tree shows it: while its file is being edited, maybe an earlier one, with why. */
export type TreeSummary = SpecSummary & {
  /** Set when the tree shows the last good summary of a file being edited: what is wrong with the current text. */
  readonly editing?: string;
};

/**
 * Keeps the tree still while a spec is typed. While an open, unsaved document's front matter
 * cannot be read (or has lost its id or its status half way through an edit), the spec keeps
 * the place its last good summary gave it, marked as being edited. A saved file is shown as it
 * is: only then does it move to "Could not read" or "No status".
 */
export class TreeHold {
  private readonly lastGood = new Map<string, SpecSummary>();

  /** The summaries to build the tree from. `isDirty` says whether an editor holds unsaved text for a uri. */
  view(summaries: readonly SpecSummary[], isDirty: (uri: string) => boolean): TreeSummary[] {
    const seen = new Set<string>();
    const shown = summaries.map((summary): TreeSummary => {
      seen.add(summary.uri);
      return this.show(summary, isDirty);
    });
    // Files that left the index take their last good summary with them.
    for (const uri of this.lastGood.keys()) if (!seen.has(uri)) this.lastGood.delete(uri);
    return shown;
  }

  /** What to show for one changed file; undefined, and forgotten, when it left the index. */
  viewOne(uri: string, summary: SpecSummary | undefined, isDirty: (uri: string) => boolean): TreeSummary | undefined {
    if (!summary) {
      this.lastGood.delete(uri);
      return undefined;
    }
    return this.show(summary, isDirty);
  }

  private show(summary: SpecSummary, isDirty: (uri: string) => boolean): TreeSummary {
    const reason = whyNotGood(summary);
    if (reason === undefined) {
      this.lastGood.set(summary.uri, summary);
      return summary;
    }
    const good = this.lastGood.get(summary.uri);
    if (!good || !isDirty(summary.uri)) return summary;
    return { ...good, editing: reason, problem: summary.problem };
  }

  clear(): void {
    this.lastGood.clear();
  }
}

/** Undefined for a spec whose front matter reads with an id and a status; else what is missing. */
export function whyNotGood(summary: SpecSummary): string | undefined {
  if (summary.problem !== undefined && !summary.isSpec) return 'front matter unreadable';
  if (!summary.isSpec) return 'no tech_spec_id';
  if (summary.problem !== undefined) return 'front matter unreadable';
  if (!summary.status) return 'no status';
  return undefined;
}
