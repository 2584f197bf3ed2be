// The team-template suite: runs on test/fixtures/customTemplate, whose settings point techSpec.templatePath
// at its own template (optional sections, a "Delivery Tasks" checklist, reference links, HTML comments in headings).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
