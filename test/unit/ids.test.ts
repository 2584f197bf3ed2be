import * as assert from 'node:assert/strict';
import { formatId, idFromFileName, idRegExp, isValidPrefix, nextFreeId, parseId } from '../../src/core/ids';

const PREFIXES = ['TS', 'RFC', 'PRD'];

describe('ids', () => {
  describe('parseId', () => {
    it('splits prefix, digits and number', () => {
      assert.deepEqual(parseId('RFC-0007'), { prefix: 'RFC', digits: '0007', number: 7 });
      assert.deepEqual(parseId('TS-1'), { prefix: 'TS', digits: '1', number: 1 });
      assert.deepEqual(parseId('  PRD-0120  '), { prefix: 'PRD', digits: '0120', number: 120 });
      assert.deepEqual(parseId('Team_2-000000000042'), { prefix: 'Team_2', digits: '000000000042', number: 42 });
    });

    it('rejects anything else', () => {
      for (const value of ['', 'RFC', 'RFC-', 'RFC0007', '-0007', '7RFC-1', 'RFC-0007a', 'RFC-7.1', 'RFC -7', 'RFC--7', 'RFC-1234567890123', 'R F-1', '_RFC-1', 'RFC-0007 RFC-0008']) {
        assert.equal(parseId(value), undefined, value);
      }
    });

    it('filters by prefix when given, case-sensitively', () => {
      assert.ok(parseId('RFC-0007', PREFIXES));
      assert.equal(parseId('ADR-0007', PREFIXES), undefined);
      assert.equal(parseId('rfc-0007', PREFIXES), undefined);
      assert.equal(parseId('RFC-0007', []), undefined);
    });
  });

  describe('formatId', () => {
    it('pads to the digit count and never truncates', () => {
      assert.equal(formatId('TS', 7, 4), 'TS-0007');
      assert.equal(formatId('TS', 42, 1), 'TS-42');
      assert.equal(formatId('RFC', 12345, 4), 'RFC-12345');
      assert.equal(formatId('PRD', 1, 6), 'PRD-000001');
      assert.equal(formatId('TS', 0, 3), 'TS-000');
    });

    it('formats what parseId reads back', () => {
      for (const [number, digits] of [
        [1, 4],
        [9999, 4],
        [10000, 4],
        [5, 12],
      ]) {
        const id = formatId('TS', number, digits);
        assert.equal(parseId(id)?.number, number, id);
      }
    });
  });

  describe('nextFreeId', () => {
    it('starts at 1 with the configured digits', () => {
      assert.equal(nextFreeId([], 'TS', 4), 'TS-0001');
      assert.equal(nextFreeId(new Set<string>(), 'RFC', 6), 'RFC-000001');
      assert.equal(nextFreeId([], 'TS', 1), 'TS-1');
    });

    it('follows the highest id and never reuses a gap', () => {
      assert.equal(nextFreeId(['TS-0001', 'TS-0003'], 'TS', 4), 'TS-0004');
      assert.equal(nextFreeId(['TS-0009', 'TS-0002'], 'TS', 4), 'TS-0010');
      assert.equal(nextFreeId(['TS-9999'], 'TS', 4), 'TS-10000');
      assert.equal(nextFreeId(['TS-7'], 'TS', 4), 'TS-0008');
    });

    it('ignores other prefixes and values that are not ids', () => {
      assert.equal(nextFreeId(['RFC-0009', 'TS-0002', 'TSX-0050', 'XTS-0040', 'ts-0030', 'TS-0020a', 'nonsense'], 'TS', 4), 'TS-0003');
    });

    it('takes any iterable', () => {
      function* known() {
        yield 'TS-0004';
        yield 'TS-0001';
      }
      assert.equal(nextFreeId(known(), 'TS', 4), 'TS-0005');
      assert.equal(nextFreeId(new Map([['TS-0011', 1]]).keys(), 'TS', 4), 'TS-0012');
    });
  });

  describe('idFromFileName', () => {
    it('reads the id a file name starts with', () => {
      assert.equal(idFromFileName('RFC-0007-auth.md', PREFIXES), 'RFC-0007');
      assert.equal(idFromFileName('RFC-0007.md', PREFIXES), 'RFC-0007');
      assert.equal(idFromFileName('TS-12_notes.md', PREFIXES), 'TS-12');
      assert.equal(idFromFileName('docs/specs/PRD-0003 Checkout.md', PREFIXES), 'PRD-0003');
      assert.equal(idFromFileName('file:///w/docs/RFC-0007-auth.md', PREFIXES), 'RFC-0007');
      assert.equal(idFromFileName('C:\\work\\docs\\RFC-0007-auth.md', PREFIXES), 'RFC-0007');
    });

    it('needs a known prefix at the start of the base name', () => {
      assert.equal(idFromFileName('XRFC-0007.md', PREFIXES), undefined);
      assert.equal(idFromFileName('notes-RFC-0007.md', PREFIXES), undefined);
      assert.equal(idFromFileName('rfc-0007.md', PREFIXES), undefined);
      assert.equal(idFromFileName('ADR-0007.md', PREFIXES), undefined);
      assert.equal(idFromFileName('RFC-0007/notes.md', PREFIXES), undefined);
      assert.equal(idFromFileName('RFC-.md', PREFIXES), undefined);
      assert.equal(idFromFileName('RFC-1234567890123.md', PREFIXES), undefined);
      assert.equal(idFromFileName('', PREFIXES), undefined);
    });
  });

  describe('prefixes', () => {
    it('accepts letters first, then letters, digits and underscores', () => {
      for (const prefix of ['TS', 'RFC', 'a', 'Team_2', 'X1']) assert.ok(isValidPrefix(prefix), prefix);
      for (const prefix of ['', '1TS', '_TS', 'T-S', 'T S', 'T.S', 'TS-']) assert.ok(!isValidPrefix(prefix), prefix);
    });

    it('builds a pattern that never matches when there is no prefix', () => {
      assert.equal('RFC-0007 -1'.match(idRegExp([])), null);
      assert.equal('RFC-0007 -1'.match(idRegExp([''])), null);
    });

    it('captures the prefix and the digits, with the flags asked for', () => {
      const pattern = idRegExp(['TS', 'RFC'], '');
      assert.equal(pattern.flags, '');
      const match = pattern.exec('see RFC-0042.');
      assert.ok(match);
      assert.deepEqual([match[0], match[1], match[2], match.index], ['RFC-0042', 'RFC', '0042', 4]);
      assert.equal(idRegExp(['TS']).flags, 'g');
    });

    it('prefers no shorter prefix inside a longer one', () => {
      assert.deepEqual('TSX-1 TS-2'.match(idRegExp(['TS', 'TSX'])), ['TSX-1', 'TS-2']);
      assert.deepEqual('TSX-1'.match(idRegExp(['TS'])), null);
    });
  });
});
