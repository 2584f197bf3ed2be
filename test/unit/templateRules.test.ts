// Every template-derived check, with two templates: the default one, and the team template of
// test/fixtures/customTemplate (optional sections, a checklist named "Delivery Tasks", reference
// links, a footnote and HTML comments in headings).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../src/core/config';
import { isLintTarget, lintSpec, templateModelFor, type Finding, type TemplateModel } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import { renderTemplate } from '../../src/core/template';
import { FILLED, REPO_ROOT, TEMPLATE_TEXT, TODAY, URI, fillPlaceholders, lineOf, withFrontMatter, withoutApprovalRule } from './lintFixtures';

const TEAM_ROOT = path.join(REPO_ROOT, 'test', 'fixtures', 'customTemplate');
const TEAM_TEXT = fs.readFileSync(path.join(TEAM_ROOT, 'templates', 'team-spec.md'), 'utf8');
/** The team's spec written from its template, every placeholder filled in. */
const TEAM_SPEC = fs.readFileSync(path.join(TEAM_ROOT, 'docs', 'specs', 'TS-0001-checkout-redesign.md'), 'utf8');
const TEAM_CONFIG = { checklistSection: 'Delivery Tasks', templatePath: 'templates/team-spec.md' };

const defaultModel = (settings: Record<string, unknown> = {}) => templateModelFor(TEMPLATE_TEXT, resolveConfig(settings));
const teamModel = (settings: Record<string, unknown> = {}) => templateModelFor(TEAM_TEXT, resolveConfig({ ...TEAM_CONFIG, ...settings }));

function lintWith(template: TemplateModel, text: string, settings: Record<string, unknown> = {}): Finding[] {
  return lintSpec({
    uri: URI,
    parsed: parseDocumentText(text),
    template,
    config: resolveConfig(withoutApprovalRule(settings)),
    workspace: { owners: (id) => (id === 'TS-0001' ? [URI] : ['file:///w/other.md']) },
    today: TODAY,
  });
}

const summaryOf = (findings: readonly Finding[]) => findings.map((finding) => `${finding.code} ${finding.range.start.line}: ${finding.message}`);

function fresh(template: string): string {
  return renderTemplate(template, { id: 'TS-0001', title: 'Fresh', author: 'Ada', created: '2026-05-01', lastUpdated: '2026-05-20', status: 'DRAFT' });
}

/** The team spec dated so that no clock-based rule fires on TODAY. */
const TEAM = TEAM_SPEC.replace('created: 2026-11-02', 'created: 2026-05-01').replace('last_updated: 2026-11-30', 'last_updated: 2026-05-20');

