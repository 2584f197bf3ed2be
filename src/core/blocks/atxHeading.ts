import { isSpaceOrTab } from '../lineShapes';

export { atxHashes } from '../lineShapes';

/** An ATX heading's text after its opening `#`s: trimmed, without the optional closing run of `#`. Linear, no regex backtracking. */
export function atxContent(line: string, from: number): string {
  let end = line.length;
  while (end > from && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > from && line.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === from || isSpaceOrTab(line.charCodeAt(hashes - 1)))) end = hashes;
  let start = from;
  while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  return line.slice(start, end);
}
