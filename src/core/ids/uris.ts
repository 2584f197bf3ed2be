// URI strings as the index keeps them (`file:///…`, `vscode-vfs://host/…`), read without a URI library:
// enough to name a file, swap the id at the start of its name, and resolve a relative link.

interface UriParts {
  readonly head: string;
  /** The path as written in the URI: percent-encoded, starting with '/'. */
  readonly path: string;
  /** Query and fragment, kept as they are. */
  readonly tail: string;
}

function parts(uri: string): UriParts | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)(.*)$/s.exec(uri);
  if (!match || !match[2].startsWith('/')) return undefined;
  return { head: match[1], path: match[2], tail: match[3] };
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The decoded path of a URI, with its scheme and authority in front so that two hosts never compare equal. */
export function uriPath(uri: string): string | undefined {
  const split = parts(uri);
  if (!split) return undefined;
  return `${split.head.toLowerCase()}${split.path.split('/').map(decodeSegment).join('/')}`;
}

export function samePath(a: string, b: string): boolean {
  return a === b;
}

/** The decoded last segment of a URI's path: the file name. */
export function uriBaseName(uri: string): string {
  const split = parts(uri);
  const path = split ? split.path : uri;
  return decodeSegment(path.slice(path.lastIndexOf('/') + 1));
}

/** The id that a file name starts with, if it is exactly this one (`TS-0042-x.md`, `TS-0042.md`; not `TS-00421.md`). */
export function nameStartsWithId(name: string, id: string): boolean {
  return name.startsWith(id) && !/^[0-9A-Za-z_]/.test(name.slice(id.length));
}

/** The URI with the id at the start of its file name replaced, or undefined when the name does not start with it. */
export function fileNameWithId(uri: string, oldId: string, newId: string): string | undefined {
  const split = parts(uri);
  if (!split) return undefined;
  const cut = split.path.lastIndexOf('/') + 1;
  const name = split.path.slice(cut);
  // Ids are ASCII letters, digits, '-' and '_': percent-encoding leaves them as they are.
  if (!nameStartsWithId(name, oldId)) return undefined;
  return `${split.head}${split.path.slice(0, cut)}${newId}${name.slice(oldId.length)}${split.tail}`;
}

/**
 * The decoded path (with scheme and authority, as uriPath gives it) that a relative link from the
 * document at `from` points to; undefined for links with a scheme, root-relative or empty paths.
 */
export function resolveRelative(from: string, linkPath: string): string | undefined {
  const split = parts(from);
  if (!split || linkPath === '' || linkPath.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(linkPath)) return undefined;
  // The first segment is the '' before the leading '/'; the last is the document's own name.
  const segments = split.path.split('/').map(decodeSegment);
  segments.pop();
  for (const segment of linkPath.replace(/\\/g, '/').split('/').map(decodeSegment)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length <= 1) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return `${split.head.toLowerCase()}${segments.join('/')}`;
}
