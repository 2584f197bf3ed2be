// `npm run screenshots`: pictures of the extension at work for the README, taken from the real workbench.
// Starts the same host as `npm start` (code-server + this extension) on a fresh copy of samples/workspace, drives the
// workbench in headless Chromium with the mouse and keyboard like a user, and writes media/screenshots/*.png.
// Usage: node scripts/screenshots.mjs [--only problems,hover,completion,newSpec,lenses,preview,tree,types] [--keep-going]
// On a failure, the full window is saved next to the host logs in .vscode-test/logs/. TECHSPEC_SHOTS_FULL=1 also
// writes the uncropped window as <name>.full.png, to check a crop.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer, repoRoot } from './host/ensure-code-server.mjs';
import { removeOnExit, startHost } from './host/host.mjs';
import { copySampleWorkspace } from './sample-workspace.mjs';

const outDir = path.join(repoRoot, 'media', 'screenshots');
const sampleWorkspace = path.join(repoRoot, 'samples', 'workspace');
const log = (message) => console.error(`[screenshots] ${message}`);
const WAIT = 60_000; // generous: the first extension activation on a cold machine can be slow
const VIEWPORT = { width: 1400, height: 900 };
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'workbench.editor.enablePreview': false,
  'workbench.layoutControl.enabled': false,
  'editor.hover.delay': 200,
  'editor.stickyScroll.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The walkthrough opens by itself on a first activation; these pictures are of other things.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, 'keep-going': { type: 'boolean', default: false } },
});
const only = args.only ? new Set(args.only.split(',')) : undefined;

/** Keys with Ctrl on Linux/Windows. The host always runs on Linux here. */
const MOD = 'Control';

