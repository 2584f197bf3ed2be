import type * as Yaml from 'yaml';

// The bundler's module loader, declared here so that src/core needs no Node types (tsconfig.web.json).
declare const require: (id: 'yaml') => unknown;

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use. Loading it costs tens of milliseconds, and most front
 * matter never needs it (the flat fast path reads it), so activation does not pay for it.
 * `require` here is the bundler's module loader, not a Node API: it works in every bundle.
 */
export function yamlLibrary(): typeof Yaml {
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
