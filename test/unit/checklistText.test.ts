import * as assert from 'node:assert/strict';
import { progressText } from '../../src/core/checklistText';
import { checklistProgress, scanOutline } from '../../src/core/outline';

describe('progressText: one formatter for checklist progress', () => {
  it('says done/total, "-" for a section without tasks, "no section" without the section', () => {
    assert.deepEqual(
      [
        progressText({ done: 4, total: 9, found: true }),
        progressText({ done: 0, total: 0, found: true }),
        progressText({ done: 0, total: 0, found: false }),
        progressText({ done: 2, total: 3 }),
      ],
      ['4/9', '-', 'no section', '2/3'],
    );
  });

  it('reads the outline as the index counts it', () => {
    const withTasks = scanOutline('# T\n\n## Implementation Checklist\n\n- [x] a\n- [ ] b\n');
    const without = scanOutline('# T\n\n## Summary\n\n- [x] a\n');
    assert.deepEqual([progressText(checklistProgress(withTasks)), progressText(checklistProgress(without))], ['1/2', 'no section']);
  });
});
