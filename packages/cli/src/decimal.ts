/**
 * A plain decimal number: digits, an optional fraction, an optional exponent (`1e-3`). Number()
 * alone would also take '' (as 0), hex (`0x10`), binary, octal, `Infinity` and surrounding spaces —
 * in a flag or a data file each of those is more likely a mistake than a number meant.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** `text` as a decimal number (maybe ±Infinity, when beyond a double), or undefined when it is not one. */
export function decimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) + 0 : undefined; // (+ 0 turns -0 into 0)
}
