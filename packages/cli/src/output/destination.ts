import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { atPath } from '../errors/at-path.js';
import { InputError } from '../errors/input-error.js';
import { fileKind } from './file-kind.js';
import { noRegularFile } from './no-regular-file.js';
import { isUnderProc } from './under-proc.js';

/**
 * Refuses `path` as a destination unless the folder it goes in exists, is a folder, and can be
 * written in. Checked before training, so that a typo in an output path fails at once, not after
 * the whole run.
 */
export function checkParentFolder(path: string): void {
  const parent = dirname(resolve(path)); // of `.` too, which dirname alone leaves as `.`
  const shown = isAbsolute(path) ? parent : relative(process.cwd(), parent) || '.';
  const stat = atPath(path, () => statSync(parent, { throwIfNoEntry: false }));
  if (stat === undefined) throw new InputError(`${path}: the folder ${shown} does not exist`);
  if (!stat.isDirectory()) throw new InputError(`${path}: ${shown} is not a folder`);
  // /proc lets root pass the access check below, and refuses only the write, after training.
  const real = atPath(path, () => realpathSync(parent));
  if (isUnderProc(real)) throw new InputError(`${path}: is under /proc, where nothing can be written`);
  atPath(path, () => accessSync(parent, constants.W_OK));
}

/** Refuses `path` (of option `flag`) as a file to write: it must be named, and not be a folder, a device, a pipe or a descriptor. */
export function checkFileDestination(path: string, flag: string): void {
  if (path === '') throw new InputError(`${flag}: the file name is empty`);
  // `out/` names a folder even while none exists: the checks below would take its parent for the
  // file's folder and pass, and the write would fail only after training.
  if (path.endsWith('/') || path.endsWith(sep)) throw new InputError(`${path}: names a folder (it ends in ${path.at(-1)}); ${flag} writes a file`);
  // Before the folder's checks: /dev/stdout is "permission denied" to a user who may not write in /dev.
  const special = atPath(path, () => noRegularFile(path));
  if (special !== undefined) throw new InputError(`${path}: ${special}; ${flag} writes a file`);
  checkParentFolder(path);
  if (atPath(path, () => statSync(path, { throwIfNoEntry: false }))?.isDirectory()) {
    throw new InputError(`${path}: is a folder; ${flag} writes a file`);
  }
}

/** Refuses `path` (of option `flag`) as a folder to write files in: it must be named, and not be a file. */
export function checkFolderDestination(path: string, flag: string): void {
  if (path === '') throw new InputError(`${flag}: the folder name is empty`);
  const stat = atPath(path, () => statSync(path, { throwIfNoEntry: false }));
  if (stat !== undefined && !stat.isDirectory()) throw new InputError(`${path}: is ${fileKind(stat)}; ${flag} takes a folder`);
}
