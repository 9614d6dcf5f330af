import { readFileSync } from 'node:fs';
import { atPath } from '../errors/at-path.js';
import { DataError } from './dataset.js';

/**
 * A data file's text, read as UTF-8. A byte order mark (Excel's "CSV UTF-8" starts with one) is no
 * part of the first field: left in, it would keep a quoted first name's quotes, and that column could
 * not be named by --target. UTF-16 (Excel's "Unicode Text", Windows tools) is refused, saying so:
 * read as UTF-8 every other byte is a NUL, and the message would be about a column named "��a\u0000".
 * `descriptor`, when given, is read instead of opening `path` (which names it, for messages).
 */
export function readText(path: string, descriptor?: number): string {
  const bytes = atPath(path, () => readFileSync(descriptor ?? path));
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) throw new DataError(path, null, `${utf16 ? 'is UTF-16 text' : 'holds NUL bytes: UTF-16 text, or not text at all'}; save it as UTF-8 (or ASCII) text`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
