import { locateFrontMatter, splitLines } from '../frontMatter';
import { isSetextUnderline, isThematicBreak, taskMarkAt } from '../lineShapes';
import type { LineSpan, Outline, TaskItem } from '../outline';
import { atxContent, atxHashes } from './atxHeading';
import { ContainerKind, ContainerStack, continueContainers, readListMarker, readQuoteMarker } from './containers';
import { closesFence, fenceOpening } from './fencedCode';
import { HeadingList } from './headings';
import { htmlBlockEnd } from './htmlBlock';
import { LineCursor } from './lineCursor';
import { OpenParagraph, referenceDefinition } from './paragraph';
import { startsTable } from './table';

/** The most quotes and list items one line opens; no real document comes near it. */
const MAX_OPENED_PER_LINE = 100;

/** The leaf block that takes the next line if the containers let it. */
const enum Leaf {
  None,
  Paragraph,
  Fence,
  Html,
  IndentedCode,
  Table,
}

/**
 * Headings, task items and fences of a Markdown document, the way CommonMark reads blocks
 * (markdown-it's GFM tables too), without an inline parse: each line goes first through the open
 * containers (block quotes, list items; ./containers), then to the leaf-block recognisers (fence,
 * ATX and setext headings, HTML block, table, thematic break, paragraph). test/unit/
 * commonmarkSpec.test.ts and outlineEquivalence.test.ts compare it with markdown-it.
 */
export function scanOutline(text: string, lines: readonly string[] = splitLines(text)): Outline {
  return new BlockScanner(lines).scan();
}

class BlockScanner {
  private readonly headings: HeadingList;
  private readonly tasks: TaskItem[] = [];
  private readonly fences: LineSpan[] = [];
  private readonly definitions = new Set<string>();
  /** Open block quotes and list items, outermost first. */
  private readonly stack = new ContainerStack();
  private readonly cursor = new LineCursor();
  private readonly paragraph = new OpenParagraph();
  private leaf = Leaf.None;
  private fenceChar = 0;
  private fenceLength = 0;
  private fenceStart = -1;
  /** The open HTML block's end: a line that matches, or null for a blank line. */
  private htmlEnd: RegExp | null = null;

  constructor(private readonly lines: readonly string[]) {
    this.headings = new HeadingList(lines.length - 1);
  }

  scan(): Outline {
    const lines = this.lines;
    const frontMatter = locateFrontMatter(lines);
    this.readLines(frontMatter.kind === 'none' ? 0 : frontMatter.endLine + 1);
    if (this.leaf === Leaf.Fence) this.fences.push({ start: this.fenceStart, end: lines.length - 1 });
    this.headings.resolveReferences(this.definitions);
    return { headings: this.headings.headings, tasks: this.tasks, fences: this.fences, lineCount: lines.length };
  }

  /** The loop on its own: V8 optimizes it apart from the code that runs once. */
  private readLines(from: number): void {
    const count = this.lines.length;
    for (let line = from; line < count; line++) this.readLine(line);
  }

