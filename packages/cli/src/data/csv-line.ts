import { DataError } from './dataset.js';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * The fields of one CSV record, as RFC 4180 has them: separated by commas; a field in double quotes
 * may hold commas and line breaks (`csvRecords` finds where a record ends), and `""` inside it stands
 * for one `"`. Spaces around a quoted field
 * are allowed (spreadsheets write `a, "b"`); unquoted fields come back as they are, spaces included.
 * A quote left open, or text after a closing quote, is a DataError naming `file:line`.
 */
export function splitCsvLine(text: string, file: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (isBlank(text[j])) j++;
    if (text[j] !== '"') {
      const comma = text.indexOf(',', i);
      fields.push(text.slice(i, comma < 0 ? text.length : comma));
      if (comma < 0) return fields;
      i = comma + 1;
      continue;
    }
    let value = '';
    for (j++; ; ) {
      const quote = text.indexOf('"', j);
      if (quote < 0) throw new DataError(file, line, `unterminated quote: field ${fields.length + 1} opens a " and never closes it`);
      value += text.slice(j, quote);
      j = quote + 1;
      if (text[j] !== '"') break;
      value += '"'; // a doubled quote
      j++;
    }
    while (isBlank(text[j])) j++;
    if (j < text.length && text[j] !== ',') throw new DataError(file, line, `field ${fields.length + 1} has text after its closing quote`);
    fields.push(value);
    if (j >= text.length) return fields;
    i = j + 1;
  }
}
