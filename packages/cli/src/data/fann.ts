import { DataError, numberAt, type Dataset } from './dataset.js';

/**
 * FANN's training file format: a header `N inputs outputs`, then N pairs of lines — the inputs,
 * then the outputs, separated by whitespace.
 */
export function parseFann(text: string, file: string): Dataset {
  const lines = text.split(/\r?\n/);
  const content = lines.map((l, i) => ({ tokens: l.trim().split(/\s+/).filter((t) => t !== ''), line: i + 1 })).filter((l) => l.tokens.length > 0);
  const header = content[0];
  if (header === undefined) throw new DataError(file, null, 'the file is empty');
  if (header.tokens.length !== 3) throw new DataError(file, header.line, `the header must be "count inputs outputs", got ${header.tokens.length} values`);
  const [count, inputs, outputs] = header.tokens.map((t) => numberAt(t, file, header.line)) as [number, number, number];
  for (const [name, v] of [['count', count], ['inputs', inputs], ['outputs', outputs]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new DataError(file, header.line, `the header's ${name} must be a whole number ≥ 1, got ${v}`);
  }
  const rows = content.slice(1);
  if (rows.length !== 2 * count) {
    // Too many lines: the first one past the pairs, where the file and its header part ways. Too few:
    // the last line, after which the missing ones should have come.
    const at = rows.length > 2 * count ? rows[2 * count]!.line : (rows.at(-1)?.line ?? header.line);
    throw new DataError(file, at, `the header says ${count} pairs (${2 * count} lines), the file has ${rows.length} data lines`);
  }
  // Every row's width first: the header's sizes are only believed, and allocated, once the rows agree.
  rows.forEach((row, i) => {
    const [width, kind] = i % 2 === 0 ? [inputs, 'inputs'] : [outputs, 'outputs'];
    if (row.tokens.length !== width) throw new DataError(file, row.line, `expected ${width} ${kind}, got ${row.tokens.length} values`);
  });
  const x = new Float32Array(count * inputs);
  const y = new Float32Array(count * outputs);
  for (let k = 0; k < count; k++) {
    for (const [row, width, target] of [[rows[2 * k]!, inputs, x], [rows[2 * k + 1]!, outputs, y]] as const) {
      row.tokens.forEach((t, i) => (target[k * width + i] = numberAt(t, file, row.line)));
    }
  }
  return { source: file, headerLine: header.line, count, inputs, outputs, x, y };
}
