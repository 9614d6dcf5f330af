/** The values on one line of a FANN file (none on a blank line). */
export function lineTokens(text: string): string[] {
  return text.trim().split(/\s+/).filter((t) => t !== '');
}

/**
 * Receives each value as it is read: its text, its line (1-based), which of the 2 × count vectors it
 * belongs to (even: a pair's inputs, odd: its outputs) and its place in that vector.
 */
export type TakeValue = (token: string, line: number, vector: number, place: number) => void;

/**
 * Walks `lines` from index `from` as the file's 2 × `count` vectors (each pair's inputs, then its
 * outputs), handing each value to `take` as its line is read, so no line's values outlive it. A vector
 * that does not fit on one line runs on over the next ones: FANN reads values, not lines, so a long
 * vector may be wrapped, and FANN itself trains on such a file. Each vector still starts on a line of
 * its own and ends at a line's end, so a value too many or too few is not silently passed on to the
 * next vector. Blank lines are skipped. False when the lines do not make exactly those vectors (the
 * values taken by then are to be thrown away).
 */
export function readVectors(lines: readonly string[], from: number, count: number, inputs: number, outputs: number, take: TakeValue): boolean {
  let vector = 0;
  let filled = 0; // values of `vector` read so far
  for (let i = from; i < lines.length; i++) {
    const tokens = lineTokens(lines[i]!);
    if (tokens.length === 0) continue;
    if (vector === 2 * count) return false; // a line past the last pair
    const width = vector % 2 === 0 ? inputs : outputs;
    if (filled + tokens.length > width) return false; // the vector would end inside this line
    for (const token of tokens) take(token, i + 1, vector, filled++);
    if (filled === width) {
      vector++;
      filled = 0;
    }
  }
  return vector === 2 * count;
}
