import { decimal } from '../decimal.js';
import { InputError } from '../errors/input-error.js';

/** A table of training pairs, row-major. */
export interface Dataset {
  /** Where it came from, for messages. */
  source: string;
  /** The file's line that gives its shape (FANN's counts, a CSV's column names); none for a built-in set. */
  headerLine?: number;
  count: number;
  inputs: number;
  /** A CSV's input column names, in order (the inputs are matched by position); none for FANN or a built-in set. */
  inputNames?: string[];
  outputs: number;
  /** A CSV's output (target) column names, in order; none for FANN or a built-in set. */
  outputNames?: string[];
  /**
   * The hidden layers a built-in set is named for (`encoder-10-5-10`: [5]), used where --hidden is not
   * given; none for a file or a set whose name gives no network.
   */
  hidden?: number[];
  /** count × inputs values. */
  x: Float32Array;
  /** count × outputs values. */
  y: Float32Array;
}

/** Bad data: names the file and the line (1-based), so the command can print one clear line. */
export class DataError extends InputError {
  override name = 'DataError';
  /** `detail`: what is wrong, without the place. */
  constructor(readonly file: string, readonly line: number | null, readonly detail: string) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

/**
 * Parses a number token, or throws a DataError naming the place: the line, and the CSV column when
 * `column` says it (`column "b"`: in a wide file "not a number" alone leaves the user searching the
 * line). Only plain decimals, as the flags take them: `0x10` read as 16 (while `-0x10` is refused)
 * would train on a hex code or an ID as if it were a quantity, without a word.
 */
export function numberAt(token: string, file: string, line: number, column?: string): number {
  const where = column === undefined ? '' : `${column}: `;
  const text = token.trim();
  if (text === '') throw new DataError(file, line, `${where}empty (a missing value?): every value must be a number`);
  const v = decimal(text);
  if (v === undefined) throw new DataError(file, line, `${where}not a number: ${JSON.stringify(token)}`);
  // The data is kept and trained on as float32: a larger value would become ±Infinity there, and the
  // run would "diverge" at epoch 0 instead of saying which value is at fault.
  if (!Number.isFinite(Math.fround(v))) throw new DataError(file, line, `${where}${JSON.stringify(token)} is beyond ±3.4e38, the range of float32 (the type training computes in)`);
  return v;
}
