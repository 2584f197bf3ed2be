import * as vscode from 'vscode';
import { Commands } from '../constants';
import { documentFileName, documentTypesOf, findType, isSpecType, pluralName, type DocumentType } from '../core/types';
import type { CreationKind, NewSpecArgs, SpecCreator } from './newSpecCommand';
import type { Services } from './services';

/** `techSpec.newDocument`: New Tech Spec's arguments, and the type (prefix or name) of the document. */
export interface NewDocumentArgs extends NewSpecArgs {
  type?: string;
}

/**
 * New Document…: asks for the type first (unless given), then creates a document of that type
 * from its template with its next id, never overwriting. A tech spec goes through New Tech Spec
 * itself, so its contract stays the one place that creates specs; other types go through the same
 * creator, so every creation shares one queue and one no-overwrite create.
 */
export function registerNewDocumentCommand(services: Services, creator: SpecCreator): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.newDocument, (args?: NewDocumentArgs) => newDocument(services, creator, typeof args === 'object' && args !== null ? args : {}));
}

async function newDocument(services: Services, creator: SpecCreator, args: NewDocumentArgs): Promise<vscode.Uri | undefined> {
  const type = await pickType(services, args.type);
  if (!type) return undefined;
  // New Tech Spec takes the same arguments but the type: its contract stays as it is.
  if (isSpecType(type)) return vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.newSpec, withoutType(args));
  return creator.runKind(typeKind(services, type), withoutType(args), () => askTitle(type));
}

/** A type other than the tech spec, as the creator writes it: the type's template, folder and names. */
function typeKind(services: Services, type: DocumentType): CreationKind {
  return {
    typeFor: () => type,
    template: (workspaceFolder, config) => services.templates.typeText(workspaceFolder, config, type),
    noun: type.name,
    nouns: pluralName(type),
    folderSetting: `the ${type.name} folder`,
  };
}

async function pickType(services: Services, wanted: string | undefined): Promise<DocumentType | undefined> {
  const types = documentTypesOf(services.configuration.config);
  if (wanted !== undefined) {
    const type = findType(types, String(wanted));
    if (!type) void vscode.window.showErrorMessage(`Tech Spec: no document type "${String(wanted)}"; the types are ${types.map((candidate) => candidate.prefix).join(', ')}.`);
    return type;
  }
  const items = types.map((type) => ({ label: type.name, description: `${type.prefix}-… in ${type.folder}`, type }));
  return (await vscode.window.showQuickPick(items, { title: 'New Document', placeHolder: 'Type of the new document', ignoreFocusOut: true }))?.type;
}

async function askTitle(type: DocumentType): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `New ${type.name}`,
    prompt: `Title of the ${type.name}. Written to ${type.folder}/${documentFileName(type, `${type.prefix}-${'N'.repeat(type.idDigits)}`, '<slug>')}`,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'The title cannot be empty.'),
  });
}

function withoutType(args: NewDocumentArgs): NewSpecArgs {
  const specArgs: NewDocumentArgs = { ...args };
  delete specArgs.type;
  return specArgs;
}
