import type { Stats } from 'node:fs';

/**
 * What a path that is not a folder is, for messages that refuse it as one: `/dev/null` "is a device",
 * not "a file".
 */
export function fileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a file';
}
