// Escaping and link checks for HTML built from untrusted document text.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * The href itself when it is safe to render: an http(s) URL, or a relative path (no scheme, no
 * `//host`, no backslashes that a browser would read as slashes). Anything else gives undefined.
 */
export function safeHref(href: string): string | undefined {
  const value = href.trim();
  // \s covers tabs and line breaks; other control characters are refused by code point.
  if (value === '' || /[\s<>"'`\\]/.test(value) || [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return undefined;
  if (/^https?:\/\/[^/]/i.test(value)) return value;
  if (value.startsWith('//')) return undefined;
  // A colon before the first slash, `?` or `#` is a scheme (javascript:, command:, data:...).
  const firstSeparator = value.search(/[/?#]/);
  const head = firstSeparator < 0 ? value : value.slice(0, firstSeparator);
  return head.includes(':') ? undefined : value;
}

/** The path from one '/'-separated workspace-relative file to another, for a relative link. */
export function relativeHref(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].map(encodePathSegment).join('/');
}

/** Percent-encodes what a path segment cannot hold as is (spaces, `#`, `?`, `%`), keeping `..`. */
export function encodePathSegment(segment: string): string {
  // encodeURIComponent leaves ( ) ' ! * alone; ( and ) would end a Markdown link destination.
  return segment === '..' ? segment : encodeURIComponent(segment).replace(/%40/g, '@').replace(/[()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
