import { readFileSync } from 'node:fs';
import { atPath } from '../errors/at-path.js';
import { DataError } from './dataset.js';

/**
 * A data file's text, read as UTF-8 (see `decodedText`). `descriptor`, when given, is read instead of
 * opening `path` (which names it, for messages).
 */
export function readText(path: string, descriptor?: number): string {
  return decodedText(atPath(path, () => readFileSync(descriptor ?? path)), path);
}

/**
 * A data file's bytes as text, read as UTF-8. A byte order mark (Excel's "CSV UTF-8" starts with one)
 * is no part of the first field: left in, it would keep a quoted first name's quotes, and that column
 * could not be named by --target. UTF-16 (Excel's "Unicode Text", Windows tools) is refused, saying
 * so: read as UTF-8 every other byte is a NUL, and the message would be about a column named
 * "��a\u0000". So is text longer than the engine's longest string (2²⁹ − 24 characters in Node 20,
 * ≈512 MiB): the file is parsed as one string, and Node's "Cannot create a string longer than
 * 0x1fffffe8 characters" came out as an internal error.
 */
export function decodedText(bytes: Buffer, path: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) throw new DataError(path, null, `${utf16 ? 'is UTF-16 text' : 'holds NUL bytes: UTF-16 text, or not text at all'}; save it as UTF-8 (or ASCII) text`);
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code !== 'ERR_STRING_TOO_LONG') throw e;
    const mib = (bytes.length / 2 ** 20).toFixed(0);
    throw new DataError(path, null, `is ${mib} MiB, more text than one string can hold (about 512 MiB): data files are read whole, so split it, or train on a sample of its rows`);
  }
  return text.replace(/^\uFEFF/, '');
}
