// The multi-root suite: opens test/fixtures/multiroot/multi.code-workspace, so that folders can be
// added and removed without the window reloading.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
