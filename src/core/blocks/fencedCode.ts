import { isBlankFrom } from './containers';

export { fenceOpening } from '../lineShapes';

/** Whether a line closes a fence of `char` at least `minLength` long (the run at `from`, then only spaces). */
export function closesFence(text: string, from: number, char: number, minLength: number): boolean {
  let i = from;
  while (i < text.length && text.charCodeAt(i) === char) i++;
  return i - from >= minLength && isBlankFrom(text, i);
}
