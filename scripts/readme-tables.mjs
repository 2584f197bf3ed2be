// Keeps the README's rule and setting tables in step with the code: `node scripts/readme-tables.mjs`
// rewrites them; test/unit/readme.test.ts fails when they are stale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** `warning`, or `information in DRAFT, else warning` for a rule whose default depends on the status. */
export function defaultSeverityText(rule) {
  const byStatus = Object.entries(rule.byStatus ?? {});
  if (byStatus.length === 0) return rule.severity;
  return `${byStatus.map(([status, severity]) => `${severity} in ${status}`).join(', ')}, else ${rule.severity}`;
}

export function rulesTable(rules) {
  const rows = rules.map((rule) => `| ${rule.code} | \`${rule.name}\` | ${defaultSeverityText(rule)} | ${rule.description} | ${rule.template || '—'} |`);
  return ['| code | name | default | what it reports | what it reads from the template |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function settingsTable(manifest) {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, property]) => {
    const fallback = JSON.stringify(property.default);
    const description = (property.markdownDescription ?? property.description ?? '').replace(/\n/g, ' ').replace(/\|/g, '\\|');
    return `| \`${key}\` | \`${fallback.replace(/\|/g, '\\|')}\` | ${description} |`;
  });
  return ['| setting | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

export function replaceBetween(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

export function renderReadme(readme, rules, manifest) {
  return replaceBetween(replaceBetween(readme, 'rules', rulesTable(rules)), 'settings', settingsTable(manifest));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { RULES } = require(path.join(root, 'out/src/core/lint/rules.js'));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = path.join(root, 'README.md');
  fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8'), RULES, manifest));
  console.log('README.md tables updated');
}
