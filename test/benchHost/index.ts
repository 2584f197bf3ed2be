// Runs inside the real extension host on a 10,000-spec workspace (bench/host.mjs) and writes
// its measurements as JSON to TECHSPEC_BENCH_OUT. No assertions: this measures.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { TechSpecApi } from '../../src/extension';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function sample(count: number, fn: () => Thenable<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export async function run(): Promise<void> {
  const out = process.env.TECHSPEC_BENCH_OUT;
  if (!out) throw new Error('TECHSPEC_BENCH_OUT is not set');
  const extension = vscode.extensions.getExtension<TechSpecApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const wasActive = extension.isActive;
  let start = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - start;

  start = performance.now();
  const roots = await api.tree.getChildren();
  const treeMs = performance.now() - start;
  const specs = api.index.model.specs().length;

  // The same full re-read through vscode.workspace.fs and through Node's fs: does the Node path still pay for itself?
  api.index.source.useLocalFiles = false;
  start = performance.now();
  await api.index.refresh();
  const workspaceFsMs = performance.now() - start;
  api.index.source.useLocalFiles = true;
  start = performance.now();
  await api.index.refresh();
  const nodeFsMs = performance.now() - start;

  const all = api.index.model.specs().sort((a, b) => (a.uri < b.uri ? -1 : 1));
  const spec = vscode.Uri.parse(all[Math.floor(all.length / 2)].uri);
  const document = await vscode.workspace.openTextDocument(spec);
  await vscode.window.showTextDocument(document);
  const decisionLine = document.getText().split('\n').findIndex((line) => line.startsWith('decision_ref:'));
  const idEnd = document.lineAt(decisionLine).text.indexOf('RFC-') + 'RFC-0001'.length;
  const completion = await sample(100, () =>
    vscode.commands.executeCommand('vscode.executeCompletionItemProvider', spec, new vscode.Position(decisionLine, idEnd)),
  );
  const hover = await sample(100, () => vscode.commands.executeCommand('vscode.executeHoverProvider', spec, new vscode.Position(decisionLine, idEnd - 3)));
  // Baselines in the same run: the same commands where Tech Spec answers nothing, so what remains
  // is VS Code's own round trip and the other providers (word-based completion, Markdown's own).
  const bodyLine = document.lineCount - 2;
  const completionBaseline = await sample(100, () => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', spec, new vscode.Position(bodyLine, 0)));
  const hoverBaseline = await sample(100, () => vscode.commands.executeCommand('vscode.executeHoverProvider', spec, new vscode.Position(bodyLine, 0)));
  fs.writeFileSync(out, JSON.stringify({ wasActive, activationMs, ownActivation: api.activationTiming, treeMs, rootGroups: roots.length, specs, lastBuild: api.index.lastBuild, workspaceFsMs, nodeFsMs, completion, hover, completionBaseline, hoverBaseline }));
}
