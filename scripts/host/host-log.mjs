// Reads the logs of a finished host run for warnings and errors that name this extension: VS Code's own complaints
// about how the extension uses its API (a window-scoped setting read for a resource, a deprecated global). The
// extension's own "Tech Spec" channel is left out: what it says at warning level is its job.
import fs from 'node:fs';
import path from 'node:path';

// An entry starts with a time stamp; the lines after it (a stack) belong to it.
const ENTRY_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/;
const LEVEL = /\[(warning|error)\]/;
// Not complaints about the extension, but answers the API asks for as errors, which VS Code logs when a caller (here,
// a test asserting the message) gets them: a language model tool rejecting bad input with a message the model can act
// on, and F2 refusing a new id (a rename provider throws to show its reason; src/core/ids/rename.ts targetRefusal).
const EXPECTED = [
  /\[LanguageModelToolsService#invokeTool\] Error from tool techspec_/,
  /\[error\] Error: (\S+ is already owned by |\S+ is not a known id prefix |"[^"]*" is not an id: |The id is already )/,
];

function logFiles(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return logFiles(full);
    return entry.isFile() && entry.name.endsWith('.log') ? [{ name: full, text: () => fs.readFileSync(full, 'utf8') }] : [];
  });
}

function entries(text) {
  const result = [];
  for (const line of text.split(/\r?\n/)) {
    if (ENTRY_START.test(line) || result.length === 0) result.push(line);
    else result[result.length - 1] += `\n${line}`;
  }
  return result;
}

/**
 * The warning and error entries that mention the extension (by id or by a path inside it), from the log files under
 * `dirs` and the workbench's logs that `codeAutomationExit` handed over (`{ relativePath, contents }`), each as
 * `file: first line`.
 */
export function hostLogWarnings({ dirs = [], logs = [], extensionId, extensionPath }) {
  const files = [
    ...dirs.flatMap(logFiles),
    ...logs.filter((entry) => typeof entry?.relativePath === 'string')
      .map((entry) => ({ name: entry.relativePath, text: () => String(entry.contents ?? '') })),
  ];
  const id = extensionId.toLowerCase();
  // The test hosts are installed inside the extension's folder (.vscode-test/): a stack through VS Code's own
  // extensions there (the Markdown language server, say) is not the extension's.
  const hostInstall = `${extensionPath.replace(/[\\/]+$/, '')}/.vscode-test/`;
  const namesExtensionPath = (entry) => entry.split(hostInstall).join('').includes(extensionPath);
  const own = (name) => name.split(/[\\/]/).some((segment) => segment.toLowerCase() === id) || /Tech Spec\.log$/.test(name);
  const found = [];
  for (const file of files) {
    if (own(file.name)) continue;
    for (const entry of entries(file.text())) {
      const firstLine = entry.split('\n', 1)[0];
      if (!LEVEL.test(firstLine) || EXPECTED.some((pattern) => pattern.test(firstLine))) continue;
      if (entry.toLowerCase().includes(id) || namesExtensionPath(entry)) found.push(`${path.basename(file.name)}: ${firstLine}`);
    }
  }
  return found;
}