  private readLine(line: number): void {
    const cursor = this.cursor;
    const source = this.lines[line];
    cursor.reset(source);
    const stack = this.stack;
    let matched = stack.length === 0 ? 0 : continueContainers(stack, cursor);
    const allMatched = matched === stack.length;
    const startDepth = matched;
    cursor.findNextNonspace();
    if (allMatched) {
      if (this.leaf >= Leaf.Fence && this.continuesLeaf(source, line)) return;
      // A blank line closes a paragraph or a table, and opens nothing.
      if (cursor.blank) {
        if (this.leaf !== Leaf.None && this.leaf !== Leaf.IndentedCode) this.closeLeaf(line);
        return;
      }
    } else if (this.leaf !== Leaf.Paragraph) {
      // Only a paragraph takes lazy continuation lines: any other leaf ends with its container.
      this.closeUnmatched(matched, line);
    }

    // Block starts: containers first, as many as the line opens, then at most one leaf.
    /** Whether the line would continue an open paragraph in its own container (not lazily). */
    let afterParagraph = allMatched && this.leaf === Leaf.Paragraph;
    let started = false;
    /** The length of an ATX heading's `#` run, or of a fence's. */
    let run: number;
    for (;;) {
      if (started) cursor.findNextNonspace();
      if (cursor.indent >= 4) {
        // Indented code, unless it continues a paragraph (lazily too).
        if (this.leaf !== Leaf.Paragraph && !cursor.blank) {
          this.startLeaf(matched, line, Leaf.IndentedCode);
          return;
        }
        break;
      }
      // Past this many the rest of the line is text: `- - - … x` would otherwise open one item per
      // marker and rescan the line for each, quadratic on a long line. Deep lists built line by line still nest.
      if (stack.length - startDepth >= MAX_OPENED_PER_LINE) break;
      const at = cursor.nextNonspace;
      const first = source.charCodeAt(at);
      if (first === 62 /* > */) {
        this.startContainer(matched, line);
        readQuoteMarker(cursor, true);
        stack.push(ContainerKind.Quote, 0, line);
      } else if (first === 35 /* # */ && (run = atxHashes(source, at)) > 0) {
        this.startLeaf(matched, line, Leaf.None);
        this.headings.add(run, atxContent(source, at + run), line, line);
        return;
      } else if ((first === 96 /* ` */ || first === 126) /* ~ */ && (run = fenceOpening(source, at, first)) > 0) {
        this.startLeaf(matched, line, Leaf.Fence);
        this.fenceChar = first;
        this.fenceLength = run;
        this.fenceStart = line;
        return;
      } else if (first === 60 /* < */ && this.startsHtmlBlock(source, at, matched, line)) {
        return;
      } else if (afterParagraph && (first === 124 /* | */ || first === 58 /* : */ || first === 45) /* - */ && this.startsTable(source, at, line)) {
        return;
      } else if (afterParagraph && (first === 61 /* = */ || first === 45) && isSetextUnderline(source, at, first)) {
        this.setextHeading(first === 61 ? 1 : 2, line);
        return;
      } else if ((first === 45 || first === 42 /* * */ || first === 95) /* _ */ && isThematicBreak(source, at, first)) {
        this.startLeaf(matched, line, Leaf.None);
        return;
      } else if (first === 45 || first === 42 || first === 43 /* + */ || (first >= 48 && first <= 57)) {
        const width = readListMarker(cursor, afterParagraph);
        if (width < 0) break;
        this.startContainer(matched, line);
        stack.push(ContainerKind.Item, width, line);
      } else {
        break;
      }
      matched = stack.length;
      started = true;
      afterParagraph = false;
    }

    if (!started && !allMatched && this.leaf === Leaf.Paragraph && !cursor.blank) {
      this.continueParagraph(true);
      return;
    }
    this.closeUnmatched(matched, line);
    if (cursor.blank) {
      if (this.leaf === Leaf.Paragraph || this.leaf === Leaf.Table) this.closeLeaf(line);
      return;
    }
    if (this.leaf === Leaf.Paragraph) this.continueParagraph(false);
    else if (this.leaf !== Leaf.Table) this.startParagraph(source, line); // A table takes the line as a row.
  }

  /** Gives the line to the open fence, HTML block or indented code when it continues it; true when it took it. */
  private continuesLeaf(source: string, line: number): boolean {
    const cursor = this.cursor;
    switch (this.leaf) {
      case Leaf.Fence:
        if (cursor.indent < 4 && closesFence(source, cursor.nextNonspace, this.fenceChar, this.fenceLength)) {
          this.fences.push({ start: this.fenceStart, end: line });
          this.leaf = Leaf.None;
        }
        return true;
      case Leaf.Html:
        if (this.htmlEnd === null) {
          if (!cursor.blank) return true;
          this.leaf = Leaf.None;
          return false;
        }
        // The end is looked for after the containers' markers: a quote's `>` ends no `<!DOCTYPE`.
        if (this.htmlEnd.test(cursor.offset === 0 ? source : source.slice(cursor.offset))) this.leaf = Leaf.None;
        return true;
      case Leaf.IndentedCode:
        if (cursor.blank || cursor.indent >= 4) return true;
        this.leaf = Leaf.None;
        return false;
      default:
        return false;
    }
  }

