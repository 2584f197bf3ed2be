import { frontMatterEdit, getField, parseFrontMatter, type FrontMatterEdit } from '../frontMatter';
import { isRealDate } from '../lint/rules';
import { contentDigest } from './approvals';

/** `techSpec.lastUpdated.onSave`: leave `last_updated` alone, or set it to today when a save changed the body. */
export type LastUpdatedOnSave = 'off' | 'content';
export const LAST_UPDATED_ON_SAVE_MODES: readonly LastUpdatedOnSave[] = ['off', 'content'];

export const LAST_UPDATED_KEY = 'last_updated';

/**
 * What a save is compared with: the body's digest (as approvals have it), so that line endings,
 * trailing spaces and the front matter do not count as a change of content.
 */
export function bodyFingerprint(text: string): string {
  return contentDigest(text);
}

export interface SaveStampInput {
  readonly mode: LastUpdatedOnSave;
  /** bodyFingerprint of the text as last saved (or as opened); undefined when not known. */
  readonly savedFingerprint: string | undefined;
  /** The text about to be saved. */
  readonly text: string;
  /** YYYY-MM-DD, from the caller's clock. */
  readonly today: string;
}

/** Why a save leaves `last_updated` as it is. */
export type NoStampReason =
  | 'off'
  | 'no baseline'
  | 'body unchanged'
  | 'no front matter'
  | 'no last_updated'
  | 'already today'
  | 'not a date'
  | 'unsafe';

export type SaveStamp = { readonly kind: 'stamp'; readonly edit: FrontMatterEdit; readonly from: string } | { readonly kind: 'none'; readonly reason: NoStampReason };

/** The template's placeholder, which a spec that was never stamped may still hold. */
const DATE_PLACEHOLDER = /^Y{4}-M{2}-D{2}$/i;

/**
 * The one front-matter edit that a save makes: `last_updated` to today when the body differs from
 * the last save. A missing key is not added (the spec did not ask to be dated; the checks say it is
 * missing), and a value that is neither a date, the template's placeholder nor empty is left to the
 * checks (TS007), since replacing it would lose what the user wrote there.
 */
export function lastUpdatedStamp(input: SaveStampInput): SaveStamp {
  const none = (reason: NoStampReason): SaveStamp => ({ kind: 'none', reason });
  if (input.mode !== 'content') return none('off');
  if (input.savedFingerprint === undefined) return none('no baseline');
  if (bodyFingerprint(input.text) === input.savedFingerprint) return none('body unchanged');
  const frontMatter = parseFrontMatter(input.text);
  if (frontMatter.kind !== 'closed' || frontMatter.data === undefined) return none('no front matter');
  if (!getField(frontMatter, LAST_UPDATED_KEY)) return none('no last_updated');
  const current = dateText(frontMatter.data[LAST_UPDATED_KEY]);
  if (current === undefined) return none('not a date');
  if (current === input.today) return none('already today');
  const edit = frontMatterEdit(input.text, LAST_UPDATED_KEY, input.today);
  if (!edit || input.text.slice(edit.start, edit.end) === edit.newText) return none('unsafe');
  return { kind: 'stamp', edit, from: current };
}

/** The value as a date the stamp may replace: a real date, the placeholder, or '' for an empty value; undefined for anything else. */
function dateText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' || isRealDate(text) || DATE_PLACEHOLDER.test(text) ? text : undefined;
}
