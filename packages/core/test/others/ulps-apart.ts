import type { Dtype } from './torch-recordings.js';

/** The float's bits as an integer that orders like the float (−0 and +0 both 0), so neighbours differ by 1. */
function orderedBits(x: number, dtype: Dtype): bigint {
  const view = new DataView(new ArrayBuffer(8));
  let bits: bigint;
  if (dtype === 'float32') {
    view.setFloat32(0, x);
    bits = BigInt(view.getInt32(0));
    return bits < 0n ? -(bits & 0x7fffffffn) : bits;
  }
  view.setFloat64(0, x);
  bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * How many representable numbers of the dtype lie between a and b, counting one end: 0 when equal, 1 for
 * neighbours. Finite values only (a NaN or an infinity here means the comparison itself went wrong).
 */
export function ulpsApart(a: number, b: number, dtype: Dtype): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`ulpsApart: finite values only, got ${a} and ${b}`);
  if (dtype === 'float32' && (Math.fround(a) !== a || Math.fround(b) !== b)) throw new RangeError(`ulpsApart: ${a} or ${b} is not a float32`);
  const d = orderedBits(a, dtype) - orderedBits(b, dtype);
  return Number(d < 0n ? -d : d);
}
