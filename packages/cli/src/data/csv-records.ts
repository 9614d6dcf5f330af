import { textLines } from './text-lines.js';

/** One CSV record: its text (line breaks inside quotes kept, as `\n`) and the line it starts on (1-based). */
export interface CsvRecord {
  text: string;
  line: number;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Whether `text`, one line, ends inside a quoted field, given whether it starts inside one — read as
 * `splitCsvLine` reads fields: a quote opens a field only at its start (after spaces), and `""` in
 * quotes is one `"`.
 */
function endsInQuote(text: string, inQuote: boolean): boolean {
  let quoted = inQuote;
  let fieldStart = !inQuote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      if (text[i + 1] === '"') i++;
      else quoted = false;
    } else if (c === ',') fieldStart = true;
    else if (fieldStart && c === '"') {
      quoted = true;
      fieldStart = false;
    } else if (!isBlank(c)) fieldStart = false;
  }
  return quoted;
}

/**
 * A CSV's records. RFC 4180 lets a quoted field hold line breaks (a spreadsheet writes a header cell
 * typed with Alt+Enter as `"Price` on one line and `(USD)"` on the next): such a record runs on over
 * the lines until its quote closes, or to the end of the file when it never does (which
 * `splitCsvLine` then reports, at the line the record starts on). Split line by line, the header was
 * "unterminated quote: field 2 opens a " and never closes it" though the next line closes it.
 */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let open: CsvRecord | undefined;
  for (const [i, line] of textLines(text).entries()) {
    // A record runs on only from a line that ended inside quotes: this one starts inside them.
    const continued = open !== undefined;
    if (open === undefined) open = { text: line, line: i + 1 };
    else open.text += `\n${line}`;
    if (!endsInQuote(line, continued)) {
      records.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) records.push(open);
  return records;
}
