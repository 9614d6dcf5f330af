/**
 * A float32's position on a line where adjacent float32 values are 1 apart (+0 and −0 both at 0), so
 * that the difference of two positions is their distance in units in the last place.
 */
function position(x: number): number {
  const bits = new Int32Array(Float32Array.of(x).buffer)[0]!;
  return bits < 0 ? -(bits & 0x7fffffff) : bits;
}

/** Distance of two float32 values in ulps; Infinity when either is NaN. */
export function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  return Math.abs(position(a) - position(b));
}
