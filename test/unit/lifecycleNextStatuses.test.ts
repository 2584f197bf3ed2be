import * as assert from 'node:assert/strict';
import type { GuardInput } from '../../src/core/lifecycle/guards';
import { confirmChoices, nextStatuses, notReadyMessage, readiness, SET_ANYWAY, statusChoices } from '../../src/core/lifecycle/nextStatuses';
import { DEFAULT_LIFECYCLE } from '../../src/core/lifecycle/settings';
import { parseDocumentText } from '../../src/core/parse';
import { PRD_URI, RFC_URI, TEMPLATE, TODAY, URI, lintConfig, removeSection, withFrontMatter } from './lintFixtures';

function guardInput(text: string): GuardInput {
  return {
    uri: URI,
    parsed: parseDocumentText(text),
    template: TEMPLATE,
    config: lintConfig(),
    workspace: { owners: (id) => ({ 'TS-0001': [URI], 'RFC-0007': [RFC_URI], 'PRD-0012': [PRD_URI] })[id] ?? [] },
    today: TODAY,
    checklistSection: 'Implementation Checklist',
  };
}

describe('lifecycle: the next statuses and their readiness (Set Status pick, check_spec)', () => {
  it('lists every allowed next status in the lifecycle order, each with its guard problems', () => {
    const text = removeSection(withFrontMatter({ status: 'IN_REVIEW' }), 'Data Model');
    assert.deepEqual(nextStatuses(guardInput(text), DEFAULT_LIFECYCLE), {
      from: 'IN_REVIEW',
      next: [
        { status: 'DRAFT', problems: [] },
        { status: 'APPROVED', problems: ['Missing section "## Data Model".', 'Needs 1 current approval, has 0.'] },
      ],
    });
  });

  it('a status the lifecycle leads nowhere from, and no status at all, have no next status', () => {
    assert.deepEqual(nextStatuses(guardInput(withFrontMatter({ status: 'SUPERSEDED' })), DEFAULT_LIFECYCLE), { from: 'SUPERSEDED', next: [] });
    assert.deepEqual(nextStatuses(guardInput(withFrontMatter({ status: null })), DEFAULT_LIFECYCLE), { from: '', next: [] });
  });

  it('the pick marks each status ready or with its count of problems, listed below it', () => {
    assert.deepEqual(
      statusChoices([
        { status: 'DRAFT', problems: [] },
        { status: 'APPROVED', problems: ['a.', 'b.'] },
        { status: 'IMPLEMENTED', problems: ['c.'] },
      ]),
      [
        { label: 'DRAFT', description: 'ready', detail: undefined, status: 'DRAFT', problems: [] },
        { label: 'APPROVED', description: '2 problems', detail: 'a. · b.', status: 'APPROVED', problems: ['a.', 'b.'] },
        { label: 'IMPLEMENTED', description: '1 problem', detail: 'c.', status: 'IMPLEMENTED', problems: ['c.'] },
      ],
    );
    assert.equal(readiness([]), 'ready');
  });

  it('a pick with problems asks "Set anyway" first, then keeping the status; strict or ready asks nothing', () => {
    const picked = { status: 'IN_REVIEW', problems: ['Missing section "## Data Model".'] };
    assert.deepEqual(confirmChoices('DRAFT', picked, false), [
      { label: SET_ANYWAY, description: 'DRAFT → IN_REVIEW', detail: 'Missing section "## Data Model".', force: true },
      { label: 'Keep DRAFT', description: 'change nothing', force: false },
    ]);
    assert.equal(confirmChoices('DRAFT', picked, true), undefined);
    assert.equal(confirmChoices('DRAFT', { status: 'IN_REVIEW', problems: [] }, false), undefined);
    assert.deepEqual(confirmChoices('', picked, false)?.map((choice) => [choice.label, choice.description]), [
      [SET_ANYWAY, '(no status) → IN_REVIEW'],
      ['Keep no status', 'change nothing'],
    ]);
    assert.equal(notReadyMessage(picked, false), 'IN_REVIEW is not ready (1 problem): Missing section "## Data Model".');
    assert.equal(notReadyMessage(picked, true), 'IN_REVIEW is not ready (1 problem): Missing section "## Data Model". The lifecycle is strict: fix these first.');
  });
});
