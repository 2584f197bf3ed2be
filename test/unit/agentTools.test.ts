import * as assert from 'node:assert/strict';
import { AGENT_TOOLS, describePlan, findTool, MAX_MARKDOWN_CHARS, planSetTaskState, runTool, type ToolResult } from '../../src/core/agents';
import { withFrontMatter } from './lintFixtures';
import { MemoryAgentWorkspace } from '../support/memoryAgentWorkspace';
import { DEFAULT_CONFIG } from '../../src/core/config';

async function call(workspace: MemoryAgentWorkspace, name: string, input: unknown): Promise<ToolResult> {
  const tool = findTool(name);
  assert.ok(tool, name);
  return runTool(tool, input, workspace);
}

async function text(workspace: MemoryAgentWorkspace, name: string, input: unknown): Promise<string> {
  const result = await call(workspace, name, input);
  assert.equal(result.isError, false, result.text);
  return result.text;
}

async function error(workspace: MemoryAgentWorkspace, name: string, input: unknown): Promise<string> {
  const result = await call(workspace, name, input);
  assert.equal(result.isError, true, result.text);
  return result.text;
}

/** The first column of a Markdown table's body rows. */
function tableIds(answer: string): string[] {
  return answer.split('\n').filter((line) => /^\| [A-Z]+-\d+ \|/.test(line)).map((line) => line.split(' | ')[0].slice(2));
}

function spec(id: string, body: string, extra = ''): string {
  return `---\ntech_spec_id: ${id}\ntitle: Spec ${id}\nstatus: DRAFT\n${extra}---\n\n# ${id}: Spec ${id}\n\n${body}`;
}

