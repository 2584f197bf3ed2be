import * as vscode from 'vscode';
import { MARKDOWN_LANGUAGE } from '../constants';
import { keyHover } from '../core/frontMatterKeyHover';
import { fromVsPosition, toVsRange } from './convert';
import type { Services } from './services';

/** A hover on a front-matter key says what it means (the lifecycle's keys included); plain text only. */
export function registerFrontMatterKeyHover(services: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: MARKDOWN_LANGUAGE },
    {
      provideHover(document, position) {
        const found = keyHover(services.parseCache.get(document), fromVsPosition(position));
        if (!found) return undefined;
        const markdown = new vscode.MarkdownString();
        markdown.isTrusted = false;
        markdown.supportHtml = false;
        for (const line of found.lines) markdown.appendText(`${line}\n\n`);
        return new vscode.Hover(markdown, toVsRange(found.range));
      },
    },
  );
}
