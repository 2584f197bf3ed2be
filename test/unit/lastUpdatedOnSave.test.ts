import * as assert from 'node:assert/strict';
import { applyEdit } from '../../src/core/frontMatter';
import { bodyFingerprint, lastUpdatedStamp, type LastUpdatedOnSave, type SaveStamp } from '../../src/core/lifecycle/lastUpdatedOnSave';

const TODAY = '2026-12-02';
const FRONT = '---\ntech_spec_id: TS-0042\ntitle: Rate limiter\nstatus: DRAFT\nlast_updated: 2026-11-20\n---\n';
const BODY = '\n# TS-0042: Rate limiter\n\n## Executive Summary\n\nLimits requests.\n';
const SAVED = FRONT + BODY;

/** The stamp for saving `text` after `saved` was last saved. */
function stampOf(saved: string, text: string, mode: LastUpdatedOnSave = 'content', today = TODAY): SaveStamp {
  return lastUpdatedStamp({ mode, savedFingerprint: bodyFingerprint(saved), text, today });
}

/** The text as saved: with the stamp's edit, or unchanged. */
function savedText(saved: string, text: string, today = TODAY): string {
  const stamp = stampOf(saved, text, 'content', today);
  return stamp.kind === 'stamp' ? applyEdit(text, stamp.edit) : text;
}

function reason(stamp: SaveStamp): string {
  return stamp.kind === 'none' ? stamp.reason : `stamp from ${stamp.from}`;
}

