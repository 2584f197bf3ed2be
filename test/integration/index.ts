// The tests module that the extension host loads in test mode (extensionTestsPath): runs every
// compiled *.test.js next to it with mocha. The host sends console output to the workbench's log,
// so the report is also appended to $TECHSPEC_TEST_REPORT, which scripts/host/test-host.mjs prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { createHostReporter } from '../support/hostReporter';

/** Writes a report line to the workbench log and, for the terminal, to $TECHSPEC_TEST_REPORT. */
function report(line = ''): void {
  console.log(line);
  const reportFile = process.env.TECHSPEC_TEST_REPORT;
  if (reportFile) fs.appendFileSync(reportFile, `${line}\n`);
}

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTests(full);
      return entry.isFile() && entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

const HostReporter = createHostReporter(Mocha, report);

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.test.js under a folder; other suites (on other workspaces) reuse it. */
export async function runSuite(folder: string): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: HostReporter,
    grep: process.env.TECHSPEC_TEST_GREP || undefined,
  });
  const files = findTests(folder);
  for (const file of files) mocha.addFile(file);

  const { failures, total } = await new Promise<{ failures: number; total: number }>((resolve, reject) => {
    try {
      // Loads the CommonJS test files with require(), which is how they get the host's `vscode` module.
      const runner = mocha.run((count) => resolve({ failures: count, total: runner.stats?.tests ?? 0 }));
    } catch (error) {
      // A test file that throws while loading: without this line the terminal would show no reason.
      report(`could not load the tests: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  if (total === 0) throw new Error(`no integration tests ran (files: ${files.length}, grep: ${process.env.TECHSPEC_TEST_GREP ?? 'none'})`);
}
