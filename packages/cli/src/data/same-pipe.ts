import { fstatSync, statSync } from 'node:fs';
import { STDIN_NAME } from './stdin.js';

/**
 * Whether the paths `a` and `b` lead to the same pipe or socket (`/dev/stdin` twice, or `/dev/stdin`,
 * `-` and `/dev/fd/0`): such a stream can be read only once, so the second reader would find it empty. A
 * regular file (`< data.csv` on stdin) is not one: each read opens it again from its start. A path
 * that cannot be looked at is not one either: reading it says what is wrong.
 */
export function samePipe(a: string, b: string): boolean {
  const look = (path: string) => {
    try {
      return path === STDIN_NAME ? fstatSync(0) : statSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  const [sa, sb] = [look(a), look(b)];
  if (sa === undefined || sb === undefined || !(sa.isFIFO() || sa.isSocket())) return false;
  return sa.dev === sb.dev && sa.ino === sb.ino;
}
