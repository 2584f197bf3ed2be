import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentDigest, readApprovals } from '../../src/core/lifecycle/approvals';
import { makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { FILLED, REPO_ROOT, removeSection, withFrontMatter } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const TODAY = { TECHSPEC_TODAY: '2026-12-01' };
const SPEC = 'docs/specs/TS-0001-payment-retries.md';
const run = (cwd: string, args: readonly string[]) => runCli(CLI, cwd, args, TODAY);
const owned = { 'docs/rfcs/RFC-0007-auth.md': '---\nrfc_id: RFC-0007\n---\n', 'docs/prd/PRD-0012-login.md': '---\nprd_id: PRD-0012\n---\n' };

describe('techspec status and approve (dist/cli.js)', () => {
  after(removeFolders);

  it('status: exit 2 for a move the lifecycle does not allow, even forced; nothing written', () => {
    const root = makeFolder({ ...owned, [SPEC]: FILLED });
    const result = run(root, ['status', 'TS-0001', 'APPROVED', '--force']);
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr, `techspec: ${SPEC}: The lifecycle does not allow DRAFT → APPROVED: it may move to IN_REVIEW.\n`);
    assert.equal(fs.readFileSync(path.join(root, SPEC), 'utf8'), FILLED);
  });

  it('status: exit 1 with the problems when the guard fails; --force applies status and last_updated', () => {
    const text = removeSection(FILLED, 'Data Model');
    const root = makeFolder({ ...owned, [SPEC]: text });
    const refused = run(root, ['status', SPEC, 'IN_REVIEW']);
    assert.equal(refused.status, 1);
    assert.equal(refused.stderr, `${SPEC}: DRAFT → IN_REVIEW refused; --force sets it anyway:\n  - Missing section "## Data Model".\n`);
    assert.equal(fs.readFileSync(path.join(root, SPEC), 'utf8'), text);
    const forced = run(root, ['status', SPEC, 'IN_REVIEW', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(forced.stdout, `${SPEC}: DRAFT → IN_REVIEW, forced past:\n  - Missing section "## Data Model".\n`);
    assert.equal(fs.readFileSync(path.join(root, SPEC), 'utf8'), text.replace('status: DRAFT', 'status: IN_REVIEW').replace('last_updated: 2026-05-20', 'last_updated: 2026-12-01'));
  });

  it('approve records the entry; lint then reports it stale once the body changes', () => {
    const root = makeFolder({ ...owned, [SPEC]: withFrontMatter({ status: 'IN_REVIEW' }) });
    const approved = run(root, ['approve', 'TS-0001', '--by', 'Ana', '--role', 'lead']);
    assert.equal(approved.status, 0, approved.stderr);
    const text = fs.readFileSync(path.join(root, SPEC), 'utf8');
    assert.equal(approved.stdout, `${SPEC}: approved by Ana (lead) on 2026-12-01, digest ${contentDigest(text)}\n`);
    assert.deepEqual(readApprovals(text).map(({ by, role, date }) => [by, role, date]), [['Ana', 'lead', '2026-12-01']]);
    assert.equal(run(root, ['lint', SPEC]).stdout.includes('TS031'), false);
    fs.writeFileSync(path.join(root, SPEC), `${text}\nA late change.\n`);
    const lint = run(root, ['lint', SPEC, '--format', 'json']);
    const findings = (JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ code: string; message: string }> }> }).files[0].findings;
    assert.deepEqual(findings.filter(({ code }) => code.startsWith('TS03')).map(({ code, message }) => [code, message]), [['TS031', 'Approval by Ana is stale: approved content changed since 2026-12-01.']]);
  });
});
