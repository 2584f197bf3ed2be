import picomatch from 'picomatch';
import type { TechSpecConfig } from '../config';

export type FilterConfig = Pick<TechSpecConfig, 'specGlob' | 'exclude' | 'templatePath'>;

/** Which workspace-relative paths the index holds: the spec glob, minus exclusions and the template. */
export class SpecFilter {
  private readonly included: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;
  private readonly templatePath: string;

  // Relative paths use `/` on every OS; `windows: false` also keeps picomatch from reading `navigator`, which VS Code
  // 1.139's Node 24 extension host reports as a deprecated global.
  constructor(config: FilterConfig) {
    this.included = picomatch(config.specGlob, { windows: false, dot: false });
    this.excluded = config.exclude.length > 0 ? picomatch([...config.exclude], { windows: false, dot: true }) : () => false;
    // The custom template is not a spec, though it looks like one.
    this.templatePath = config.templatePath.replace(/\\/g, '/').replace(/^\.\//, '');
  }

  /** Whether a file at this relative path belongs in the index. */
  matches(relativePath: string): boolean {
    if (relativePath === this.templatePath) return false;
    return this.included(relativePath) && !this.excluded(relativePath);
  }

  /** Whether everything under a folder is excluded (node_modules, out): such folders are never scanned. */
  excludesFolder(relativePath: string): boolean {
    const folder = relativePath.replace(/\/+$/, '');
    return this.excluded(folder) || this.excluded(`${folder}/`) || this.excluded(`${folder}/x.md`);
  }
}
