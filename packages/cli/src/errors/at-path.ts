import { InputError } from './input-error.js';

/** What the file system's error codes mean for a path the user gave: each is something they can fix. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  // Standard input closed (`rprop train - <&-`): fd 0 is no open file.
  EBADF: 'not open',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'already exists',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  // What renaming a folder meets when it is mounted on, or changed by someone else meanwhile.
  EBUSY: 'in use, or a mount point',
  EXDEV: 'on another file system',
  ENOTEMPTY: 'the folder is not empty',
  // A full disk or quota is the user's to fix too (free space, or write elsewhere), not a bug of ours.
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/**
 * Runs `fn`, which reads or writes at `path` (as the user gave it), and turns a file-system error
 * caused by that path into an InputError `<path>: <reason>`. Other errors pass through untouched:
 * they are not the user's to fix.
 */
export function atPath<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asPathError(path, error);
  }
}

/** `atPath` for asynchronous work. */
export async function atPathAsync<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asPathError(path, error);
  }
}

/** What a file-system error means for the path it happened at, in a few words; undefined when it is not the path's doing. */
export function pathReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
}

function asPathError(path: string, error: unknown): unknown {
  const reason = pathReason(error);
  return reason === undefined ? error : new InputError(`${path}: ${reason}`);
}
