import type { Heading } from '../outline';
import type { ParsedDocument } from '../parse';
import { sectionKey, type TemplateModel } from './templateModel';

export { SECTION_LEVEL } from './templateModel';

/** Where a spec has one of the template's sections. */
export type SectionMatch =
  | { readonly kind: 'found'; readonly heading: Heading; /** Its place among the spec's headings of the section level. */ readonly index: number }
  | { readonly kind: 'level'; readonly heading: Heading }
  | { readonly kind: 'missing' };

/**
 * The spec's heading for each template section, in the template's order: the first heading of
 * the section's level whose text (optional marker and HTML comments aside) is the section's name;
 * else the first such heading at another level; else none. Text, not the de-duplicated anchor:
 * a `#### Testing Strategy` above `## Testing Strategy` does not hide the section.
 */
export function matchSections(parsed: ParsedDocument, template: TemplateModel): SectionMatch[] {
  const atLevel = new Map<string, { heading: Heading; index: number }>();
  const elsewhere = new Map<string, Heading>();
  const levelCounts = new Map<number, number>();
  const wanted = new Set(template.sections.map((section) => `${section.level}|${section.key}`));
  const names = new Set(template.sections.map((section) => section.key));
  for (const heading of parsed.outline.headings) {
    const index = levelCounts.get(heading.level) ?? 0;
    levelCounts.set(heading.level, index + 1);
    const key = sectionKey(heading, parsed.lines, template.optionalMarkers);
    if (!names.has(key)) continue;
    const levelKey = `${heading.level}|${key}`;
    if (wanted.has(levelKey)) {
      if (!atLevel.has(levelKey)) atLevel.set(levelKey, { heading, index });
    } else if (!elsewhere.has(key)) {
      elsewhere.set(key, heading);
    }
  }
  return template.sections.map((section): SectionMatch => {
    const found = atLevel.get(`${section.level}|${section.key}`);
    if (found) return { kind: 'found', heading: found.heading, index: found.index };
    const other = elsewhere.get(section.key);
    return other ? { kind: 'level', heading: other } : { kind: 'missing' };
  });
}

/** The index of the first heading (any level) whose section name is `key`, or -1. */
export function findSectionHeading(parsed: ParsedDocument, key: string, markers: readonly string[]): number {
  return parsed.outline.headings.findIndex((heading) => sectionKey(heading, parsed.lines, markers) === key);
}
