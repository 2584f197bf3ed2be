// The ids suite: runs on a copy of test/fixtures/ids made into a git repository (scripts/host/test-host.mjs).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
