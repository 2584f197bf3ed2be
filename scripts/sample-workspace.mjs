// Copies samples/workspace for `npm start` and `npm run screenshots`, moving its front-matter dates
// forward by the days since the samples were written: a demo on any day shows the same fresh drafts
// and the same problems, not a workspace of specs gone stale.
import fs from 'node:fs';
import path from 'node:path';

export const SAMPLE_WORKSPACE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'samples', 'workspace');
/** The day the sample dates are relative to. */
const WRITTEN_ON = '2026-11-29';
const DATE_LINE = /^(created|last_updated):([ \t]*)(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function copySampleWorkspace(destination, today = new Date()) {
  fs.cpSync(SAMPLE_WORKSPACE, destination, { recursive: true });
  const shift = Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.parse(`${WRITTEN_ON}T00:00:00Z`)) / DAY_MS);
  if (shift <= 0) return destination;
  for (const file of fs.readdirSync(destination, { recursive: true })) {
    if (!String(file).endsWith('.md')) continue;
    const target = path.join(destination, String(file));
    const text = fs.readFileSync(target, 'utf8');
    const shifted = shiftFrontMatterDates(text, shift);
    if (shifted !== text) fs.writeFileSync(target, shifted);
  }
  return destination;
}

/** The text with the front matter's `created` and `last_updated` moved `days` later; nothing else changes. */
export function shiftFrontMatterDates(text, days) {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') return text;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\r?$/.test(lines[i])) break;
    const match = DATE_LINE.exec(lines[i]);
    if (!match) continue;
    const [whole, key, gap, year, month, day] = match;
    const moved = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)) + days * DAY_MS).toISOString().slice(0, 10);
    lines[i] = `${key}:${gap}${moved}${lines[i].slice(whole.length)}`;
  }
  return lines.join('\n');
}
