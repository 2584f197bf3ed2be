import type { Heading } from '../outline';
import { inlineToPlainText } from '../inlineText';
import { SlugCounter } from '../slugs';

/**
 * The headings found so far, and where their sections end. Heading text that has a `[` is read
 * again at the end, once the document's link definitions are known (they may come later).
 */
export class HeadingList {
  readonly headings: OutlineHeading[] = [];
  readonly #bracketed: Array<[OutlineHeading, string]> = [];
  /** Headings whose section is still open: their levels rise from bottom to top. */
  readonly #openSections: OutlineHeading[] = [];
  readonly #slugs = new HeadingSlugs(this.headings);

  constructor(private readonly lastLine: number) {}

  add(level: number, markdown: string, line: number, endLine: number): void {
    const open = this.#openSections;
    // A heading ends the sections of the headings above it of the same or a lower level.
    while (open.length > 0 && open[open.length - 1].level >= level) open.pop()!.sectionEndLine = line - 1;
    const heading = new OutlineHeading(level, inlineToPlainText(markdown), line, endLine, this.lastLine, this.#slugs, this.headings.length);
    if (markdown.includes('[')) this.#bracketed.push([heading, markdown]);
    this.headings.push(heading);
    open.push(heading);
  }

  /** `[Foo]` reads as `Foo` once the document defines `[foo]:`. */
  resolveReferences(definitions: ReadonlySet<string>): void {
    if (definitions.size > 0) for (const [heading, markdown] of this.#bracketed) heading.text = inlineToPlainText(markdown, definitions);
  }
}

/**
 * A heading as scanOutline reports it. Its slug is worked out on first read, for the whole
 * outline at once (a slug depends on the headings above it): the index reads no slug, and slugs
 * cost more than the rest of a heading. `slug` is a getter, so it is not an own property.
 */
class OutlineHeading implements Heading {
  readonly #slugs: HeadingSlugs;
  readonly #index: number;

  constructor(
    readonly level: number,
    /** Set again once the document's link definitions are known. */
    public text: string,
    readonly line: number,
    readonly endLine: number,
    /** Set when the next heading of the same or a higher level turns up. */
    public sectionEndLine: number,
    slugs: HeadingSlugs,
    index: number,
  ) {
    this.#slugs = slugs;
    this.#index = index;
  }

  get slug(): string {
    return this.#slugs.at(this.#index);
  }
}

/** The slugs of an outline's headings, computed on first use. */
class HeadingSlugs {
  #slugs: string[] | undefined;

  constructor(private readonly headings: readonly Heading[]) {}

  at(index: number): string {
    if (this.#slugs === undefined) {
      const counter = new SlugCounter();
      this.#slugs = this.headings.map((heading) => counter.next(heading.text));
    }
    return this.#slugs[index];
  }
}
