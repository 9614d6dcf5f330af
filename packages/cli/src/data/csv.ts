import { DataError, numberAt, type Dataset } from './dataset.js';

/**
 * A CSV with a header row; `targets` names the output columns (default: the last column), every
 * other column is an input. Only numbers.
 */
export function parseCsv(text: string, file: string, targets: string[] | undefined): Dataset {
  const lines = text.split(/\r?\n/).map((l, i) => ({ text: l, line: i + 1 })).filter((l) => l.text.trim() !== '');
  const header = lines[0];
  if (header === undefined) throw new DataError(file, null, 'the file is empty');
  const names = header.text.split(',').map((s) => s.trim());
  const wanted = targets ?? [names.at(-1)!];
  const outIdx = wanted.map((t) => {
    const i = names.indexOf(t);
    if (i < 0) throw new DataError(file, header.line, `no column named ${JSON.stringify(t)} in the header (${names.join(', ')})`);
    return i;
  });
  const inIdx = names.map((_, i) => i).filter((i) => !outIdx.includes(i));
  if (inIdx.length === 0) throw new DataError(file, header.line, 'every column is a target: no inputs left');
  const rows = lines.slice(1);
  if (rows.length === 0) throw new DataError(file, header.line, 'the header has no rows under it');
  const x = new Float32Array(rows.length * inIdx.length);
  const y = new Float32Array(rows.length * outIdx.length);
  rows.forEach((row, k) => {
    const cells = row.text.split(',');
    if (cells.length !== names.length) throw new DataError(file, row.line, `expected ${names.length} columns as in the header, got ${cells.length}`);
    inIdx.forEach((c, j) => (x[k * inIdx.length + j] = numberAt(cells[c]!, file, row.line)));
    outIdx.forEach((c, j) => (y[k * outIdx.length + j] = numberAt(cells[c]!, file, row.line)));
  });
  return { source: file, count: rows.length, inputs: inIdx.length, outputs: outIdx.length, x, y };
}
