import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import { activateExtension } from '../integration/helpers';

describe('web worker extension host', () => {
  it('runs the extension as a UI extension next to these tests, with no Node.js', async () => {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    // The web worker host runs UI-kind extensions; the server's Node host runs Workspace-kind ones.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });
});
