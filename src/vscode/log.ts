import * as vscode from 'vscode';
import type { Logger } from '../core/util/log';
import { LOG_CHANNEL_NAME } from '../constants';

/** The "Tech Spec" log output channel; a LogOutputChannel already has the Logger shape. */
export function createLogChannel(): Logger & vscode.Disposable {
  return vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
}
