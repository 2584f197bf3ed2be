// The tests module for the web worker extension host (extensionTestsPath of the `web` suite). It is a browser bundle
// (scripts/host/build-web-tests.mjs) loaded in the same host as the extension's `browser` entry: no Node, no file
// system. So the report is written through vscode.workspace.fs to a file on the server whose path, like the mocha
// grep, comes from the user settings that the harness seeds (`techSpecTest.*`).
// The browser build of mocha defines the globals `Mocha` and `mocha` (typed by @types/mocha) when it loads.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { createHostReporter } from '../support/hostReporter';

/** Appends report lines to the report file, one write at a time, and echoes them to the console. */
class ReportFile {
  private text = '';
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly uri: vscode.Uri | undefined) {}

  line(line = ''): void {
    console.log(line);
    if (!this.uri) return;
    this.text += `${line}\n`;
    const uri = this.uri;
    // The whole text each time: the harness prints the file as it grows.
    this.writing = this.writing.then(() => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.text)), () => undefined);
  }

  flushed(): Promise<void> {
    return this.writing;
  }
}

function reportUri(path: string | undefined): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return path && folder ? folder.uri.with({ path }) : undefined;
}

/**
 * The integration suites that make sense without Node: the tree, authoring, navigation, checks and their fixes, the
 * spec index file, the language model tools and the lifecycle (Set Status, Approve, Supersede, lenses); the Markdown
 * preview plugin in webHost.test.ts (see there why). Left
 * out: what reads the disk with Node's fs or starts processes (git author, symbolic links, the MCP server, the
 * index-build race and settings tests that write files beside the workspace).
 */
function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./webHost.test');
  require('../integration/tree.test');
  require('../integration/newSpec.test');
  require('../integration/snippets.test');
  require('../integration/completion.test');
  require('../integration/references.test');
  require('../integration/diagnostics.test');
  require('../integration/quickFixes.test');
  require('../integration/specIndex.test');
  require('../integration/agents.test');
  require('../integration/lifecycle.test');
  require('../integration/lifecyclePick.test');
  require('../integration/supersede.test');
  require('./lifecycleWeb.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export async function run(): Promise<void> {
  const settings = vscode.workspace.getConfiguration('techSpecTest');
  const report = new ReportFile(reportUri(settings.get<string>('reportFile')));
  const grep = settings.get<string>('grep') || undefined;
  mocha.setup({ ui: 'bdd', timeout: 60_000, color: false, reporter: createHostReporter(Mocha, (line) => report.line(line)), ...(grep ? { grep } : {}) });
  try {
    loadTests();
  } catch (error) {
    report.line(`could not load the tests: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    await report.flushed();
    throw error;
  }
  const { failures, total } = await new Promise<{ failures: number; total: number }>((resolve) => {
    const runner = mocha.run((count) => resolve({ failures: count, total: runner.stats?.tests ?? 0 }));
  });
  await report.flushed();
  if (failures > 0) throw new Error(`${failures} web integration test(s) failed`);
  if (total === 0) throw new Error(`no web integration tests ran (grep: ${grep ?? 'none'})`);
}
