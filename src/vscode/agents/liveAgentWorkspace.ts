import * as vscode from 'vscode';
import type { AgentWorkspace } from '../../core/agents';
import type { TechSpecConfig } from '../../core/config';
import type { TemplateModel } from '../../core/lint';
import { summarize, type SpecSummary } from '../../core/summary';
import { formatLocalDate } from '../../core/template';
import type { Services } from '../services';

export const RESTRICTED_MODE_REASON =
  'Restricted Mode: this workspace is not trusted, so Tech Spec does not change its files. The user can trust the workspace (Manage Workspace Trust) to let checklist items be ticked';

/**
 * The agent tools' view of the editor: the live index, with the text of open editors (saved or not)
 * standing in for what the index last read of those files. Edits go through a WorkspaceEdit.
 */
export class LiveAgentWorkspace implements AgentWorkspace {
  private readonly live = new Map<string, { version: number; summary: SpecSummary }>();

  constructor(private readonly services: Pick<Services, 'index' | 'configuration' | 'templates' | 'parseCache'>) {}

  /** Open documents the index tracks, summarized from their current text (cached per version). */
  private openSummaries(): Map<string, SpecSummary> {
    const model = this.services.index.model;
    const result = new Map<string, SpecSummary>();
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      if (document.isClosed || !model.has(key)) continue;
      let entry = this.live.get(key);
      if (entry?.version !== document.version) {
        const parsed = this.services.parseCache.get(document);
        entry = { version: document.version, summary: summarize(key, document.getText(), this.services.configuration.config, parsed) };
        this.live.set(key, entry);
      }
      result.set(key, entry.summary);
    }
    for (const key of this.live.keys()) if (!result.has(key)) this.live.delete(key);
    return result;
  }

  documents(): readonly SpecSummary[] {
    const open = this.openSummaries();
    if (open.size === 0) return this.services.index.model.all();
    return this.services.index.model.all().map((summary) => open.get(summary.uri) ?? summary);
  }

  owners(id: string): readonly SpecSummary[] {
    const open = this.openSummaries();
    const owners = this.services.index.model.owners(id).filter((summary) => !open.has(summary.uri));
    for (const summary of open.values()) if (summary.ownedIds.includes(id)) owners.push(summary);
    return owners.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  readText(uri: string): Promise<string | undefined> {
    return this.services.index.readText(vscode.Uri.parse(uri));
  }

  relativePath(uri: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  configFor(uri: string): TechSpecConfig {
    return this.services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri)));
  }

  templateFor(uri: string): Promise<TemplateModel> {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri));
    return this.services.templates.model(folder, this.services.configuration.forFolder(folder));
  }

  today(): string {
    return formatLocalDate(new Date());
  }

  get readOnlyReason(): string | undefined {
    return vscode.workspace.isTrusted ? undefined : RESTRICTED_MODE_REASON;
  }

  /**
   * One undoable WorkspaceEdit on the document's current version. A file that had no unsaved
   * changes is saved after it, so the disk (git, the CLI, other tools) agrees; a dirty editor is
   * left dirty, with the user's unsaved text and the tick both in it.
   */
  async replace(uri: string, expectedText: string, offset: number, length: number, newText: string): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) return RESTRICTED_MODE_REASON;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (document.getText() !== expectedText) return 'the file changed since it was read; call the tool again';
    const wasDirty = document.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), newText);
    // The edit carries the document's version: VS Code refuses it if the text moved in between.
    if (!(await vscode.workspace.applyEdit(edit))) return 'VS Code did not apply the edit (the file changed meanwhile); call the tool again';
    if (!wasDirty && !(await document.save())) return 'the item was ticked in the editor, but the file could not be saved';
    return undefined;
  }
}
