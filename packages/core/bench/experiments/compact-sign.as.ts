// Experiment (not shipped): iRprop− float32 with the stored derivative kept as its sign in one byte
// (−1, 0, +1), 5 bytes of state per weight instead of 8. Compiled and timed against the shipped
// kernel by compact-sign.mjs. Same operations as assembly/rprop.ts's vector loop, plus widening the
// sign bytes to lanes and narrowing the new ones back.
import { vmul, vne, vpmax, vpmin, vsplat, vsub, signMask } from '../../assembly/simd';

/** Four weights: updates w and Δ, returns the new signs as i32 lanes (−1, 0, +1). */
@inline function quarter(w: usize, g: usize, step: usize, p: v128, epx: v128, epem: v128, vlo: v128, vhi: v128): v128 {
  const zero = vsplat<f32>(0), one = vsplat<f32>(1);
  const gv = v128.load(g);
  const nzg = vne<f32>(gv, zero);
  const both = v128.and(nzg, i32x4.ne(p, i32x4.splat(0)));
  const differ = i32x4.shr_s(v128.xor(gv, p), 31); // −1 has its sign bit set, as a negative g does
  const flip = v128.and(both, differ);
  const factor = v128.xor(one, v128.and(both, v128.xor(epx, v128.and(differ, epem))));
  const d = vpmin<f32>(vpmax<f32>(vmul<f32>(v128.load(step), factor), vlo), vhi);
  v128.store(step, d);
  const signed = v128.xor(d, v128.and(gv, signMask<f32>()));
  v128.store(w, vsub<f32>(v128.load(w), v128.and(signed, v128.andnot(nzg, flip))));
  const sg = v128.and(nzg, v128.or(i32x4.splat(1), i32x4.shr_s(gv, 31))); // sign(g), +0 for ±0
  return v128.andnot(sg, flip);
}

/** n a multiple of 16 (the experiment's sizes are). */
export function irpropMinusCompactF32(w: usize, g: usize, sp: usize, step: usize, n: i32, etaMinus: f32, etaPlus: f32, lo: f32, hi: f32): void {
  const one = vsplat<f32>(1);
  const epx = v128.xor(vsplat<f32>(etaPlus), one), epem = v128.xor(vsplat<f32>(etaPlus), vsplat<f32>(etaMinus));
  const vlo = vsplat<f32>(lo), vhi = vsplat<f32>(hi);
  const blocks = <usize>(n >> 4);
  for (let b: usize = 0; b < blocks; b++) {
    const o = b << 6;
    const s8 = v128.load(sp + (b << 4));
    const low = i16x8.extend_low_i8x16_s(s8), high = i16x8.extend_high_i8x16_s(s8);
    const n0 = quarter(w + o, g + o, step + o, i32x4.extend_low_i16x8_s(low), epx, epem, vlo, vhi);
    const n1 = quarter(w + o + 16, g + o + 16, step + o + 16, i32x4.extend_high_i16x8_s(low), epx, epem, vlo, vhi);
    const n2 = quarter(w + o + 32, g + o + 32, step + o + 32, i32x4.extend_low_i16x8_s(high), epx, epem, vlo, vhi);
    const n3 = quarter(w + o + 48, g + o + 48, step + o + 48, i32x4.extend_high_i16x8_s(high), epx, epem, vlo, vhi);
    v128.store(sp + (b << 4), i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(n0, n1), i16x8.narrow_i32x4_s(n2, n3)));
  }
}

export function heapBase(): usize {
  return __heap_base;
}
