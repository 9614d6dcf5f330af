import { lstatSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * What `path` leads to, links followed; undefined when nothing is there or it cannot be looked at
 * (then it holds nothing of the user's that we could reach either). Compared by device and inode,
 * not by name, so every spelling of one file is the same file: `./a`, `x/../a`, an absolute path, a
 * symbolic link, a hard link, another case on a case-insensitive file system. Bigint: an inode
 * number may not fit in a double.
 */
function identity(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const same = (a: BigIntStats | undefined, b: BigIntStats | undefined) => a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/** Whether `a` and `b` both exist and are one file or folder, however each is spelled. */
export function sameFile(a: string, b: string): boolean {
  return same(identity(a), identity(b));
}

/** `path` and every folder above it, to the root. */
function upToRoot(path: string): string[] {
  const folders: string[] = [];
  for (let folder = path; ; folder = dirname(folder)) {
    folders.push(folder);
    if (dirname(folder) === folder) return folders;
  }
}

/**
 * Whether `path` is `dir` or lies anywhere inside it, however either is spelled; `path` itself need
 * not exist (a file about to be written goes where its name says). Both places count:
 * the folder that holds `path`'s name, and, when `path` is a symbolic link, the folder that holds
 * what it leads to — deleting either folder loses the file.
 */
export function isWithin(path: string, dir: string): boolean {
  const folder = identity(dir);
  if (!folder?.isDirectory()) return false;
  const places: string[] = [];
  try {
    places.push(realpathSync(dirname(resolve(path))));
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) places.push(realpathSync(path));
  } catch {
    // A folder that cannot be resolved does not exist (or cannot be reached): no file is in it.
  }
  return same(identity(path), folder) || places.some((place) => upToRoot(place).some((f) => same(identity(f), folder)));
}
