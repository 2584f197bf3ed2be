/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  // Unicode property classes are slow; printable ASCII, the usual case, takes a plain loop.
  let slug = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) slug += String.fromCharCode(code + 32);
    else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45) slug += text[i];
    else if (code === 32) slug += '-';
    else if (code < 32 || code > 126) return unicodeSlug(text);
  }
  return slug;
}

/**
 * Whether githubSlug(text) is `slug`, decided at the first character that differs: no slug is
 * built. A character outside printable ASCII leaves the decision to githubSlug, which slugs such
 * text apart; the printable ASCII before it maps the same way there, so an earlier difference stands.
 */
export function hasSlug(text: string, slug: string): boolean {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 32 || code > 126) return githubSlug(text) === slug;
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 32) code = 45;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45)) continue;
    if (slug.charCodeAt(length++) !== code) return false;
  }
  return length === slug.length;
}

function unicodeSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = githubSlug(text);
    let count = this.seen.get(base);
    if (count === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    let candidate: string;
    do {
      count++;
      candidate = `${base}-${count}`;
    } while (this.seen.has(candidate));
    this.seen.set(base, count);
    this.seen.set(candidate, 0);
    return candidate;
  }
}