describe('agent tools', () => {
  it('are five, named verb_noun, with a description and an object schema whose required keys exist', () => {
    assert.deepEqual(AGENT_TOOLS.map((tool) => tool.name), ['list_specs', 'get_spec', 'check_spec', 'next_open_tasks', 'set_task_state']);
    for (const tool of AGENT_TOOLS) {
      assert.match(tool.name, /^[a-z]+_[a-z_]+$/);
      assert.ok(tool.description.length > 100, tool.name);
      assert.equal(tool.inputSchema.type, 'object');
      for (const key of tool.inputSchema.required ?? []) assert.ok(tool.inputSchema.properties[key], `${tool.name}.${key}`);
    }
    assert.deepEqual(AGENT_TOOLS.filter((tool) => tool.writes).map((tool) => tool.name), ['set_task_state']);
  });

  describe('list_specs', () => {
    it('lists every spec of the fixture workspace in id order, with status, progress, decision and path', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'list_specs', {});
      assert.deepEqual(tableIds(answer), ['TS-0001', 'TS-0002', 'TS-0003', 'TS-0003', 'TS-0004', 'TS-0005', 'TS-0006', 'TS-0007', 'TS-0008', 'TS-0009']);
      const lines = answer.split('\n');
      assert.equal(lines[0], '10 specs in the workspace.');
      assert.ok(lines.includes('| TS-0001 | Auth Service | APPROVED | 3/17 | RFC-0007 | docs/specs/TS-0001-auth-service.md |'), answer);
      assert.ok(lines.includes('| TS-0006 | XML API | DEPRECATED | no section | - | docs/specs/TS-0006-xml-api.md |'), answer);
    });

    it('filters by status in any case and by text in the id or title', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const approved = await text(workspace, 'list_specs', { status: 'approved' });
      assert.deepEqual(tableIds(approved), ['TS-0001', 'TS-0003']);
      assert.equal(approved.split('\n')[0], '2 specs with status approved (of 10 in the workspace).');
      assert.deepEqual(tableIds(await text(workspace, 'list_specs', { text: 'COOKIE' })), ['TS-0005']);
      assert.deepEqual(tableIds(await text(workspace, 'list_specs', { text: '0004' })), ['TS-0004']);
      const none = await text(workspace, 'list_specs', { status: 'REJECTED' });
      assert.match(none, /^0 specs with status REJECTED \(of 10 in the workspace\)\.\nStatuses in use: APPROVED \(2\), DRAFT \(2\), IN_REVIEW \(1\)/);
    });

    it('stops at limit (50 by default) and says how to see the rest', async () => {
      const files: Record<string, string> = {};
      for (let n = 1; n <= 120; n++) files[`TS-${String(n).padStart(4, '0')}.md`] = spec(`TS-${String(n).padStart(4, '0')}`, 'Body.');
      const workspace = new MemoryAgentWorkspace(files);
      const first = await text(workspace, 'list_specs', {});
      assert.equal(tableIds(first).length, 50);
      assert.equal(tableIds(first)[49], 'TS-0050');
      assert.ok(first.endsWith('70 more not shown: raise `limit` (at most 500) or narrow with `status` or `text`.'), first);
      assert.equal(tableIds(await text(workspace, 'list_specs', { limit: 3 })).join(), 'TS-0001,TS-0002,TS-0003');
      assert.equal(tableIds(await text(workspace, 'list_specs', { limit: 500 })).length, 120);
    });

    it('names files meant as specs that could not be read', async () => {
      const workspace = new MemoryAgentWorkspace({ 'good.md': spec('TS-0001', 'Body.'), 'broken.md': '---\ntech_spec_id: TS-0002\ntitle: [unclosed\n---\n' });
      const answer = await text(workspace, 'list_specs', {});
      assert.match(answer, /\nNot listed, could not be read as specs: broken\.md \(.+\)\.$/);
    });

    it('refuses bad input with what to change', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      assert.equal(await error(workspace, 'list_specs', { limit: 0 }), 'list_specs: `limit` must be at least 1');
      assert.equal(await error(workspace, 'list_specs', { limit: 2.5 }), 'list_specs: `limit` must be a whole number, not 2.5');
      assert.equal(await error(workspace, 'list_specs', { state: 'DRAFT' }), 'list_specs: `state` is not an input of this tool; it takes `status` (optional), `text` (optional), `limit` (optional)');
      assert.equal(await error(workspace, 'list_specs', 'TS-0001'), 'list_specs: the input must be an object with `status` (optional), `text` (optional), `limit` (optional)');
    });
  });

  describe('get_spec', () => {
    it('returns the front matter as data, the sections with their lines, and the whole body', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const answer = await text(workspace, 'get_spec', { id: 'TS-0002' });
      const source = workspace.text('docs/specs/TS-0002-payment-retries.md').split('\n');
      const lines = answer.split('\n');
      assert.deepEqual(lines.slice(0, 5), [
        '# TS-0002: Payment Retries',
        'path: docs/specs/TS-0002-payment-retries.md',
        'front matter: {"tech_spec_id":"TS-0002","title":"Payment Retries","status":"DRAFT","decision_ref":"RFC-0010","author":"Grace Hopper","created":"2026-03-01","last_updated":"2026-03-05","related_prd":"https://prd.example.org/payments"}',
        lines[3],
        'checklist: 1/3 ticked (next_open_tasks lists the open items)',
      ]);
      assert.match(lines[3], /^sections: Executive Summary \(14-\d+\) · /);
      assert.equal(lines[6], `body (lines 11-${source.length}):`);
      assert.deepEqual(lines.slice(7), source.slice(10));
    });

    it('returns one section by name, in any case or as a slug, and accepts the id in any case and padding', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const source = workspace.text('docs/specs/TS-0001-auth-service.md').split('\n');
      const start = source.indexOf('## Data Model');
      const end = source.indexOf('## API Specification') - 1;
      for (const [id, section] of [['TS-0001', 'Data Model'], ['ts-1', 'data model'], ['TS-0001', 'data-model'], ['TS-0001', '## Data Model']]) {
        const answer = await text(workspace, 'get_spec', { id, section });
        const lines = answer.split('\n');
        const at = lines.indexOf(`section 'Data Model' (lines ${start + 1}-${end + 1}):`);
        assert.ok(at > 0, answer);
        assert.deepEqual(lines.slice(at + 1), source.slice(start, end + 1), `${id} ${section}`);
      }
    });

    it('says which sections exist when the one asked for does not', async () => {
      const answer = await error(MemoryAgentWorkspace.fixture(), 'get_spec', { id: 'TS-0001', section: 'Data Modle' });
      assert.equal(
        answer,
        "get_spec: section 'Data Modle' not found in TS-0001; sections are: Executive Summary, Table of Contents, Design Overview, Detailed Specifications, " +
          'Data Model, API Specification, Security Implementation, Performance Considerations, Testing Strategy, Deployment & Operations, Dependencies, ' +
          'Implementation Checklist, References',
      );
    });

    it('says which ids exist when no spec owns the one asked for, and what an id looks like', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      assert.equal(await error(workspace, 'get_spec', { id: 'TS-0099' }), 'get_spec: no spec owns TS-0099; known ids start at TS-0001 (9 specs, up to TS-0009). list_specs lists them with their titles');
      assert.equal(await error(workspace, 'get_spec', { id: '42' }), "get_spec: '42' is not a spec id; ids look like TS-0001 (list_specs lists them)");
      assert.equal(await error(workspace, 'get_spec', {}), 'get_spec: `id` is required (The spec id, e.g. TS-0042.)');
      assert.equal(await error(new MemoryAgentWorkspace({}), 'get_spec', { id: 'TS-0001' }), 'get_spec: no spec owns TS-0001; this workspace has no specs yet (Markdown files with a `tech_spec_id` in their front matter)');
    });

    it('describes each cited document with includeReferences: title, status, path and first paragraph', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'get_spec', { id: 'TS-0001', section: 'Executive Summary', includeReferences: true });
      const at = answer.indexOf('references (');
      assert.equal(
        answer.slice(at),
        [
          'references (3 ids cited):',
          '- RFC-0007: Short-lived Auth Tokens [ACCEPTED] docs/rfcs/RFC-0007-auth-tokens.md',
          '  Replace long-lived API keys with tokens that expire after one hour. Clients refresh them silently.',
          '- PRD-0012: Passwordless Login [APPROVED] docs/prd/PRD-0012-login.md',
          '  Users sign in with a magic link.',
          '- TS-0005: Session Cookies [SUPERSEDED] docs/specs/TS-0005-session-cookies.md',
          '  Server-side sessions in cookies. Superseded by TS-0001.',
        ].join('\n'),
      );
      const unknown = await text(MemoryAgentWorkspace.fixture(), 'get_spec', { id: 'TS-0009', section: 'Executive Summary', includeReferences: true });
      assert.ok(unknown.endsWith('references (1 id cited):\n- RFC-0404: no document in the workspace owns it'), unknown);
    });

    it('notes a duplicate id', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'get_spec', { id: 'TS-0003', section: 'Executive Summary' });
      assert.equal(answer.split('\n')[2], 'note: TS-0003 is also claimed by docs/specs/TS-0003-search-index.md (a duplicate id); this answer is about docs/specs/TS-0003-duplicate.md');
    });

    it(`cuts a long section at ${MAX_MARKDOWN_CHARS} characters and its note's call gives the rest, line for line`, async () => {
      const paragraph = Array.from({ length: 600 }, (_, n) => `Line ${n}: ${'x'.repeat(60)}`);
      const body = `## Huge\n\n${paragraph.join('\n')}\n\n## After\n\nEnd.\n`;
      const workspace = new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', body) });
      const collected: string[] = [];
      let input: Record<string, unknown> = { id: 'TS-0001', section: 'huge' };
      for (let round = 0; round < 10; round++) {
        const answer = await text(workspace, 'get_spec', input);
        const lines = answer.split('\n');
        const start = lines.findIndex((line) => line.startsWith("section 'Huge'"));
        const note = /\n\n\[cut at 16,000 characters: lines \d+-\d+ not shown\. Call get_spec with (\{.*\}) for the rest\.\]$/.exec(answer);
        const content = note ? answer.slice(0, note.index).split('\n').slice(start + 1) : lines.slice(start + 1);
        assert.ok(content.join('\n').length <= MAX_MARKDOWN_CHARS);
        collected.push(...content);
        if (!note) break;
        input = JSON.parse(note[1]) as Record<string, unknown>;
        assert.equal(input.section, 'huge');
      }
      assert.deepEqual(collected, ['## Huge', '', ...paragraph, '']);
      assert.equal(await error(workspace, 'get_spec', { id: 'TS-0001', section: 'huge', fromLine: 1 }), "get_spec: fromLine 1 is outside section 'Huge' of TS-0001, which runs from line 9 to 611");
    });
  });

  describe('check_spec', () => {
    it('returns every finding of a spec with line, severity, code, rule and message, then its lifecycle (an unknown status goes nowhere)', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'check_spec', { id: 'TS-0009' });
      assert.equal(
        answer,
        [
          'TS-0009 (docs/specs/TS-0009-broken-spec.md): 5 findings (1 error, 3 warnings, 1 information)',
          '- line 4 error TS006 status-unknown: Unknown status "draft": did you mean "DRAFT"?',
          '- line 6 warning TS008 date-order: "last_updated" (2026-03-01) is earlier than "created" (2026-03-10).',
          '- line 7 warning TS030 reference-unknown: No document in the workspace owns RFC-0404.',
          '- line 8 warning TS004 key-missing: Missing front-matter key "author".',
          // `status: draft` is DRAFT misspelt (TS006), and a draft's missing section is information.
          '- line 12 information TS020 section-missing: Missing section "## Data Model".',
          'lifecycle: status draft; the lifecycle allows no next status from it.',
        ].join('\n'),
      );
    });

    it('gives each next status of the lifecycle, ready or with its guard problems, as Set Status does', async () => {
      const lifecycleOf = async (workspace: MemoryAgentWorkspace, id: string) => (await text(workspace, 'check_spec', { id })).split('\n').filter((line) => line.startsWith('lifecycle: ') || (line.startsWith('- ') && !line.startsWith('- line ')));
      const fixture = MemoryAgentWorkspace.fixture();
      assert.deepEqual(await lifecycleOf(fixture, 'TS-0001'), [
        'lifecycle: status APPROVED; may move to IMPLEMENTED (1 problem), SUPERSEDED (ready), DEPRECATED (ready)',
        '- IMPLEMENTED: 14 of 17 tasks of the Implementation Checklist not ticked.',
      ]);
      assert.deepEqual(await lifecycleOf(fixture, 'TS-0005'), ['lifecycle: status SUPERSEDED; the lifecycle allows no next status from it.']);
      // The unit tests' filled-in spec, alone: its references are owned by no document here, and nobody approved it.
      const alone = new MemoryAgentWorkspace({ 'docs/specs/TS-0001.md': withFrontMatter({ status: 'IN_REVIEW' }) });
      assert.deepEqual(await lifecycleOf(alone, 'TS-0001'), [
        'lifecycle: status IN_REVIEW; may move to DRAFT (ready), APPROVED (3 problems)',
        '- APPROVED: No document in the workspace owns RFC-0007.',
        '- APPROVED: No document in the workspace owns PRD-0012.',
        '- APPROVED: Needs 1 current approval, has 0.',
      ]);
      const noStatus = new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', 'Body.\n').replace('status: DRAFT\n', '') });
      assert.deepEqual(await lifecycleOf(noStatus, 'TS-0001'), ['lifecycle: no status; the lifecycle allows no next status from it.']);
    });

    it('refuses a document that is not a spec, and cuts at 100 findings', async () => {
      assert.equal(
        await error(MemoryAgentWorkspace.fixture(), 'check_spec', { id: 'RFC-0007' }),
        'check_spec: RFC-0007 is owned by docs/rfcs/RFC-0007-auth-tokens.md, which is not a spec (it has no `tech_spec_id`); check_spec checks specs only',
      );
      const citations = Array.from({ length: 150 }, (_, n) => `Cites RFC-${9000 + n}.`).join('\n\n');
      const answer = await text(new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', citations) }), 'check_spec', { id: 'TS-0001' });
      const lines = answer.split('\n');
      assert.equal(lines.filter((line) => line.startsWith('- line ')).length, 100);
      assert.match(answer, /\n- and \d+ more; `npx techspec lint TS-0001\.md` lists them all\n/);
    });
  });

  describe('next_open_tasks', () => {
    it('lists every unticked item with its line and section', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'next_open_tasks', { id: 'TS-0002' });
      assert.deepEqual(answer.split('\n'), [
        'TS-0002 (docs/specs/TS-0002-payment-retries.md): 2 open items of 3; Implementation Checklist 1/3 ticked',
        '- line 29 · Implementation Checklist › Phase 1: Foundation · Backoff policy',
        '- line 30 · Implementation Checklist › Phase 1: Foundation · Dead letter handling',
      ]);
    });

    it('gives the section path of nested headings, and says when there are no items', async () => {
      const answer = await text(MemoryAgentWorkspace.fixture(), 'next_open_tasks', { id: 'TS-0001' });
      const lines = answer.split('\n');
      assert.equal(lines[0], 'TS-0001 (docs/specs/TS-0001-auth-service.md): 16 open items of 19; Implementation Checklist 3/17 ticked');
      assert.equal(lines.length, 17);
      assert.equal(lines[1], '- line 287 · Security Implementation › Compliance Requirements · [Requirement 1, e.g., GDPR data handling]');
      assert.equal(lines[4], '- line 428 · Implementation Checklist › Phase 2: Core Features · Implement [feature 1]');
      assert.equal(lines[16], '- line 446 · Implementation Checklist › Phase 4: Deployment · Target: [Date]');
      assert.equal(await text(MemoryAgentWorkspace.fixture(), 'next_open_tasks', { id: 'TS-0006' }), 'TS-0006 (docs/specs/TS-0006-xml-api.md): 0 open items of 0\nThe spec has no checklist items (`- [ ] …` lines).');
    });

    it('counts the configured checklist section (techSpec.checklistSection), and says when the spec has none', async () => {
      const config = { ...DEFAULT_CONFIG, checklistSection: 'Rollout Tasks' };
      const body = '## Notes\n\n- [ ] Ask legal\n\n## Rollout Tasks\n\n- [x] Flag on\n- [ ] Flag off\n';
      const source = spec('TS-0001', body);
      const lineOf = (task: string) => source.split('\n').indexOf(task) + 1;
      const answer = await text(new MemoryAgentWorkspace({ 'TS-0001.md': source }, config), 'next_open_tasks', { id: 'TS-0001' });
      assert.deepEqual(answer.split('\n'), [
        'TS-0001 (TS-0001.md): 2 open items of 3; Rollout Tasks 1/2 ticked',
        `- line ${lineOf('- [ ] Ask legal')} · Notes · Ask legal`,
        `- line ${lineOf('- [ ] Flag off')} · Rollout Tasks · Flag off`,
      ]);
      const without = await text(new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', '## Notes\n\n- [ ] Ask legal\n') }, config), 'next_open_tasks', { id: 'TS-0001' });
      assert.equal(without.split('\n')[0], 'TS-0001 (TS-0001.md): 1 open item of 1; no "Rollout Tasks" section');
    });

    it('stops at 100 items and says what to do', async () => {
      const items = Array.from({ length: 130 }, (_, n) => `- [ ] Task ${n}`).join('\n');
      const answer = await text(new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', `## Implementation Checklist\n\n${items}\n`) }), 'next_open_tasks', { id: 'TS-0001' });
      const lines = answer.split('\n');
      assert.equal(lines.length, 102);
      assert.equal(lines[100], '- line 110 · Implementation Checklist · Task 99');
      assert.equal(lines[101], '- and 30 more after line 110; tick some first, or read the section with get_spec');
    });
  });

  describe('set_task_state', () => {
    const PATH = 'docs/specs/TS-0001-auth-service.md';

    function diff(before: string, after: string): Array<[number, string, string]> {
      assert.equal(after.length, before.length);
      const changes: Array<[number, string, string]> = [];
      for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changes.push([i, before[i], after[i]]);
      return changes;
    }

    it('ticks one item by line, changing only its box', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const before = workspace.text(PATH);
      const answer = await text(workspace, 'set_task_state', { id: 'TS-0001', line: 428, done: true });
      assert.equal(answer, "Ticked TS-0001 line 428 ('Implement [feature 1]', in Implementation Checklist › Phase 2: Core Features) in docs/specs/TS-0001-auth-service.md. Implementation Checklist: 4/17 ticked.");
      const after = workspace.text(PATH);
      const offset = before.indexOf('- [ ] Implement [feature 1]') + 3;
      assert.deepEqual(diff(before, after), [[offset, ' ', 'x']]);
      assert.equal(workspace.writes.length, 1);
    });

    it('describes the edit for the confirmation, naming the spec and the item, before writing anything', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const plan = await planSetTaskState({ id: 'ts-0001', line: 428, done: true }, workspace);
      assert.deepEqual(describePlan(plan), {
        title: 'Tick a checklist item of TS-0001?',
        message: 'Tick this checklist item of TS-0001 (Auth Service), docs/specs/TS-0001-auth-service.md line 428, in Implementation Checklist › Phase 2: Core Features:\n\n[x] Implement [feature 1]',
        progress: 'Ticking TS-0001 line 428',
      });
      assert.equal(workspace.writes.length, 0);
    });

    it('unticks by text, and leaves an item already in the state asked for alone', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const before = workspace.text(PATH);
      assert.equal(await text(workspace, 'set_task_state', { id: 'TS-0001', text: 'set up project structure', done: false }), "Unticked TS-0001 line 421 ('Set up project structure', in Implementation Checklist › Phase 1: Foundation) in docs/specs/TS-0001-auth-service.md. Implementation Checklist: 2/17 ticked.");
      assert.deepEqual(diff(before, workspace.text(PATH)), [[before.indexOf('- [x] Set up project structure') + 3, 'x', ' ']]);
      assert.equal(await text(workspace, 'set_task_state', { id: 'TS-0001', line: 421, done: false }), "TS-0001 line 421 ('Set up project structure', in Implementation Checklist › Phase 1: Foundation) was already unticked; nothing changed.");
      assert.equal(workspace.writes.length, 1);
    });

    it('refuses an ambiguous item, a gone one, and a line whose text disagrees, without writing', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      const before = workspace.text(PATH);
      assert.equal(
        await error(workspace, 'set_task_state', { id: 'TS-0001', text: 'Target: [Date]', done: true }),
        "set_task_state: 'Target: [Date]' matches 4 checklist items of TS-0001 (line 424 'Target: [Date]', line 431 'Target: [Date]', line 438 'Target: [Date]', line 446 'Target: [Date]'); give `line` to say which",
      );
      assert.equal(await error(workspace, 'set_task_state', { id: 'TS-0001', text: 'Write the docs', done: true }), "set_task_state: no checklist item of TS-0001 reads 'Write the docs'; next_open_tasks lists the open items with their lines");
      assert.equal(await error(workspace, 'set_task_state', { id: 'TS-0001', line: 427, done: true }), 'set_task_state: line 427 of TS-0001 is not a checklist item (the file may have changed). next_open_tasks lists the items with their lines');
      assert.equal(
        await error(workspace, 'set_task_state', { id: 'TS-0001', line: 429, text: 'Write unit tests', done: true }),
        "set_task_state: line 429 of TS-0001 reads 'Implement [feature 2]', not 'Write unit tests'; 'Write unit tests' is at line 430. Call again with the line and text of one item",
      );
      assert.equal(await error(workspace, 'set_task_state', { id: 'TS-0001', done: true }), "set_task_state: give the item's `line` (as next_open_tasks shows it) or its `text`");
      assert.equal(await error(workspace, 'set_task_state', { id: 'TS-0001', line: 428 }), 'set_task_state: `done` is required (true to tick the item, false to untick it.)');
      assert.equal(
        await error(workspace, 'set_task_state', { id: 'TS-0003', line: 20, done: true }),
        'set_task_state: TS-0003 is claimed by 2 files (docs/specs/TS-0003-duplicate.md, docs/specs/TS-0003-search-index.md); Tech Spec will not tick items until the duplicate id is fixed',
      );
      assert.equal(workspace.text(PATH), before);
      assert.equal(workspace.writes.length, 0);
    });

    it('finds the box in CRLF files, ordered and nested lists and block quotes, and never ticks a line in a code fence (the outline does not count it)', async () => {
      const body = '## Implementation Checklist\r\n\r\n> - [ ] Quoted\r\n\r\n1. [ ] Ordered\r\n   - [X] Nested\r\n\r\n```\r\n- [ ] In a fence\r\n```\r\n';
      const workspace = new MemoryAgentWorkspace({ 'TS-0001.md': spec('TS-0001', body).replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n') });
      const before = workspace.text('TS-0001.md');
      const lineOf = (needle: string) => before.split('\r\n').findIndex((line) => line.includes(needle)) + 1;
      await text(workspace, 'set_task_state', { id: 'TS-0001', line: lineOf('Ordered'), done: true });
      await text(workspace, 'set_task_state', { id: 'TS-0001', text: 'nested', done: false });
      // A task in a quoted list is one in the preview, and so in the outline.
      await text(workspace, 'set_task_state', { id: 'TS-0001', line: lineOf('Quoted'), done: true });
      assert.equal(workspace.text('TS-0001.md'), before.replace('1. [ ] Ordered', '1. [x] Ordered').replace('- [X] Nested', '- [ ] Nested').replace('> - [ ] Quoted', '> - [x] Quoted'));
      assert.match(await error(workspace, 'set_task_state', { id: 'TS-0001', line: lineOf('In a fence'), done: true }), /is not a checklist item/);
    });

    it('writes nothing in a read-only workspace, and nothing when the file changed after it was read', async () => {
      const workspace = MemoryAgentWorkspace.fixture();
      workspace.readOnlyReason = 'Restricted Mode: this workspace is not trusted';
      assert.equal(await error(workspace, 'set_task_state', { id: 'TS-0001', line: 428, done: true }), 'set_task_state: Restricted Mode: this workspace is not trusted');
      workspace.readOnlyReason = undefined;
      const stale = Object.assign(Object.create(workspace) as MemoryAgentWorkspace, {
        readText: async (uri: string) => `${workspace.files.get(uri)}`.replace('Auth Service', 'Auth service'),
      });
      assert.equal(
        (await runTool(findTool('set_task_state')!, { id: 'TS-0001', line: 428, done: true }, stale)).text,
        "set_task_state: TS-0001 line 428 ('Implement [feature 1]', in Implementation Checklist › Phase 2: Core Features) was not changed: the file changed since it was read; call the tool again",
      );
      assert.equal(workspace.writes.length, 0);
    });
  });
});
