// The bad-input suite: runs on a workspace made of test/fixtures/bad plus the large generated inputs.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