  /** An HTML block's start: a lone tag (kind 7) starts none where it would continue a paragraph or a table. */
  private startsHtmlBlock(source: string, at: number, matched: number, line: number): boolean {
    const content = at === 0 ? source : source.slice(at);
    const end = htmlBlockEnd(content, this.leaf === Leaf.Paragraph || this.leaf === Leaf.Table);
    if (end === undefined) return false;
    this.startLeaf(matched, line, Leaf.Html);
    this.htmlEnd = end;
    // The kinds that end at a closing pattern may close on their first line.
    if (end !== null && end.test(this.cursor.offset === 0 ? source : source.slice(this.cursor.offset))) this.leaf = Leaf.None;
    return true;
  }

  /**
   * A delimiter row under a paragraph line makes that line a table header (markdown-it's GFM
   * tables): never a lazy line, nor one indented as code. The lines above it stay a paragraph.
   */
  private startsTable(source: string, at: number, line: number): boolean {
    const paragraph = this.paragraph;
    if (paragraph.lastLazy || paragraph.lastIndent >= 4) return false;
    if (!startsTable(this.lines[line - 1].slice(paragraph.lastOffset), at === 0 ? source : source.slice(at))) return false;
    // An item whose first line heads a table starts with a table, not a paragraph: no task.
    if (paragraph.task && paragraph.lineCount === 1) this.tasks.pop();
    this.paragraph.close();
    this.leaf = Leaf.Table;
    return true;
  }

  private setextHeading(level: number, line: number): void {
    const paragraph = this.paragraph;
    if (paragraph.task) this.tasks.pop();
    this.headings.add(level, paragraph.text(this.lines), paragraph.start, line);
    paragraph.close();
    this.leaf = Leaf.None;
  }

  private startParagraph(source: string, line: number): void {
    const cursor = this.cursor;
    const at = cursor.nextNonspace;
    const item = this.stack.length > 0 ? this.stack.at(this.stack.length - 1) : undefined;
    const firstBlock = item !== undefined && item.kind === ContainerKind.Item && item.empty;
    this.occupy();
    if (source.charCodeAt(at) === 91 /* [ */) {
      // A task item: a list item whose first block is a paragraph that starts with a box.
      const task = firstBlock ? taskMarkAt(source, at) : undefined;
      if (task && item) {
        this.paragraph.open(line, at, cursor.indent);
        this.leaf = Leaf.Paragraph;
        this.tasks.push({ line: item.line, checked: task.checked, text: task.text, headingIndex: this.headings.headings.length - 1 });
        this.paragraph.task = true;
        this.paragraph.boxOnly = source.length - at === 3;
        return;
      }
      // A box is followed by a space, a definition's label by `]:`: a line is never both.
      const label = referenceDefinition(source, at);
      if (label !== undefined) {
        this.definitions.add(label);
        return;
      }
    }
    this.paragraph.open(line, at, cursor.indent);
    this.leaf = Leaf.Paragraph;
  }

  private continueParagraph(lazy: boolean): void {
    const paragraph = this.paragraph;
    paragraph.addLine(this.cursor.nextNonspace, this.cursor.indent, lazy);
    if (paragraph.boxOnly) {
      // `[ ]` and a line break: the box is text.
      this.tasks.pop();
      paragraph.task = false;
      paragraph.boxOnly = false;
    }
  }

  /** Closes the containers the line did not continue, and their leaf; then opens a leaf block. */
  private startLeaf(matched: number, line: number, leaf: Leaf): void {
    this.closeUnmatched(matched, line);
    this.closeLeaf(line);
    this.occupy();
    this.leaf = leaf;
  }

  private startContainer(matched: number, line: number): void {
    this.closeUnmatched(matched, line);
    this.closeLeaf(line);
    this.occupy();
  }

  private closeUnmatched(matched: number, line: number): void {
    if (matched >= this.stack.length) return;
    this.closeLeaf(line);
    this.stack.truncate(matched);
  }

  private closeLeaf(line: number): void {
    if (this.leaf === Leaf.Fence) this.fences.push({ start: this.fenceStart, end: line - 1 });
    this.paragraph.close();
    this.leaf = Leaf.None;
  }

  /** Something was put in every open container: a list item that started empty no longer is. */
  private occupy(): void {
    const stack = this.stack;
    for (let i = stack.length - 1; i >= 0 && stack.at(i).empty; i--) stack.at(i).empty = false;
  }
}
