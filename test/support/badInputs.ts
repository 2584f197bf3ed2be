// The large bad inputs: too big to commit, so they are made here. test/unit/badInputs.test.ts runs
// the core and the CLI on them; the host test writes them into its copy of test/fixtures/bad.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BadInput {
  /** A spec file name (`TS-01NN-<what>.md`), so the checks treat the file as a spec. */
  readonly name: string;
  readonly text: string;
  /** What the input tests. */
  readonly what: string;
}

function frontMatter(id: string, title: string): string {
  return `---\ntech_spec_id: ${id}\ntitle: ${title}\nstatus: DRAFT\nauthor: Corpus\ncreated: 2024-03-01\nlast_updated: 2024-03-02\n---\n`;
}

function comment(what: string): string {
  return `\n<!-- tests: ${what} -->\n\n`;
}

/** A piece of inline Markdown cut to an exact length: emphasis, code, links, autolinks, ids. */
function inlineRun(length: number): string {
  const unit = 'word *em* _u_ `code` [link](https://x.example/a) <https://y.example> TS-0001 ';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const MAX_FILE_SIZE = 5 * 1024 * 1024;

export function largeBadInputs(): BadInput[] {
  const inputs: BadInput[] = [];

  {
    const what = 'a heading 100,000 characters long, full of inline markup';
    inputs.push({ name: 'TS-0190-long-heading.md', what, text: `${frontMatter('TS-0190', 'Long heading')}${comment(what)}## ${inlineRun(100_000)}\n\n[Name]\n` });
  }
  {
    const what = '50,000 headings: same texts (slug suffixes), levels 1 to 6, ATX and setext';
    const parts: string[] = [frontMatter('TS-0191', 'Many headings'), comment(what)];
    for (let i = 0; i < 50_000; i++) {
      const shape = i % 5;
      if (shape === 0) parts.push(`# Same\n`);
      else if (shape === 1) parts.push(`## Same ${i % 7}\n`);
      else if (shape === 2) parts.push(`Same\n---\n`);
      else if (shape === 3) parts.push(`###### Deep ${i}\n`);
      else parts.push(`### Executive Summary\n\n[What this component does]\n`);
    }
    inputs.push({ name: 'TS-0191-many-headings.md', what, text: parts.join('') });
  }
  {
    const what = '100,000 task items in the Implementation Checklist';
    const parts: string[] = [frontMatter('TS-0192', 'Many tasks'), comment(what), '## Implementation Checklist\n\n'];
    for (let i = 0; i < 100_000; i++) parts.push(i % 3 === 0 ? `- [x] task ${i} RFC-0404\n` : `- [ ] task ${i}\n`);
    inputs.push({ name: 'TS-0192-many-tasks.md', what, text: parts.join('') });
  }
  {
    const what = 'a file over 5 MB (techSpec.maxFileSize): listed, not parsed';
    const head = `${frontMatter('TS-0193', 'Too large')}${comment(what)}`;
    const line = 'This line cites RFC-0404 and TS-0001 and says nothing else of note.\n';
    const text = head + line.repeat(Math.ceil((MAX_FILE_SIZE + 4096 - head.length) / line.length));
    inputs.push({ name: 'TS-0193-too-large.md', what, text });
  }
  {
    // Not committed for another reason: frontMatterEquivalence.test.ts hands every fixture's front
    // matter to `yaml` itself, which overflows the stack on it and can abort the test process.
    const what = 'YAML nested 5,000 levels deep: refused before `yaml` recurses into a stack overflow';
    const tags = `tags: ${'['.repeat(5000)}x${']'.repeat(5000)}\n`;
    inputs.push({ name: 'TS-0194-yaml-nesting-bomb.md', what, text: frontMatter('TS-0194', 'Nesting bomb').replace(/---\n$/, `${tags}---\n`) + comment(what) });
  }
  return inputs;
}

/** Writes the large inputs into a folder (a copy of test/fixtures/bad); returns their paths. */
export function writeLargeBadInputs(folder: string): string[] {
  return largeBadInputs().map((input) => {
    const file = path.join(folder, input.name);
    fs.writeFileSync(file, input.text);
    return file;
  });
}
