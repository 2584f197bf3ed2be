// Front-matter values that must come out of any renderer as inert text: markup, scripts, command
// and javascript links, attribute breakouts, Markdown that would become a link.
export const HOSTILE_TITLES: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '[click](command:workbench.action.quit)',
  '[js](javascript:alert(1))',
  '| pipe | in | table |',
  '`code` **bold** <!-- comment -->',
  '&lt;already&gt; escaped &amp;',
  'back\\slash and [brackets] and *stars*',
];

/** A spec whose front-matter values are all hostile. */
export function hostileSpec(id: string, title: string): string {
  const quoted = JSON.stringify(title);
  return [
    '---',
    `tech_spec_id: ${id}`,
    `title: ${quoted}`,
    'status: DRAFT',
    `author: ${quoted}`,
    'created: 2026-05-01',
    'last_updated: 2026-05-02',
    `decision_ref: ${JSON.stringify(`javascript:alert(1)`)}`,
    `related_prd: ${quoted}`,
    `approvals: [${quoted}]`,
    '---',
    '',
    `# ${id}: Hostile`,
    '',
    'Body text.',
    '',
  ].join('\n');
}
