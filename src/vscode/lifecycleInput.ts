import * as vscode from 'vscode';
import type { TechSpecConfig } from '../core/config';
import type { GuardInput } from '../core/lifecycle/guards';
import { factsFrom } from '../core/lint';
import { formatLocalDate } from '../core/template';
import type { Services } from './services';

/** What the lifecycle commands accept for a spec: a Uri, a uri string, or nothing for the active editor's. */
export function targetUri(given: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (given instanceof vscode.Uri) return given;
  if (typeof given === 'string' && given !== '') return vscode.Uri.parse(given);
  return vscode.window.activeTextEditor?.document.uri;
}

/** The spec as the guards read it: the open text, its folder's template and settings, and who owns which id. */
export async function guardInputFor(services: Services, document: vscode.TextDocument): Promise<{ input: GuardInput; config: TechSpecConfig }> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const config = services.configuration.forFolder(folder);
  await services.index.ready();
  const template = await services.templates.model(folder, config);
  const input: GuardInput = {
    uri: services.index.canonicalUri(document.uri),
    parsed: services.parseCache.get(document),
    template,
    config,
    workspace: factsFrom(services.index.model),
    today: formatLocalDate(new Date()),
    checklistSection: config.checklistSection,
  };
  return { input, config };
}
