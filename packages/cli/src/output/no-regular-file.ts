import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isUnderProc } from './under-proc.js';

/**
 * Why an output that is put in place by a rename may not go to `path`, or undefined when it may (a
 * regular file, a link to one, a folder — which the callers refuse themselves — or nothing yet).
 * The rename replaces whatever has the name: a device (`--plot /dev/null`, run as root, put a
 * regular file in place of /dev/null for every program), a named pipe (its reader got nothing), or a
 * descriptor's link (`--plot /dev/stdout > curve.svg` replaced /dev/stdout and left curve.svg empty).
 * Files under /proc are no files to write either.
 */
export function noRegularFile(path: string): string | undefined {
  const target = resolve(path);
  try {
    if (isUnderProc(realpathSync(dirname(target)))) return 'is under /proc, where no file can be written';
  } catch {
    return undefined; // a folder that is not there: the parent folder's check says so
  }
  let link;
  try {
    link = lstatSync(target, { throwIfNoEntry: false });
  } catch {
    return undefined; // a path under a file, or closed to us: the parent folder's check says which
  }
  if (link === undefined) return undefined;
  if (link.isSymbolicLink() && isUnderProc(resolve(dirname(target), readlinkSync(target)))) {
    return 'is a link to a file descriptor (as /dev/stdout is), not a file: the output, put in place by a rename, would replace the link';
  }
  const what = statSync(target, { throwIfNoEntry: false }) ?? link;
  if (what.isFile() || what.isDirectory() || what.isSymbolicLink()) return undefined; // (a link that leads nowhere is replaced, as documented)
  return `is ${what.isFIFO() ? 'a named pipe' : what.isSocket() ? 'a socket' : 'a device'}${link.isSymbolicLink() ? ' (through a link)' : ''}, not a file: the output, put in place by a rename, would replace it`;
}
