// The document types suite: runs on a copy of test/fixtures/types, whose settings declare an ADR type.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
