import { powWhole } from '../../src/rules/adam.js';
import type { BaselineTrace } from '../fixtures/load-trace.js';

/**
 * torch.optim.SGD and Adam as PyTorch 1.13's AVX2/AVX-512 kernels compute them (GCC built them with
 * -mfma and contracted `a + alpha*b` and `self + value*t1*t2` into fused multiply-adds), written out
 * with an exact fused multiply-add. For tests only: it shows that the recorded `fused` runs differ
 * from ours by those fused multiply-adds and nothing else. Slow (BigInt arithmetic).
 */

type Dtype = BaselineTrace['dtype'];

const view = new DataView(new ArrayBuffer(8));

/** Finite x as m·2^e with a whole m. */
export function exact(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  if (biased === 0x7ff) throw new RangeError(`fma: ${x} is not finite`);
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const m = biased === 0 ? frac : frac | (1n << 52n);
  return { m: hi >>> 31 ? -m : m, e: biased === 0 ? -1074 : biased - 1075 };
}

/** m·2^e (m ≠ 0) rounded once, to nearest even, to the dtype (with its subnormals). */
export function roundTo(m: bigint, e: number, dtype: Dtype): number {
  const negative = m < 0n;
  let a = negative ? -m : m;
  const precision = dtype === 'float32' ? 24 : 53;
  const quantum = dtype === 'float32' ? -149 : -1074;
  const shift = Math.max(a.toString(2).length - precision, quantum - e);
  if (shift > 0) {
    const s = BigInt(shift);
    const q = a >> s;
    const rest = a - (q << s);
    const half = 1n << (s - 1n);
    a = rest > half || (rest === half && (q & 1n) === 1n) ? q + 1n : q;
    e += shift;
  }
  let x = Number(a); // at most 2^precision: exact
  while (e > 0) { const k = Math.min(e, 1000); x *= 2 ** k; e -= k; }
  while (e < 0) { const k = Math.max(e, -1000); x *= 2 ** k; e -= k; }
  if (negative) x = -x;
  return dtype === 'float32' ? Math.fround(x) : x;
}

/** a·b + c with one rounding to the dtype, as the FMA instruction. */
export function fma(a: number, b: number, c: number, dtype: Dtype): number {
  const x = exact(a);
  const y = exact(b);
  const z = exact(c);
  const ep = x.e + y.e;
  const e = Math.min(ep, z.e);
  const sum = ((x.m * y.m) << BigInt(ep - e)) + (z.m << BigInt(z.e - e));
  if (sum === 0n) return a * b === 0 && c === 0 ? a * b + c : 0; // signed zeros as IEEE
  return roundTo(sum, e, dtype);
}

function rounding(dtype: Dtype): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x) => x;
}

/** One torch.optim.SGD step (dampening 0, no Nesterov, no weight decay) on the fused kernels. */
export function fusedSgd(
  param: number[], grad: readonly number[], buffer: number[] | null, first: boolean,
  o: { lr: number; momentum: number; maximize: boolean }, dtype: Dtype,
): void {
  const r = rounding(dtype);
  for (let i = 0; i < param.length; i++) {
    let d = o.maximize ? -grad[i]! : grad[i]!;
    if (buffer !== null) {
      // buf.mul_(momentum).add_(d_p, alpha=1): the fused a + 1·b rounds as a + b.
      buffer[i] = first ? d : fma(d, 1, r(r(o.momentum) * buffer[i]!), dtype);
      d = buffer[i]!;
    }
    param[i] = fma(d, r(-o.lr), param[i]!, dtype); // param.add_(d_p, alpha=-lr)
  }
}

/** One torch.optim.Adam step (no weight decay, no AMSGrad) on the fused kernels; `step` counts from 1. */
export function fusedAdam(
  param: number[], grad: readonly number[], m: number[], v: number[], step: number,
  o: { lr: number; betas: readonly [number, number]; eps: number; maximize: boolean }, dtype: Dtype,
): void {
  const r = rounding(dtype);
  const [beta1, beta2] = o.betas;
  const negStepSize = r(-(o.lr / (1 - powWhole(beta1, step))));
  const bc2Sqrt = r(Math.sqrt(1 - powWhole(beta2, step)));
  for (let i = 0; i < param.length; i++) {
    const g = o.maximize ? -grad[i]! : grad[i]!;
    m[i] = fma(g, r(1 - beta1), r(r(beta1) * m[i]!), dtype); // exp_avg.mul_(β1).add_(g, alpha=1−β1)
    v[i] = fma(r(r(1 - beta2) * g), g, r(r(beta2) * v[i]!), dtype); // exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2)
    const denom = r(r(r(Math.sqrt(v[i]!)) / bc2Sqrt) + r(o.eps)); // add_(eps): a + 1·b
    param[i] = r(param[i]! + r(r(negStepSize * m[i]!) / denom)); // addcdiv_: a + (value·t1)/t2, nothing to fuse
  }
}
