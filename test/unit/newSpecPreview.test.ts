import * as assert from 'node:assert/strict';
import { newSpecPreview } from '../../src/core/newSpecPreview';

describe('New Tech Spec preview under the title prompt', () => {
  it('names the id and the path it will write, with <slug> until a title is typed', () => {
    assert.equal(newSpecPreview('TS-0009', 'docs/specs', ''), 'TS-0009 → docs/specs/TS-0009-<slug>.md');
    assert.equal(newSpecPreview('TS-0009', 'docs/specs', '   '), 'TS-0009 → docs/specs/TS-0009-<slug>.md');
  });

  it('follows the title as it is typed, as the file name will be made', () => {
    assert.equal(newSpecPreview('TS-0009', 'docs/specs', 'Payment retries'), 'TS-0009 → docs/specs/TS-0009-payment-retries.md');
    assert.equal(newSpecPreview('TS-0010', './design/', 'Über Café: v2!'), 'TS-0010 → design/TS-0010-uber-cafe-v2.md');
  });

  it('writes a file at the workspace root without a leading slash', () => {
    assert.equal(newSpecPreview('RFC-0001', '.', 'X'), 'RFC-0001 → RFC-0001-x.md');
    assert.equal(newSpecPreview('RFC-0001', 'specs\\nested', 'X'), 'RFC-0001 → specs/nested/RFC-0001-x.md');
  });
});
