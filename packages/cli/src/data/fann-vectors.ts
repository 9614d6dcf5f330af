/** A line of a FANN file: its values, and its number (1-based). */
export interface FannLine {
  tokens: string[];
  line: number;
}

/** A pair's inputs or its outputs, with the line each value is on. */
export interface FannVector {
  tokens: string[];
  lines: number[];
}

/**
 * The file's lines as its 2 × `count` vectors (each pair's inputs, then its outputs), where a vector
 * that does not fit on one line runs on over the next ones: FANN reads values, not lines, so a long
 * vector may be wrapped, and FANN itself trains on such a file. Each vector still starts on a line of
 * its own and ends at a line's end, so a value too many or too few is not silently passed on to the
 * next vector. Undefined when the lines do not make exactly those vectors.
 */
export function wrappedVectors(lines: readonly FannLine[], count: number, inputs: number, outputs: number): FannVector[] | undefined {
  const vectors: FannVector[] = [];
  let next = 0;
  for (let v = 0; v < 2 * count; v++) {
    const width = v % 2 === 0 ? inputs : outputs;
    const vector: FannVector = { tokens: [], lines: [] };
    while (vector.tokens.length < width) {
      const line = lines[next++];
      if (line === undefined) return undefined;
      for (const token of line.tokens) {
        vector.tokens.push(token);
        vector.lines.push(line.line);
      }
    }
    if (vector.tokens.length !== width) return undefined;
    vectors.push(vector);
  }
  return next === lines.length ? vectors : undefined;
}
