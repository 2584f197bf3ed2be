import { specFileName } from './template';

/**
 * What New Tech Spec will write, shown under the title prompt as the user types:
 * `TS-0009 → docs/specs/TS-0009-payment-retries.md`, or `<slug>` while the title is empty.
 */
export function newSpecPreview(id: string, folder: string, title: string): string {
  const name = title.trim() === '' ? `${id}-<slug>.md` : specFileName(id, title);
  const prefix = folder.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  return `${id} → ${prefix === '' || prefix === '.' ? '' : `${prefix}/`}${name}`;
}