async function main() {
  const started = Date.now();
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  await ensureCodeServer({ log });

  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-shots-'));
  const removeWorkspace = removeOnExit(parent);
  const workspace = path.join(parent, 'acme-checkout');
  copySampleWorkspace(workspace);
  fs.mkdirSync(outDir, { recursive: true });

  const host = await startHost({ workspace, extensionDevelopmentPath: repoRoot, viewport: VIEWPORT, settings: SETTINGS, log });
  const { page } = host;
  let failed = false;
  try {
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: WAIT });
    // The tree goes after the editor pictures: it widens the side bar, which would wrap their lines. The preview
    // goes after the tree: it is the newest picture, so a failure there costs no other one.
    // The document types picture changes the workspace's settings: it goes last.
    const shots = { problems, hover, completion, newSpec, lenses, tree, preview, types: (p) => types(p, workspace) };
    for (const [name, shoot] of Object.entries(shots)) {
      if (only && !only.has(name)) continue;
      const t0 = Date.now();
      try {
        const file = await shoot(page);
        const kb = (fs.statSync(file).size / 1024).toFixed(0);
        log(`${path.relative(repoRoot, file)} (${kb} KB, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed = true;
        log(`${name} FAILED: ${error instanceof Error ? error.message : error}`);
        const dir = await host.saveLogs(`screenshots-${name}`);
        log(`window and logs saved to ${path.relative(repoRoot, dir)}`);
        if (!args['keep-going']) break;
      }
      await reset(page);
    }
  } finally {
    await host.close();
    removeWorkspace();
  }
  log(`${failed ? 'FAILED' : 'done'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const visible = (locator) => locator.waitFor({ state: 'visible', timeout: WAIT });
const hidden = (locator) => locator.waitFor({ state: 'hidden', timeout: WAIT });

/** Closes widgets and editors so that every picture starts from the same state. */
async function reset(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await hidden(page.locator('.quick-input-widget'));
  while (await page.locator('.tabs-container .tab.dirty').count() > 0) {
    await page.locator('.tabs-container .tab.dirty').first().click();
    await runCommand(page, 'File: Revert File');
  }
  await runCommand(page, 'View: Close All Editors');
  await hidden(page.locator('.tabs-container .tab'));
  if (await page.locator('.part.panel').isVisible()) {
    await runCommand(page, 'View: Hide Panel');
    await hidden(page.locator('.part.panel'));
  }
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
}

/** Runs a command through the command palette (F1), as a user would. */
async function runCommand(page, label) {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await visible(quickInput);
  await page.keyboard.type(label);
  await visible(quickInput.locator('.monaco-list-row.focused', { hasText: label }));
  await page.keyboard.press('Enter');
}

/** Opens a file by name through Quick Open (Ctrl+P) and waits for its editor to have focus. */
async function openFile(page, name) {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press(`${MOD}+P`);
  await visible(quickInput);
  await page.keyboard.type(name);
  // The focused row, not just any row: until the filter catches up, a recently opened file is focused.
  await visible(quickInput.locator('.monaco-list-row.focused', { hasText: name }));
  await page.keyboard.press('Enter');
  await hidden(quickInput);
  const tab = page.locator('.tabs-container .tab.active', { hasText: name });
  await visible(tab);
  await visible(page.locator('.editor-group-container.active .monaco-editor.focused'));
}

/** Ctrl+G to `line[:column]`. */
async function goTo(page, line, column) {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press(`${MOD}+G`);
  await visible(quickInput);
  await page.keyboard.type(column ? `${line}:${column}` : String(line));
  await page.keyboard.press('Enter');
  await hidden(quickInput);
}

/** 1-based line and column of the first `needle` in the sample file at or after the line that matches `after`. */
function position(relativePath, needle, after = /^/) {
  const lines = fs.readFileSync(path.join(sampleWorkspace, relativePath), 'utf8').split('\n');
  const start = lines.findIndex((line) => after.test(line));
  for (let i = Math.max(0, start); i < lines.length; i++) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  throw new Error(`${needle} not found in ${relativePath}`);
}

/** Runs `attempt` until it succeeds or WAIT has passed, calling `undo` between attempts. */
async function retry(attempt, undo) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await undo();
    }
  }
}

async function boxOf(locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box`);
  return box;
}

/** The smallest viewport rectangle holding all boxes, plus a margin. */
function union(boxes, margin = 8) {
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(VIEWPORT.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(VIEWPORT.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(right - x), height: Math.round(bottom - y) };
}

async function shoot(page, name, clip) {
  const file = path.join(outDir, `${name}.png`);
  // Let the last frame settle (cursor blink, fade-in animations) without a fixed sleep on the logic.
  // Runs in the page, where requestAnimationFrame exists.
  /* global requestAnimationFrame */
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if (process.env.TECHSPEC_SHOTS_FULL === '1') await page.screenshot({ path: file.replace(/\.png$/, '.full.png') });
  await page.screenshot({ path: file, clip, animations: 'disabled', caret: 'hide' });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// The pictures

/** A spec's code lenses (references, decision and PRD state, next statuses, progress) and the status bar item. */
async function lenses(page) {
  await openFile(page, 'TS-0001-access-token-service.md');
  const status = page.locator('.statusbar-item', { hasText: /TS-0001 · / });
  await visible(status);
  // A first activation opens the walkthrough over the spec: start again from a clean window.
  await reset(page);
  await openFile(page, 'TS-0001-access-token-service.md');
  const editor = page.locator('.editor-group-container.active');
  // The lenses come once the index is built: every one of the front matter's and the checklist heading's.
  await page.waitForFunction(() => globalThis.document.querySelectorAll('.editor-group-container.active .codelens-decoration').length >= 4, null, { timeout: WAIT });
  await visible(status);
  const editorBox = await boxOf(editor);
  const statusBox = await boxOf(status);
  const top = { x: editorBox.x, y: editorBox.y, width: Math.min(editorBox.width, 900), height: 360 };
  return shoot(page, 'lenses', union([top, statusBox]));
}

/** The Tech Specs view: status groups with counts, specs with checklist progress, one spec's table of contents. */
async function tree(page) {
  const item = page.locator('.activitybar a.action-label[aria-label^="Tech Specs"]');
  await visible(item);
  await item.click();
  const view = page.locator('.part.sidebar');
  await visible(view);
  await widenSidebar(page, view, 430);
  const spec = view.locator('.monaco-list-row', { hasText: 'TS-0003 · Order Event Outbox' });
  await visible(spec);
  await visible(view.locator('.monaco-list-row', { hasText: 'TS-0008 · Audit Log Ingestion' }));
  // A click opens the spec (and the tree follows the active editor); the twistie shows its table of contents.
  await spec.click();
  await visible(page.locator('.tabs-container .tab.active', { hasText: 'TS-0003-order-event-outbox.md' }));
  if ((await spec.getAttribute('aria-expanded')) !== 'true') await spec.locator('.monaco-tl-twistie').click();
  await visible(view.locator('.monaco-list-row', { hasText: 'Implementation Checklist' }));
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
  const rows = await view.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
  const sidebar = await boxOf(view);
  const top = Math.round(sidebar.y); // below the title bar
  return shoot(page, 'tree', { x: 0, y: top, width: Math.round(sidebar.x + sidebar.width), height: Math.round(Math.max(...rows) + 12 - top) });
}

/**
 * The Tech Specs view with document types declared (an ADR type, in the workspace's settings): one root per type
 * with documents, Tech Specs and RFCs (PRDs below), each grouped by its own statuses.
 */
async function types(page, workspace) {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'techSpec.documentTypes': [{ prefix: 'ADR', folder: 'docs/adr' }] }, null, 2)}\n`);
  const item = page.locator('.activitybar a.action-label[aria-label^="Tech Specs"]');
  await visible(item);
  const view = page.locator('.part.sidebar');
  // A click on the active view's icon would close the side bar: click only when another view is shown.
  const active = await item.evaluate((el) => el.getAttribute('aria-selected') === 'true' || el.closest('.action-item')?.classList.contains('checked') === true);
  if (!active || !(await view.isVisible())) await item.click();
  await visible(view);
  await widenSidebar(page, view, 430);
  await visible(view.locator('.monaco-list-row', { hasText: 'Tech Specs' }).first());
  await visible(view.locator('.monaco-list-row', { hasText: 'RFCs' }));
  await visible(view.locator('.monaco-list-row', { hasText: 'RFC-0007' }));
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
  const rows = await view.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
  const sidebar = await boxOf(view);
  const top = Math.round(sidebar.y);
  return shoot(page, 'tree-types', { x: 0, y: top, width: Math.round(sidebar.x + sidebar.width), height: Math.round(Math.min(VIEWPORT.height, Math.max(...rows) + 12) - top) });
}

