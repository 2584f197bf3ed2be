import * as assert from 'node:assert/strict';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { closestIds, idFieldFor, stubDocument, stubFileName } from '../../src/core/referenceFixes';

const KNOWN = [
  { id: 'RFC-0007', title: 'Short-lived Auth Tokens' },
  { id: 'RFC-0010', title: 'Retry Policy' },
  { id: 'RFC-0090', title: 'Search Ranking' },
  { id: 'RFC-0100', title: 'Billing' },
  { id: 'PRD-0099', title: 'Login' },
];

describe('unknown reference quick fixes', () => {
  it('ranks known ids of the same prefix: title words in the citing line first, then one mistyped digit, then numeric distance', () => {
    assert.deepEqual(closestIds('RFC-0099', KNOWN, 'the retry policy is in RFC-0099').map((doc) => doc.id), ['RFC-0010', 'RFC-0090', 'RFC-0100']);
    assert.deepEqual(closestIds('RFC-0099', KNOWN).map((doc) => doc.id), ['RFC-0090', 'RFC-0100', 'RFC-0010']);
    assert.deepEqual(closestIds('RFC-0099', KNOWN, '', 5).map((doc) => doc.id), ['RFC-0090', 'RFC-0100', 'RFC-0010', 'RFC-0007']);
  });

  it('offers nothing for another prefix, a malformed id, or the id itself', () => {
    assert.deepEqual(closestIds('ADR-0001', KNOWN), []);
    assert.deepEqual(closestIds('RFC-x', KNOWN), []);
    assert.ok(!closestIds('RFC-0007', KNOWN, '', 10).some((doc) => doc.id === 'RFC-0007'));
  });

  it('writes a stub that owns the id and reads as valid front matter, whatever the title', () => {
    for (const title of ['', 'Retry Policy', 'yes', 'a: b # c', '"quoted"', '0042']) {
      const text = stubDocument('RFC-0999', 'rfc_id', title, 'DRAFT');
      const front = parseFrontMatter(text);
      assert.equal(front.problems.length, 0, title);
      assert.equal(front.data?.rfc_id, 'RFC-0999');
      assert.equal(front.data?.title ?? '', title === '' ? '' : title, title);
      assert.equal(front.data?.status, 'DRAFT');
    }
    assert.equal(stubDocument('RFC-0999', 'rfc_id', '', 'DRAFT'), '---\nrfc_id: RFC-0999\ntitle: \nstatus: DRAFT\n---\n\n# RFC-0999\n');
  });

  it('names the file and the id field after the prefix', () => {
    assert.equal(stubFileName('RFC-0999', ''), 'RFC-0999.md');
    assert.equal(stubFileName('RFC-0999', 'Retry Policy'), 'RFC-0999-retry-policy.md');
    const fields = ['tech_spec_id', 'rfc_id', 'prd_id', 'id'];
    assert.equal(idFieldFor('RFC', fields, 'TS'), 'rfc_id');
    assert.equal(idFieldFor('TS', fields, 'TS'), 'tech_spec_id');
    assert.equal(idFieldFor('ADR', fields, 'TS'), 'id');
    assert.equal(idFieldFor('ADR', ['adr'], 'TS'), 'adr');
  });
});
