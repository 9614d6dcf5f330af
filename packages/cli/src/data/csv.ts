import { shownColumnNames } from './column-name.js';
import { splitCsvLine } from './csv-line.js';
import { csvRecords, type CsvRecord } from './csv-records.js';
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
  // Each row is split as it is read and its numbers written straight into x and y: keeping every
  // row's fields as strings until the end held ~10 bytes of heap per byte of the file (a 38 MB CSV
  // peaked at 400 MB), and the rows' fields are needed only long enough to be read.
  const rows = lines.slice(1);
  if (rows.length === 0) throw new DataError(file, header.line, 'the header has no rows under it');
  const width = names.length;
  // Whether a row has one cell more than the names kept (the empty last column every line ends in).
  let rowsEndInComma = false;
  if (width > 1 && names[width - 1] === '') {
    // Decided over every row, before any is read: which column is the target depends on it. Only a
    // header ending in a comma takes this extra pass.
    const shape = trailingColumn(rows, width, file);
    if (shape !== 'kept') names.pop();
    rowsEndInComma = shape === 'every row ends in a comma';
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
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const cells = splitCsvLine(row.text, file, row.line);
    if (rowsEndInComma) cells.pop();
    if (cells.length !== names.length) throw new DataError(file, row.line, `expected ${names.length} columns as in the header, got ${cells.length}`);
    for (let j = 0; j < inIdx.length; j++) x[k * inIdx.length + j] = numberAt(cells[inIdx[j]!]!, file, row.line, columns[inIdx[j]!]);
    for (let j = 0; j < outIdx.length; j++) y[k * outIdx.length + j] = numberAt(cells[outIdx[j]!]!, file, row.line, columns[outIdx[j]!]);
  }
  return { source: file, headerLine: header.line, count: rows.length, inputs: inIdx.length, inputNames: inIdx.map((i) => names[i]!), outputs: outIdx.length, outputNames: outIdx.map((i) => names[i]!), x, y };
}

/**
 * What to make of a header's empty last name, judged over every row (each split, none kept): a last
 * column with no name and no values, as left by lines that all end in a comma, is dropped from the
 * rows and the names; one that only the header has (a spreadsheet's stray empty column: no row has
 * it, and "expected 4 columns as in the header, got 3" would blame every row for the header's comma)
 * is dropped from the names; otherwise it is a column like any other.
 */
function trailingColumn(rows: readonly CsvRecord[], width: number, file: string): 'every row ends in a comma' | 'only the header' | 'kept' {
  let everyRowEndsInComma = true;
  let noRowHasIt = true;
  for (const row of rows) {
    const cells = splitCsvLine(row.text, file, row.line);
    everyRowEndsInComma &&= cells.length === width && cells[width - 1]!.trim() === '';
    noRowHasIt &&= cells.length === width - 1;
    if (!everyRowEndsInComma && !noRowHasIt) return 'kept';
  }
  return everyRowEndsInComma ? 'every row ends in a comma' : 'only the header';
}