describe('last_updated on save (techSpec.lastUpdated.onSave)', () => {
  it('sets last_updated to today when the body changed, and changes nothing else', () => {
    const edited = SAVED.replace('Limits requests.', 'Limits requests per client.');
    assert.equal(savedText(SAVED, edited), edited.replace('last_updated: 2026-11-20', `last_updated: ${TODAY}`));
    const stamp = stampOf(SAVED, edited);
    assert.equal(reason(stamp), 'stamp from 2026-11-20');
    assert.ok(stamp.kind === 'stamp');
    // One edit, of the value only: the key, its line and the body stay where they are.
    assert.equal(edited.slice(stamp.edit.start, stamp.edit.end), '2026-11-20');
    assert.equal(stamp.edit.newText, TODAY);
  });

  it('counts added and removed body lines, and a body where there was none', () => {
    assert.equal(reason(stampOf(SAVED, `${SAVED}\n## Scope\n\nMore.\n`)), 'stamp from 2026-11-20');
    assert.equal(reason(stampOf(SAVED, FRONT)), 'stamp from 2026-11-20');
    assert.equal(reason(stampOf(FRONT, SAVED)), 'stamp from 2026-11-20');
  });

  it('does nothing when only the front matter changed', () => {
    const retitled = SAVED.replace('title: Rate limiter', 'title: Request limiter');
    assert.equal(reason(stampOf(SAVED, retitled)), 'body unchanged');
    const restatused = SAVED.replace('status: DRAFT', 'status: IN_REVIEW').replace('last_updated: 2026-11-20', 'last_updated: 2026-11-01');
    assert.equal(reason(stampOf(SAVED, restatused)), 'body unchanged');
    const newKey = SAVED.replace('---\n\n', 'approvals:\n  - by: Ada\n    date: 2026-11-21\n    digest: 000000000000\n---\n\n');
    assert.equal(reason(stampOf(SAVED, newKey)), 'body unchanged');
  });

  it('does nothing when nothing changed, nor for line endings, trailing spaces or blank lines at the end', () => {
    assert.equal(reason(stampOf(SAVED, SAVED)), 'body unchanged');
    assert.equal(reason(stampOf(SAVED, SAVED.replace(/\n/g, '\r\n'))), 'body unchanged');
    assert.equal(reason(stampOf(SAVED, SAVED.replace('Limits requests.', 'Limits requests.   \t'))), 'body unchanged');
    assert.equal(reason(stampOf(SAVED, `${SAVED}\n\n\n`)), 'body unchanged');
  });

  it('does nothing when the date is already today', () => {
    const dated = SAVED.replace('2026-11-20', TODAY);
    assert.equal(reason(stampOf(dated, dated.replace('Limits', 'Caps'))), 'already today');
    const quoted = SAVED.replace('2026-11-20', `'${TODAY}'`);
    assert.equal(reason(stampOf(quoted, quoted.replace('Limits', 'Caps'))), 'already today');
  });

  it('does nothing when the setting is off, or with no baseline to compare with', () => {
    const edited = SAVED.replace('Limits', 'Caps');
    assert.equal(reason(stampOf(SAVED, edited, 'off')), 'off');
    assert.equal(reason(lastUpdatedStamp({ mode: 'content', savedFingerprint: undefined, text: edited, today: TODAY })), 'no baseline');
  });

  it('does not add last_updated to a spec without it', () => {
    const undated = SAVED.replace('last_updated: 2026-11-20\n', '');
    assert.equal(reason(stampOf(undated, undated.replace('Limits', 'Caps'))), 'no last_updated');
  });

  it('does nothing without readable front matter: none, unclosed, invalid YAML, not a map', () => {
    const cases: Array<[string, string]> = [
      ['none', BODY],
      ['unclosed', FRONT.replace(/---\n$/, '') + BODY],
      ['invalid YAML', FRONT.replace('title: Rate limiter', 'title: [Rate limiter') + BODY],
      ['duplicate key', FRONT.replace('status: DRAFT', 'last_updated: 2026-11-01') + BODY],
      ['a list', '---\n- last_updated\n---\n' + BODY],
    ];
    for (const [name, text] of cases) {
      assert.equal(reason(stampOf(text, text.replace('Limits', 'Caps'))), name === 'unclosed' ? 'body unchanged' : 'no front matter', name);
      // Saved with good front matter, then broken: the body changed, and still nothing is written.
      if (name !== 'none') assert.equal(reason(stampOf(SAVED, text.replace('Limits', 'Caps'))), 'no front matter', `${name}, after a good save`);
    }
  });

  it('replaces an empty value or the template placeholder, and leaves other text to the checks', () => {
    const replaced = (value: string) => {
      const text = SAVED.replace('last_updated: 2026-11-20', `last_updated:${value}`);
      const edited = text.replace('Limits', 'Caps');
      // The verified key edit keeps the space that was after the colon: compare without it.
      return savedText(text, edited).split('\n')[4].trimEnd();
    };
    assert.equal(replaced(''), `last_updated: ${TODAY}`);
    assert.equal(replaced(' '), `last_updated: ${TODAY}`);
    assert.equal(replaced(' ~'), `last_updated: ${TODAY}`);
    assert.equal(replaced(' YYYY-MM-DD'), `last_updated: ${TODAY}`);
    assert.equal(replaced(' "2026-11-20"'), `last_updated: ${TODAY}`);
    assert.equal(replaced(' 2026-11-20   # set by hand'), `last_updated: ${TODAY}   # set by hand`);
    assert.equal(replaced(' 2026-11-20 # set by hand'), `last_updated: ${TODAY} # set by hand`);
    // A later date (a colleague's clock ahead) is still a date: today is what the save says.
    assert.equal(replaced(' 2027-01-01'), `last_updated: ${TODAY}`);
    for (const kept of [' last week', ' 2026-02-30', ' 20261120', ' [2026-11-20]', ' {on: 2026-11-20}', ' 2026-11-20T10:00:00Z']) {
      assert.equal(replaced(kept), `last_updated:${kept}`, kept);
      const text = SAVED.replace('last_updated: 2026-11-20', `last_updated:${kept}`);
      assert.equal(reason(stampOf(text, text.replace('Limits', 'Caps'))), 'not a date', kept);
    }
    const block = SAVED.replace('last_updated: 2026-11-20', 'last_updated:\n  - 2026-11-20');
    assert.equal(reason(stampOf(block, block.replace('Limits', 'Caps'))), 'not a date');
  });

  it('refuses an edit that the verified key edit cannot make safely (an anchored date that an alias repeats)', () => {
    // An alias read from another key: the alias is replaced by the date, the anchor's key keeps its own.
    const aliased = SAVED.replace('last_updated: 2026-11-20', 'created: &day 2026-11-20\nlast_updated: *day');
    assert.equal(savedText(aliased, aliased.replace('Limits', 'Caps')), aliased.replace('Limits', 'Caps').replace('last_updated: *day', `last_updated: ${TODAY}`));
    const shared = SAVED.replace('last_updated: 2026-11-20', 'last_updated: &day 2026-11-20\nreviewed: *day');
    assert.equal(reason(stampOf(shared, shared.replace('Limits', 'Caps'))), 'unsafe');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = `\uFEFF${SAVED.replace(/\n/g, '\r\n')}`;
    const edited = crlf.replace('Limits', 'Caps');
    assert.equal(savedText(crlf, edited), edited.replace('2026-11-20', TODAY));
  });

  it('the fingerprint ignores the front matter and what approvals ignore', () => {
    assert.equal(bodyFingerprint(SAVED), bodyFingerprint(SAVED.replace('DRAFT', 'APPROVED')));
    assert.equal(bodyFingerprint(SAVED), bodyFingerprint(SAVED.replace(/\n/g, '\r\n')));
    assert.notEqual(bodyFingerprint(SAVED), bodyFingerprint(SAVED.replace('Limits', 'Caps')));
  });
});
