// The Restricted Mode suite: workspace trust on, and test/fixtures/restricted left untrusted.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
