// The CLI with document types: .techspec.json declares them; list covers every type or one
// (--type), lint checks each document against its own type's template, new --type creates one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { ADR_USE_POSTGRES } from '../support/documentFixtures';
import { FILLED, REPO_ROOT } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = (root: string, args: readonly string[]) => runCli(CLI, root, args);

const RFC = '---\nrfc_id: RFC-0007\ntitle: Auth Tokens\nstatus: ACCEPTED\n---\n# RFC-0007: Auth Tokens\n';

function typedWorkspace(declared: boolean): string {
  return makeFolder({
    ...(declared ? { '.techspec.json': JSON.stringify({ documentTypes: [{ prefix: 'ADR', folder: 'docs/adr' }] }) } : {}),
    'docs/specs/TS-0001-payment-retries.md': FILLED,
    'docs/rfcs/RFC-0007-auth-tokens.md': RFC,
    'docs/rfcs/RFC-0010-retry.md': '# RFC-0010: Retry Policy\n',
    'docs/adr/ADR-0001-use-postgres.md': ADR_USE_POSTGRES,
    'docs/adr/ADR-0002-queues.md': ADR_USE_POSTGRES.replace(/ADR-0001/g, 'ADR-0002').replace('status: ACCEPTED', 'status: DONE').replace('## Consequences\n\nQueries get simpler.\n', ''),
    'README.md': '# Project\n',
  });
}

const json = (root: string, args: readonly string[]) => JSON.parse(run(root, [...args, '--format', 'json']).stdout) as Array<Record<string, string>>;

describe('techspec CLI: document types', () => {
  after(removeFolders);

  it('list: tech specs only without declared types, every type with them, one type with --type', () => {
    const plain = typedWorkspace(false);
    assert.deepEqual(json(plain, ['list']).map((row) => row.id), ['TS-0001']);
    assert.deepEqual(json(plain, ['list', '--type', 'RFC']), [
      { id: 'RFC-0007', status: 'ACCEPTED', title: 'Auth Tokens', progress: 'no section', path: 'docs/rfcs/RFC-0007-auth-tokens.md' },
      { id: 'RFC-0010', status: '', title: 'Retry Policy', progress: 'no section', path: 'docs/rfcs/RFC-0010-retry.md' },
    ]);
    const declared = typedWorkspace(true);
    assert.deepEqual(json(declared, ['list']).map((row) => `${row.type} ${row.id} ${row.status}`), [
      'TS TS-0001 DRAFT',
      'RFC RFC-0007 ACCEPTED',
      'RFC RFC-0010 ',
      'ADR ADR-0001 ACCEPTED',
      'ADR ADR-0002 DONE',
    ]);
    assert.deepEqual(json(declared, ['list', '--type', 'adr']).map((row) => row.id), ['ADR-0001', 'ADR-0002']);
    const text = run(declared, ['list']).stdout.split('\n');
    assert.match(text[0], /^TYPE\s+ID\s+STATUS\s+TITLE\s+CHECKLIST\s+PATH$/);
    const unknown = run(declared, ['list', '--type', 'XYZ']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'techspec: unknown document type "XYZ"; the types are TS, RFC, PRD, ADR\n');
  });

  it('lint: checks an ADR against the ADR template and statuses, leaves template-less RFCs alone', () => {
    const result = run(typedWorkspace(true), ['lint', 'docs/adr', 'docs/rfcs', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Array<{ code: string; message: string }> }> };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.findings.map((finding) => `${finding.code} ${finding.message}`)]),
      [
        ['docs/adr/ADR-0001-use-postgres.md', []],
        ['docs/adr/ADR-0002-queues.md', ['TS006 Unknown status "DONE": use one of PROPOSED, ACCEPTED, REJECTED, DEPRECATED, SUPERSEDED.', 'TS020 Missing section "## Consequences".']],
      ],
    );
    assert.equal(result.status, 1);
    // Without declared types the ADR files are no documents of a type: nothing to check, as before.
    const plain = run(typedWorkspace(false), ['lint', 'docs/adr', '--format', 'json']);
    assert.deepEqual((JSON.parse(plain.stdout) as { files: unknown[] }).files, []);
  });

  it('new --type RFC: the RFC template with the next RFC id, in the type folder, never overwriting', () => {
    const root = typedWorkspace(false);
    fs.writeFileSync(path.join(root, 'docs', 'rfcs', 'RFC-0011-rate-limits.md'), 'taken\n');
    const result = run(root, ['new', '--type', 'RFC', 'Rate Limits', '--author', 'Grace']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'docs/rfcs/RFC-0012-rate-limits.md\n');
    assert.equal(fs.readFileSync(path.join(root, 'docs', 'rfcs', 'RFC-0011-rate-limits.md'), 'utf8'), 'taken\n');
    const text = fs.readFileSync(path.join(root, 'docs', 'rfcs', 'RFC-0012-rate-limits.md'), 'utf8');
    assert.ok(text.startsWith('---\nrfc_id: RFC-0012\ntitle: Rate Limits\nstatus: DRAFT\nauthor: Grace\ncreated: 2026-06-01\nlast_updated: 2026-06-01\n---\n\n# RFC-0012: Rate Limits\n\n## Summary\n'), text);
    assert.ok(!text.includes('tech_spec_id'));
    const adr = run(typedWorkspace(true), ['new', '--type', 'ADR', 'Event Log', '--author', 'Grace']);
    assert.equal(adr.stdout, 'docs/adr/ADR-0003-event-log.md\n');
    const bad = run(root, ['new', '--type', 'NOPE', 'X']);
    assert.equal(bad.status, 2);
  });
});
