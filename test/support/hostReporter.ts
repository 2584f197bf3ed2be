// The report of a run inside an extension host: spec-like lines whose last one is exactly
// `N passed, N failed[, N skipped]`, which scripts/host/test-host.mjs adds up across runs. Shared by the Node host's
// tests module and the web worker's, which get Mocha from different builds, so Mocha is passed in.
import type MochaType from 'mocha';

export type ReportLine = (line?: string) => void;

export function createHostReporter(Mocha: typeof MochaType, write: ReportLine): typeof MochaType.reporters.Base {
  const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } =
    Mocha.Runner.constants;

  return class HostReporter extends Mocha.reporters.Base {
    constructor(runner: MochaType.Runner, options?: MochaType.MochaOptions) {
      super(runner, options);
      let depth = 0;
      let passed = 0;
      let skipped = 0;
      const failures: { test: MochaType.Test; error: Error }[] = [];
      const indent = (): string => '  '.repeat(depth);

      runner.on(EVENT_SUITE_BEGIN, (suite: MochaType.Suite) => {
        if (!suite.root) write(`${indent()}${suite.title}`);
        depth++;
      });
      runner.on(EVENT_SUITE_END, () => {
        depth--;
      });
      runner.on(EVENT_TEST_PASS, (test: MochaType.Test) => {
        passed++;
        write(`${indent()}✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: MochaType.Test) => {
        skipped++;
        write(`${indent()}- ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: MochaType.Test, error: Error) => {
        failures.push({ test, error });
        write(`${indent()}${failures.length}) ${test.title}`);
      });
      runner.once(EVENT_RUN_END, () => {
        write();
        failures.forEach(({ test, error }, index) => {
          write(`${index + 1}) ${test.fullTitle()}`);
          write(`   ${String(error?.stack ?? error).split('\n').join('\n   ')}`);
          write();
        });
        write(`${passed} passed, ${failures.length} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
      });
    }
  };
}
