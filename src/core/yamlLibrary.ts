import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use. Loading it costs tens of milliseconds, and most front
 * matter never needs it (the flat fast path reads it), so activation does not pay for it.
 * `require` here is the bundler's module loader, not a Node API: it works in every bundle.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