/** Drags the sash between the side bar and the editor so that long titles fit. */
async function widenSidebar(page, view, width) {
  const box = await boxOf(view);
  if (box.width >= width) return;
  const edge = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(edge, y);
  await page.mouse.down();
  await page.mouse.move(edge + (width - box.width) / 2, y, { steps: 5 });
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

/** Hover on an RFC id in a spec's prose: the RFC's title, status, author, date and first sentence. */
async function hover(page) {
  const file = 'docs/specs/TS-0001-access-token-service.md';
  await openFile(page, path.basename(file));
  const at = position(file, 'RFC-0007', /^## Executive Summary/);
  // The extension underlines the ids it resolves (document links) once its index is ready.
  await visible(page.locator('.editor-group-container.active .view-line .detected-link', { hasText: 'RFC-0007' }).first());
  await goTo(page, at.line, at.column + 3);
  // Show Hover (Ctrl+K Ctrl+I) at the cursor: no mouse position to get right. "Status:" comes from the extension's
  // hover (the link's own hover also names the title); a hover asked for too early is asked for again.
  const widget = page.locator('.monaco-editor .monaco-hover').filter({ hasText: 'Status: ACCEPTED' });
  await retry(async () => {
    await page.keyboard.press(`${MOD}+K`);
    await page.keyboard.press(`${MOD}+I`);
    await widget.waitFor({ state: 'visible', timeout: 5_000 });
  }, () => page.keyboard.press('Escape'));
  const editor = await boxOf(page.locator('.editor-group-container.active .monaco-editor'));
  const cursor = await boxOf(page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first());
  const box = await boxOf(widget);
  // From the line numbers to the editor's right edge, from above the hover to two lines below the cursor.
  const clip = union([box, { x: editor.x, y: cursor.y + cursor.height * 3, width: editor.width - 24, height: 1 }], 16);
  const left = Math.round(editor.x);
  return shoot(page, 'hover', { ...clip, x: left, width: clip.x + clip.width - left });
}

/** Front-matter completion: the statuses in lifecycle order after `status: `. */
async function completion(page) {
  const file = 'docs/specs/TS-0006-magic-link-email.md';
  await openFile(page, path.basename(file));
  const at = position(file, 'DRAFT', /^status:/);
  await goTo(page, at.line, at.column + 'DRAFT'.length);
  for (let i = 0; i < 'DRAFT'.length; i++) await page.keyboard.press('Backspace');
  const widget = page.locator('.monaco-editor .suggest-widget');
  await retry(async () => {
    await page.keyboard.press(`${MOD}+Space`);
    await widget.locator('.monaco-list-row', { hasText: 'IN_REVIEW' }).waitFor({ state: 'visible', timeout: 5_000 });
  }, () => page.keyboard.press('Escape'));
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  const top = await boxOf(editor);
  const box = await boxOf(widget);
  const docs = page.locator('.monaco-editor .suggest-details-container');
  const boxes = [box, { x: top.x - 60, y: top.y, width: 10, height: 10 }];
  if (await docs.isVisible()) boxes.push(await boxOf(docs));
  const clip = union(boxes, 16);
  const left = Math.round((await boxOf(page.locator('.editor-group-container.active .monaco-editor'))).x);
  const png = await shoot(page, 'completion', { ...clip, x: Math.max(clip.x, left), width: clip.x + clip.width - Math.max(clip.x, left) });
  // Put the status back (the web workbench auto-saves), so that the spec keeps its place in the tree picture.
  await page.keyboard.press('Escape');
  await hidden(widget);
  await page.keyboard.type('DRAFT');
  await visible(page.locator('.editor-group-container.active .view-line', { hasText: /^status:\s+DRAFT\s*$/ }));
  return png;
}

/** New Tech Spec from the command palette: the title prompt. */
async function newSpec(page) {
  await runCommand(page, 'Tech Spec: New Tech Spec');
  const quickInput = page.locator('.quick-input-widget');
  await visible(quickInput.locator('.quick-input-title', { hasText: 'New Tech Spec' }));
  await visible(quickInput.locator('.quick-input-message', { hasText: 'Title of the spec' }));
  await page.keyboard.type('Warehouse Slot Booking');
  const box = await boxOf(quickInput);
  // With the title bar above it, so that it reads as VS Code's own prompt.
  return shoot(page, 'new-spec', union([box, { x: box.x, y: 0, width: box.width, height: 1 }], 40));
}

/** The checks on the broken sample spec in the Problems panel (Ctrl+Shift+M). */
async function problems(page) {
  const file = 'docs/specs/TS-0008-audit-log-ingestion.md';
  await openFile(page, path.basename(file));
  await page.keyboard.press(`${MOD}+Shift+M`);
  const panel = page.locator('.markers-panel');
  await visible(panel);
  await visible(panel.locator('.monaco-list-row', { hasText: 'TS006' }));
  await visible(panel.locator('.monaco-list-row', { hasText: 'TS020' }));
  const editorBox = await boxOf(page.locator('.part.editor'));
  const panelBox = await boxOf(page.locator('.part.panel'));
  const lastRow = await boxOf(panel.locator('.monaco-list-row').last());
  // The editor's top (front matter with squiggles), the panel's tabs and its rows.
  return shoot(page, 'problems', union([{ ...editorBox, height: 250 }, { ...panelBox, height: lastRow.y + lastRow.height + 8 - panelBox.y }], 0));
}

/** VS Code's Markdown preview of a sample spec: the header card, linked ids, and the body below. */
async function preview(page) {
  await openFile(page, 'TS-0007-payment-retry-worker.md');
  await runCommand(page, 'Markdown: Open Preview');
  // The preview is a webview: an iframe holding the active frame with the rendered document.
  const card = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('.techspec-card');
  await visible(card);
  await visible(page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('a.techspec-ref').first());
  const editorBox = await boxOf(page.locator('.part.editor'));
  return shoot(page, 'preview', union([{ ...editorBox, height: Math.min(editorBox.height, 560) }], 0));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  },
);
