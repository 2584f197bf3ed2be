// What a rendered spec must hold, whichever markdown-it renders it: VS Code's own (preview.test.ts, Node host) or one
// handed to the plugin directly (test/web/webHost.test.ts, where the Markdown extension runs in another host).
import * as assert from 'node:assert/strict';

/** docs/specs/TS-0002-payment-retries.md: its header card, the ids it links (in order), the unknown one, its progress. Returns the card. */
export function assertPaymentRetriesRendered(html: string): string {
  const card = /<header class="techspec-card">[\s\S]*?<\/header>/.exec(html)?.[0];
  assert.ok(card, `no header card in ${html.slice(0, 400)}`);
  assert.match(card, /<span class="techspec-card-id">TS-0002<\/span> <span class="techspec-card-title">Payment Retries<\/span> <span class="techspec-status techspec-status-0">DRAFT<\/span>/);
  assert.ok(!html.includes('tech_spec_id'), 'the YAML is not shown');
  const links = [...html.matchAll(/<a class="techspec-ref" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[1], match[2]]);
  assert.deepEqual(links, [
    ['../rfcs/RFC-0010-retry-policy.md', 'RFC-0010'],
    ['TS-0002-payment-retries.md', 'TS-0002'],
    ['TS-0001-auth-service.md', 'TS-0001'],
  ]);
  assert.match(html, /<span class="techspec-ref techspec-ref-unknown">RFC-0099<\/span>/);
  assert.match(html, /<progress class="techspec-progress-bar" value="1" max="3"><\/progress> <span class="techspec-progress-label">1 of 3 done<\/span>/);
  return card;
}

/** The fixture's README.md, which is no spec: rendered as markdown-it renders it, with nothing of ours. */
export function assertReadmeUntouched(html: string): void {
  assert.ok(!html.includes('techspec-'), html);
  assert.match(html, /Fixture workspace<\/h1>/);
}
