/**
 * The lines of a data file, whichever line ends it uses: `\r\n` (Windows), `\n`, or a lone `\r` —
 * Excel for Mac's "CSV (Macintosh)" still writes those, and split at `\n` alone such a file is one
 * line: a CSV would be "a header with no rows under it".
 */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
