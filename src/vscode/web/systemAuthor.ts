import type { SystemAuthor } from '../authoringEnvironment';

/** In the browser no process can run: there is no git and no OS user, so the author comes from the setting only. */
export const webSystemAuthor: SystemAuthor = {
  find: () => Promise.resolve(undefined),
  unavailable: 'git and the OS user name cannot be read in the browser',
};
