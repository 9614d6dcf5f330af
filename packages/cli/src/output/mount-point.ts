import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The mount points the kernel lists for this process (Linux), or undefined where none are listed. */
function mountPoints(): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'latin1'); // byte by byte: a name is decoded once unescaped
  } catch {
    return undefined;
  }
  // The fifth field is the mount point, with space, tab, newline and backslash written in octal.
  const unescape = (field: string) => Buffer.from(field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))), 'latin1').toString('utf8');
  return new Set(text.split('\n').filter((line) => line !== '').map((line) => unescape(line.split(' ')[4] ?? '')));
}

/**
 * Whether something is mounted on the folder `path`, which exists: then it cannot be renamed (EBUSY).
 * Where the kernel lists the mount points (Linux), they decide: a bind mount within one file system
 * counts, and a btrfs subvolume, a device of its own but no mount point, does not. Elsewhere a folder
 * on another device than the folder it is in is taken for one.
 */
export function isMountPoint(path: string): boolean {
  const real = realpathSync(path);
  const listed = mountPoints();
  if (listed !== undefined) return listed.has(real);
  return statSync(real).dev !== statSync(dirname(real)).dev;
}