describe('checks that come from the template', () => {
  describe('the template model', () => {
    it('reads sections, optional markers, the checklist, keys, placeholders and paragraphs of the team template', () => {
      const model = teamModel();
      assert.deepEqual(
        model.sections.map((section) => [section.title, section.level, section.optional]),
        [
          ['Summary', 2, false],
          ['Design', 2, false],
          ['Rollout', 2, true],
          ['Security Review', 2, true],
          ['Open Questions', 2, true],
          ['Delivery Tasks', 2, false],
          ['Testing Strategy', 2, false],
        ],
      );
      assert.deepEqual(model.keys.required, ['tech_spec_id', 'title', 'status', 'author', 'team', 'created', 'last_updated']);
      assert.deepEqual([...(model.keys.known ?? [])].sort(), ['author', 'created', 'decision_ref', 'last_updated', 'status', 'team', 'tech_spec_id', 'title']);
      assert.deepEqual(model.checklist, { title: 'Delivery Tasks', key: 'delivery tasks', expectsTasks: true });
      assert.deepEqual([...model.placeholders], [
        '[Feature Name]',
        '[What is being built, and why now.]',
        '[How the design is tested.]',
        '[Rollout steps and flags.]',
        '[Threats and mitigations.]',
        '[Question]',
        '[First task]',
        '[Unit, integration and load tests.]',
      ]);
      assert.deepEqual([...model.paragraphs.values()], [['Explain the problem this change solves for our users.']]);
    });

    it('reads the default template: required keys without the optional reference keys, no prose paragraphs', () => {
      const model = defaultModel();
      assert.deepEqual(model.keys.required, ['tech_spec_id', 'title', 'status', 'author', 'created', 'last_updated']);
      assert.equal(model.sections.length, 13);
      assert.ok(model.sections.every((section) => !section.optional));
      assert.equal(model.paragraphs.size, 0);
      assert.ok(model.placeholders.has('[link]') && !model.placeholders.has('[ ]'));
    });

    it('markers are a setting: without them every section is required', () => {
      assert.ok(teamModel({ optionalSectionMarkers: [] }).sections.every((section) => !section.optional));
      const custom = teamModel({ optionalSectionMarkers: ['(Optional)'] });
      assert.deepEqual(custom.sections.filter((section) => section.optional).map((section) => section.title), ['Rollout']);
      // `(if applicable)` is no marker now, so it stays in the name.
      assert.ok(custom.sections.some((section) => section.title === 'Security Review (if applicable)'));
    });

    it('is built once per template version and options', () => {
      assert.equal(teamModel(), teamModel());
      assert.notEqual(teamModel(), teamModel({ checklistSection: 'Tasks' }));
      const edited = templateModelFor(`${TEAM_TEXT}\n## Appendix\n`, resolveConfig(TEAM_CONFIG));
      assert.notEqual(edited, teamModel());
      assert.deepEqual(edited.sections.map((section) => section.title).slice(-1), ['Appendix']);
    });
  });

  describe('a spec just written from the template', () => {
    it('has only placeholder findings, with the default template', () => {
      const findings = lintWith(defaultModel(), fresh(TEMPLATE_TEXT));
      assert.ok(findings.length > 0);
      assert.deepEqual([...new Set(findings.map((finding) => finding.code))], ['TS022']);
    });

    it('has only placeholder findings, with the team template', () => {
      const findings = lintWith(teamModel(), fresh(TEAM_TEXT), TEAM_CONFIG);
      assert.deepEqual([...new Set(findings.map((finding) => finding.code))], ['TS022']);
      assert.deepEqual(
        findings.map((finding) => finding.message),
        [
          `Section "Summary" still holds the template's placeholder [What is being built, and why now.] and 1 more.`,
          `Section "Design" still holds the template's placeholder [How the design is tested.].`,
          `Section "Rollout (Optional)" still holds the template's placeholder [Rollout steps and flags.].`,
          `Section "Security Review (if applicable)" still holds the template's placeholder [Threats and mitigations.].`,
          `Section "Open Questions" still holds the template's placeholder [Question].`,
          `Section "Delivery Tasks" still holds the template's placeholder [First task].`,
          `Section "Testing Strategy" still holds the template's placeholder [Unit, integration and load tests.].`,
        ],
      );
    });

    it('a template whose checklist section holds no tasks, and empty front-matter values, adds nothing either', () => {
      const template = '---\ntech_spec_id: TS-XXXX\ntitle: [T]\nstatus: DRAFT\nreviewers:\n---\n\n# TS-XXXX: [T]\n\n## Goals\n\n[Goals]\n\n## Implementation Checklist\n\nTo be planned.\n';
      const findings = lintWith(templateModelFor(template), fresh(template));
      assert.deepEqual(summaryOf(findings), [`TS022 11: Section "Goals" still holds the template's placeholder [Goals].`]);
    });
  });

  describe('key-missing (TS004) and key-unknown (TS005) from the template front matter', () => {
    it('the team spec has no findings at all', () => {
      assert.deepEqual(lintWith(teamModel(), TEAM, TEAM_CONFIG), []);
    });

    it('a key of the team template is required; its optional reference key is not', () => {
      const noTeam = TEAM.replace('team: Payments\n', '');
      assert.deepEqual(summaryOf(lintWith(teamModel(), noTeam, TEAM_CONFIG)), ['TS004 8: Missing front-matter key "team".']);
      assert.deepEqual(lintWith(teamModel(), TEAM.replace('decision_ref:\n', ''), TEAM_CONFIG), []);
    });

    it('optionalKeys is a setting', () => {
      const model = teamModel({ optionalKeys: [] });
      assert.deepEqual(summaryOf(lintWith(model, TEAM.replace('decision_ref:\n', ''), TEAM_CONFIG)), ['TS004 8: Missing front-matter key "decision_ref".']);
      assert.deepEqual(summaryOf(lintWith(defaultModel({ optionalKeys: [] }), withFrontMatter({ related_prd: null }))), ['TS004 8: Missing front-matter key "related_prd".']);
    });

    it('a key the template gives no value may stay empty; one it gives a value may not', () => {
      assert.deepEqual(lintWith(teamModel(), TEAM, TEAM_CONFIG), []);
      assert.deepEqual(summaryOf(lintWith(teamModel(), TEAM.replace('team: Payments', 'team:'), TEAM_CONFIG)), ['TS004 5: Front-matter key "team" has no value.']);
    });

    it('a key that only the default template has is unknown to the team template', () => {
      const findings = lintWith(teamModel(), TEAM.replace('decision_ref:\n', 'decision_ref:\nrelated_prd: PRD-0012\n'), TEAM_CONFIG);
      assert.deepEqual(summaryOf(findings), ['TS005 9: Unknown front-matter key "related_prd": the template does not have it.']);
      assert.deepEqual(lintWith(defaultModel(), withFrontMatter({ related_prd: 'PRD-0012' })), []);
    });
  });

  describe('sections (TS020, TS021, TS024)', () => {
    it('optional sections may be left out; their marker is no part of the name', () => {
      const withRollout = TEAM.replace('## Open Questions <!-- optional -->', '## Rollout\n\nBehind a flag, one region a day.\n\n## Open Questions');
      assert.deepEqual(lintWith(teamModel(), withRollout, TEAM_CONFIG), []);
      const marked = withRollout.replace('## Rollout', '## Rollout (optional)');
      assert.deepEqual(lintWith(teamModel(), marked, TEAM_CONFIG), []);
      const noQuestions = TEAM.replace('## Open Questions <!-- optional -->\n\n- Do we keep the guest checkout?\n\n', '');
      assert.deepEqual(lintWith(teamModel(), noQuestions, TEAM_CONFIG), []);
    });

    it('a required section is still required; the default template has no optional ones', () => {
      const noDesign = TEAM.replace('## Design\n', '## Approach\n');
      assert.deepEqual(summaryOf(lintWith(teamModel(), noDesign, TEAM_CONFIG)), ['TS020 13: Missing section "## Design".']);
      const withoutMarkers = teamModel({ optionalSectionMarkers: [] });
      assert.ok(summaryOf(lintWith(withoutMarkers, TEAM, TEAM_CONFIG)).some((line) => line.startsWith('TS020') && line.includes('Rollout (Optional)')));
    });

    it('matches by heading text with trailing HTML comments ignored', () => {
      const plain = TEAM.replace('## Summary <!-- one paragraph, for the weekly digest -->', '## Summary');
      assert.deepEqual(lintWith(teamModel(), plain, TEAM_CONFIG), []);
      const otherComment = TEAM.replace('## Summary <!-- one paragraph, for the weekly digest -->', '## summary <!-- TODO -->');
      assert.deepEqual(lintWith(teamModel(), otherComment, TEAM_CONFIG), []);
    });

    it('an earlier #### Testing Strategy does not make ## Testing Strategy missing (default template)', () => {
      const text = FILLED.replace('### Unit Tests', '#### Testing Strategy').replace('## Design Overview\n', '## Design Overview\n\n#### Testing Strategy\n');
      assert.deepEqual(lintWith(defaultModel(), text), []);
    });

    it('a section at another level is TS024 at that heading, not TS020 (team template)', () => {
      const text = TEAM.replace('## Testing Strategy\n\nUnit tests', '### Test Plan\n\nUnit tests');
      assert.deepEqual(lintWith(teamModel(), text, TEAM_CONFIG), [
        {
          code: 'TS024',
          severity: 'warning',
          message: 'Section "Testing Strategy" is a level 3 heading; the template has it at level 2 (##).',
          range: lineOf(text, '### Testing Strategy'),
          fix: undefined,
        },
      ]);
    });

    it('order follows the template, optional sections included', () => {
      const swapped = TEAM.replace('## Open Questions <!-- optional -->\n\n- Do we keep the guest checkout?\n\n', '').replace(
        '## Summary',
        '## Open Questions\n\n- Do we keep the guest checkout?\n\n## Summary',
      );
      assert.deepEqual(summaryOf(lintWith(teamModel(), swapped, TEAM_CONFIG)), ['TS021 13: Section "Open Questions" comes before "Design" but the template puts it after.']);
    });
  });

  describe('the checklist section (TS023)', () => {
    it('is the configured section: an empty Delivery Tasks fires, an Implementation Checklist is just a section', () => {
      const empty = TEAM.replace('- [x] Build the single-page form\n- [ ] Write the tests\n- [ ] Ship behind a flag\n', 'Nothing yet.\n');
      assert.deepEqual(summaryOf(lintWith(teamModel(), empty, TEAM_CONFIG)), ['TS023 38: The Delivery Tasks has no task items (`- [ ] ...`).']);
      const renamed = empty.replace('## Delivery Tasks', '## Implementation Checklist');
      assert.deepEqual(summaryOf(lintWith(teamModel(), renamed, TEAM_CONFIG)), ['TS020 13: Missing section "## Delivery Tasks".']);
    });

    it('the default template and setting: an empty Implementation Checklist fires', () => {
      const lines = FILLED.split('\n');
      const start = lines.indexOf('## Implementation Checklist');
      const end = lines.indexOf('## References');
      const empty = [...lines.slice(0, start + 1), '', 'Later.', '', ...lines.slice(end)].join('\n');
      assert.deepEqual(summaryOf(lintWith(defaultModel(), empty)), [`TS023 ${start}: The Implementation Checklist has no task items (\`- [ ] ...\`).`]);
    });
  });

  describe('placeholders (TS022) are what the template writes', () => {
    it('a defined reference label, a footnote and a task box are never placeholders (team template)', () => {
      assert.deepEqual(lintWith(teamModel(), TEAM, TEAM_CONFIG), []);
      const kept = TEAM.replace('- Do we keep the guest checkout?', '- [Question]');
      assert.deepEqual(summaryOf(lintWith(teamModel(), kept, TEAM_CONFIG)), [`TS022 36: Section "Open Questions" still holds the template's placeholder [Question].`]);
    });

    it('a label the default template uses as a placeholder is a link once the spec defines it', () => {
      const lines = FILLED.split('\n');
      const at = lines.findIndex((line) => line.startsWith('- PRD: '));
      lines[at] = '- PRD: [link]';
      const undefinedLink = lines.join('\n');
      assert.deepEqual(summaryOf(lintWith(defaultModel(), undefinedLink)), [`TS022 ${at}: Section "References" still holds the template's placeholder [link].`]);
      const defined = `${undefinedLink}\n\n[Link]: https://example.com/prd\n`;
      assert.deepEqual(lintWith(defaultModel(), defined), []);
    });

    it('a template paragraph held word for word is a placeholder; an edited one is not', () => {
      const held = TEAM.replace(
        'A single-page checkout that keeps the cart, the address and the payment on one screen.',
        'A single-page checkout.\n\nExplain the problem this change solves for our users.',
      );
      assert.deepEqual(summaryOf(lintWith(teamModel(), held, TEAM_CONFIG)), [
        `TS022 17: Section "Summary" still holds the template's placeholder "Explain the problem this change solves f…".`,
      ]);
      const edited = held.replace('for our users.', 'for our users: checkout takes four pages today.');
      assert.deepEqual(lintWith(teamModel(), edited, TEAM_CONFIG), []);
    });

    it('the default template’s filled spec has none', () => {
      assert.deepEqual(lintWith(defaultModel(), fillPlaceholders(fresh(TEMPLATE_TEXT))), []);
    });
  });

  describe('freshness (TS040)', () => {
    it('the statuses that go stale are a setting', () => {
      const old = (status: string) => TEAM.replace('status: APPROVED', `status: ${status}`).replace('created: 2026-05-01', 'created: 2026-01-01').replace('last_updated: 2026-05-20', 'last_updated: 2026-01-05');
      assert.deepEqual(lintWith(teamModel(), old('APPROVED'), TEAM_CONFIG), []);
      assert.deepEqual(summaryOf(lintWith(teamModel(), old('DRAFT'), TEAM_CONFIG)).map((line) => line.slice(0, 5)), ['TS040']);
      assert.deepEqual(summaryOf(lintWith(teamModel(), old('APPROVED'), { ...TEAM_CONFIG, staleStatuses: ['APPROVED'] })).map((line) => line.slice(0, 5)), ['TS040']);
      assert.deepEqual(lintWith(teamModel(), old('DRAFT'), { ...TEAM_CONFIG, staleStatuses: [] }), []);
    });
  });

  describe('the template itself', () => {
    it('is never a lint target, though it declares a tech_spec_id', () => {
      const parsed = parseDocumentText(TEAM_TEXT);
      assert.equal(isLintTarget('templates/team-spec.md', parsed, resolveConfig(TEAM_CONFIG)), false);
      assert.equal(isLintTarget('./templates/team-spec.md', parsed, resolveConfig({ templatePath: './templates/team-spec.md' })), false);
      assert.equal(isLintTarget('templates/team-spec.md', parsed, resolveConfig({})), true);
    });
  });
});
