import { DataError, numberAt, type Dataset } from './dataset.js';
import { lineTokens, readVectors } from './fann-vectors.js';
import { textLines } from './text-lines.js';

/**
 * FANN's training file format: a header `N inputs outputs`, then N pairs of lines — the inputs,
 * then the outputs, separated by whitespace. A pair's inputs or outputs may wrap onto further lines,
 * as FANN reads them (see `readVectors`). `why`, when given, says why the file was read as FANN,
 * after the message on a first line that is no FANN header (most likely a table).
 */
export function parseFann(text: string, file: string, why?: string): Dataset {
  const lines = textLines(text);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const header = headerAt < 0 ? undefined : { tokens: lineTokens(lines[headerAt]!), line: headerAt + 1 };
  if (header === undefined) throw new DataError(file, null, 'the file is empty');
  // A table read as FANN (named data.txt, or piped without --format csv) fails on its first line,
  // and the message should say why it was read this way.
  const asFann = why === undefined ? '' : ` (${why})`;
  if (header.tokens.length !== 3) throw new DataError(file, header.line, `the header must be "count inputs outputs", got ${header.tokens.length} values${asFann}`);
  const [count, inputs, outputs] = header.tokens.map((t) => {
    try {
      return numberAt(t, file, header.line);
    } catch (e) {
      if (e instanceof DataError) throw new DataError(file, header.line, `the header must be "count inputs outputs": ${e.detail}${asFann}`);
      throw e;
    }
  }) as [number, number, number];
  for (const [name, v] of [['count', count], ['inputs', inputs], ['outputs', outputs]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new DataError(file, header.line, `the header's ${name} must be a whole number ≥ 1, got ${v}`);
  }
  // The header's sizes are only believed, and allocated, once the file could hold them: each value
  // takes a character and a separator, so more values than that is a disagreement, found without
  // allocating (a header "1000000 1000000 1" would otherwise ask for 4 TB). Allocated, x and y are at
  // most twice the text's size, and each line's values are read straight into them: kept as strings
  // until the end, they held ~17 bytes of heap per byte of the file (a 38 MB file peaked at 660 MB).
  const values = count * (inputs + outputs);
  const fits = values <= (text.length + 1) / 2;
  const x = new Float32Array(fits ? count * inputs : 0);
  const y = new Float32Array(fits ? count * outputs : 0);
  // A bad value is reported only once the lines agree with the header: when they do not, the
  // disagreement is the likelier cause of it (a value shifted into the wrong vector).
  let badValue: DataError | undefined;
  const take = (token: string, line: number, vector: number, place: number) => {
    if (badValue !== undefined) return;
    try {
      const value = numberAt(token, file, line);
      if (vector % 2 === 0) x[(vector / 2) * inputs + place] = value;
      else y[((vector - 1) / 2) * outputs + place] = value;
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      badValue = e;
    }
  };
  if (!fits || !readVectors(lines, headerAt + 1, count, inputs, outputs, take)) throw disagreement(lines, headerAt + 1, count, inputs, outputs, header.line, file);
  if (badValue !== undefined) throw badValue;
  return { source: file, headerLine: header.line, count, inputs, outputs, x, y };
}

/**
 * Why the lines from index `from` are not the header's pairs, said as for one line per vector (the
 * usual layout, and the one FANN writes): the line count, or the first line of the wrong width. One
 * pass over the lines, keeping none of their values: a file that fails near its end is as large as
 * one that parses.
 */
function disagreement(lines: readonly string[], from: number, count: number, inputs: number, outputs: number, headerLine: number, file: string): DataError {
  let rows = 0; // non-blank lines
  let values = 0;
  let pastPairs: number | undefined; // the line of the first row past the header's pairs
  let lastRow = headerLine;
  let wrongWidth: DataError | undefined; // the first row of another width than its vector, as one line each
  for (let i = from; i < lines.length; i++) {
    const n = lineTokens(lines[i]!).length;
    if (n === 0) continue;
    if (rows === 2 * count) pastPairs = i + 1;
    const [width, kind] = rows % 2 === 0 ? [inputs, 'input'] : [outputs, 'output'];
    if (wrongWidth === undefined && n !== width) wrongWidth = new DataError(file, i + 1, `expected ${counted(width, kind)}, got ${counted(n, 'value')}`);
    rows++;
    values += n;
    lastRow = i + 1;
  }
  if (rows !== 2 * count) {
    // Too many lines: the first one past the pairs, where the file and its header part ways. Too few:
    // the last line, after which the missing ones should have come.
    const at = pastPairs ?? lastRow;
    // The right number of values on the wrong lines: most likely a pair's inputs and outputs on one
    // line, as in a table. FANN would read that file, but a value left out on one line and one too
    // many on another would read the same, so it is refused — saying how the values go.
    const layout = values === count * (inputs + outputs) ? `: the values are right in number, but each pair takes two lines: its inputs on one, its outputs on the next` : '';
    return new DataError(file, at, `the header says ${count} pairs (${2 * count} lines), the file has ${rows} data lines${layout}`);
  }
  if (wrongWidth !== undefined) return wrongWidth;
  throw new Error('readVectors refused lines that are one vector each'); // (they are its simplest case)
}

/** `n` and the noun, plural unless n is 1 ('1 output', '2 values'). */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
