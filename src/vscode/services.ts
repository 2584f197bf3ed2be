import type * as vscode from 'vscode';
import type { ParseCache } from '../core/parse';
import type { Logger } from '../core/util/log';
import type { AuthorLookup } from './authoringEnvironment';
import type { ConfigurationService } from './configuration';
import type { IdAllocator } from './idAllocation';
import type { TemplateSource } from './templateSource';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the adapters share; built once in activate(). */
export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly configuration: ConfigurationService;
  readonly index: WorkspaceIndex;
  readonly parseCache: ParseCache;
  readonly templates: TemplateSource;
  readonly authors: AuthorLookup;
  /** The "Tech Spec" log channel: what was skipped, what failed, what took long. */
  readonly log: Logger;
  /** Next free ids, counting other git branches where allowed. */
  readonly ids: IdAllocator;
}
