// Turning file bytes into text safely. TextDecoder is a global in Node, browsers and workers.

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

const SNIFF_BYTES = 8000;

/** Decodes UTF-8 (or UTF-16 with a BOM). NUL bytes mean binary: skipped, with a reason. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    // Keep going with replacement characters, and say so.
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(start)), warning: 'not valid UTF-8: invalid bytes were read as U+FFFD' };
  }
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
