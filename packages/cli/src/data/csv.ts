import { shownColumnNames } from './column-name.js';
import { splitCsvLine } from './csv-line.js';
import { csvRecords } from './csv-records.js';
import { DataError, numberAt, type Dataset } from './dataset.js';

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/**
 * A CSV with a header row; `targets` names the output columns (default: the last column), every
 * other column is an input. Only numbers; fields may be quoted (see `splitCsvLine`), and a quoted
 * field may run over lines (see `csvRecords`). A last column
 * with no name and no values, as left by lines that all end in a comma (or by a header alone that
 * does), is dropped. `why`, when given, says why the file was read as a CSV, after the message on a
 * first line that is a FANN header (a FANN file read as a CSV).
 */
export function parseCsv(text: string, file: string, targets: string[] | undefined, why?: string): Dataset {
  const lines = csvRecords(text).filter((l) => l.text.trim() !== '');
  const header = lines[0];
  if (header === undefined) throw new DataError(file, null, 'the file is empty');
  const names = splitCsvLine(header.text, file, header.line).map((s) => s.trim());
  // Spreadsheets in many locales write `;` between fields, and a .tsv renamed .csv has tabs: the whole
  // line then reads as one column, which is the target, and the message would be "no inputs left".
  const separator = names.length === 1 ? [';', '\t'].find((c) => names[0]!.includes(c)) : undefined;
  if (separator !== undefined) {
    throw new DataError(file, header.line, `the header is one column, ${JSON.stringify(names[0])}: a CSV is comma-separated, and this file looks ${separator === ';' ? ';' : 'tab'}-separated`);
  }
  // A FANN file (`--format csv`, or FANN data named .csv): its header "4 2 1" is one column, the
  // target, and the message would be "every column is a target: no inputs left".
  const tokens = names.length === 1 ? names[0]!.split(/\s+/).filter((t) => t !== '') : [];
  if (tokens.length === 3 && tokens.every(isNumber)) {
    const asCsv = why === undefined ? '' : ` (${why})`;
    throw new DataError(file, header.line, `the header is one column, ${JSON.stringify(names[0])}, which looks like a FANN header (count inputs outputs): this is no CSV${asCsv}`);
  }
  // Without a header the first row would silently become the column names, and the target an input.
  if (names.every(isNumber)) throw new DataError(file, header.line, 'the first line is all numbers: the CSV needs a header line naming its columns');
  const firstColumn = new Map<string, number>();
  names.forEach((name, c) => {
    const first = firstColumn.get(name);
    if (first !== undefined && name !== '') throw new DataError(file, header.line, `the header names ${JSON.stringify(name)} twice (columns ${first + 1} and ${c + 1})`);
    firstColumn.set(name, c);
  });
  const rows = lines.slice(1).map((l) => ({ ...l, cells: splitCsvLine(l.text, file, l.line) }));
  if (rows.length === 0) throw new DataError(file, header.line, 'the header has no rows under it');
  const width = names.length;
  if (width > 1 && names[width - 1] === '' && rows.every((r) => r.cells.length === width && r.cells[width - 1]!.trim() === '')) {
    names.pop(); // every line ended in a comma
    for (const r of rows) r.cells.pop();
  } else if (width > 1 && names[width - 1] === '' && rows.every((r) => r.cells.length === width - 1)) {
    // Only the header ended in a comma (a spreadsheet's stray empty column): no row has that column,
    // and "expected 4 columns as in the header, got 3" would blame every row for the header's comma.
    names.pop();
  }
  const outIdx =
    targets === undefined
      ? [names.length - 1]
      : targets.map((t) => {
          const i = names.indexOf(t);
          if (i < 0) throw new DataError(file, header.line, `no column named ${JSON.stringify(t)} in the header (${shownColumnNames(names)})`);
          return i;
        });
  const inIdx = names.map((_, i) => i).filter((i) => !outIdx.includes(i));
  if (inIdx.length === 0) throw new DataError(file, header.line, 'every column is a target: no inputs left');
  // How a bad value's column is named: a header may leave a name empty.
  const columns = names.map((name, c) => (name === '' ? `column ${c + 1}` : `column ${JSON.stringify(name)}`));
  const x = new Float32Array(rows.length * inIdx.length);
  const y = new Float32Array(rows.length * outIdx.length);
  rows.forEach((row, k) => {
    if (row.cells.length !== names.length) throw new DataError(file, row.line, `expected ${names.length} columns as in the header, got ${row.cells.length}`);
    inIdx.forEach((c, j) => (x[k * inIdx.length + j] = numberAt(row.cells[c]!, file, row.line, columns[c])));
    outIdx.forEach((c, j) => (y[k * outIdx.length + j] = numberAt(row.cells[c]!, file, row.line, columns[c])));
  });
  return { source: file, headerLine: header.line, count: rows.length, inputs: inIdx.length, inputNames: inIdx.map((i) => names[i]!), outputs: outIdx.length, outputNames: outIdx.map((i) => names[i]!), x, y };
}
