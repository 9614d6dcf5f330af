// Fused Rprop kernels: one pass over w, g, gp, Δ (and dw) per step, branch-free in the vector loop.
// They must equal src/rules/*.ts bit for bit; the scalar tail repeats the reference's operations.
//
// The loop is pure memory traffic on paper but bound by instruction count in practice: a version
// that selects per case costs ≈45 SSE instructions per 4 floats (0.79 ns per float32 in L1 here),
// this one ≈26. The sign logic works on sign bits and masks instead of materialising sign(g)·sign(gp):
//   nz(g)   = g ≠ 0 (g is never NaN: a step refuses such gradients before any kernel runs)
//   nz(gp)  = gp ≠ 0 (gp is never NaN either: it is a past g, or 0, or a loaded finite value)
//   differ  = sign bit of g ⊕ gp, spread over the lane (arithmetic shift)
//   both    = nz(g) ∧ nz(gp)                 (s ≠ 0)
//   flip    = both ∧ differ                  (s < 0)
//   f       = 1 ⊕ (both ∧ ((η+ ⊕ 1) ⊕ (differ ∧ (η+ ⊕ η−))))   (xor of bit patterns: η+, η− or 1)
//   sign(g)·Δ = (Δ ⊕ signbit(g)) ∧ nz(g)    (Δ is a number ≥ +0 — never NaN, never −0 — so
//              multiplying by ±1 is flipping its sign bit, and by sign(±0) = +0 gives +0)
// and "no move" is w − (+0), which is w exactly, also for w = −0 and NaN.
//
// What the kernels assume of the state, every optimizer guarantees: gp finite (a checked gradient,
// or 0), Δ ≥ +0 and finite (lr + 0 to start, then products with η± > 0 clamped to [Δmin, Δmax]);
// loadStateDict refuses non-finite values and negative step sizes and turns a −0 step size into +0.
// The property tests draw every such state, and every gradient, w and option besides.
import {
  clamp, lanes, sign, signMask, spreadSign, vmul, vne, vpmax, vpmin, vsplat, vsub,
} from './simd';

@inline function vectorStep<T>(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize,
  epx: v128, epem: v128, vlo: v128, vhi: v128, maximize: bool, revert: bool): void {
  const zero = vsplat<T>(<T>0), one = vsplat<T>(<T>1);
  const signBit = signMask<T>();
  const gv = maximize ? v128.xor(v128.load(g), signBit) : v128.load(g); // maximize negates g
  const pv = v128.load(prev);
  const nzg = vne<T>(gv, zero);
  const both = v128.and(nzg, vne<T>(pv, zero));
  const differ = spreadSign<T>(v128.xor(gv, pv));
  const flip = v128.and(both, differ);
  // f = η− ⊕ η+ picked by differ, then 1 where not both: four operations, no select.
  const factor = v128.xor(one, v128.and(both, v128.xor(epx, v128.and(differ, epem))));
  const d = vpmin<T>(vpmax<T>(vmul<T>(v128.load(step), factor), vlo), vhi);
  v128.store(step, d);
  const signed = v128.xor(d, v128.and(gv, signBit)); // ±Δ with g's sign
  const wv = v128.load(w);
  if (variant == 0) {
    v128.store(w, vsub<T>(wv, v128.and(signed, nzg)));
    v128.store(prev, gv);
  } else if (variant == 1) {
    v128.store(w, vsub<T>(wv, v128.and(signed, v128.andnot(nzg, flip))));
    v128.store(prev, v128.andnot(gv, flip));
  } else {
    const u = v128.and(signed, nzg); // sign(g)·Δ; the reference's w − sign(g)·Δ, and dw = −(sign(g)·Δ)
    // w + dw is w − u exactly (a + (−b) is a − b in IEEE 754); a reverted flip is w − dwOld.
    const back = revert ? v128.bitselect(v128.load(dw), u, flip) : v128.andnot(u, flip);
    v128.store(w, vsub<T>(wv, back));
    v128.store(dw, v128.andnot(v128.xor(u, signBit), flip));
    v128.store(prev, v128.andnot(gv, flip));
  }
}

@inline function rprop<T>(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: T, etaPlus: T, lo: T, hi: T, maximize: bool, revert: bool): void {
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const one = vsplat<T>(<T>1);
  // f = 1 ⊕ (both ∧ ((η+ ⊕ 1) ⊕ (differ ∧ (η+ ⊕ η−)))): η+ same sign, η− flip, 1 otherwise.
  const epx = v128.xor(vsplat<T>(etaPlus), one), epem = v128.xor(vsplat<T>(etaPlus), vsplat<T>(etaMinus));
  const vlo = vsplat<T>(lo), vhi = vsplat<T>(hi);
  // Two vectors per iteration: V8 also checks for interrupts on every back edge.
  const end = <usize>(n - n % (2 * L)) * size;
  for (let o: usize = 0; o < end; o += 32) {
    vectorStep<T>(variant, w + o, g + o, prev + o, step + o, dw + o, epx, epem, vlo, vhi, maximize, revert);
    vectorStep<T>(variant, w + o + 16, g + o + 16, prev + o + 16, step + o + 16, dw + o + 16, epx, epem, vlo, vhi, maximize, revert);
  }
  for (let o = end; o < <usize>n * size; o += size) {
    let gs = load<T>(g + o);
    if (maximize) gs = -gs;
    const sg = sign<T>(gs);
    const s = sg * sign<T>(load<T>(prev + o));
    const d = clamp<T>(load<T>(step + o) * (s > <T>0 ? etaPlus : s < <T>0 ? etaMinus : <T>1), lo, hi);
    store<T>(step + o, d);
    const ws = load<T>(w + o);
    if (variant == 0) {
      store<T>(w + o, ws - sg * d);
      store<T>(prev + o, gs);
    } else if (variant == 1) {
      if (s < <T>0) store<T>(prev + o, <T>0);
      else { store<T>(w + o, ws - sg * d); store<T>(prev + o, gs); }
    } else if (s < <T>0) {
      if (revert) store<T>(w + o, ws - load<T>(dw + o));
      store<T>(dw + o, <T>0);
      store<T>(prev + o, <T>0);
    } else {
      const change = -(sg * d);
      store<T>(dw + o, change);
      store<T>(w + o, ws + change);
      store<T>(prev + o, gs);
    }
  }
}

/** One loop per (variant, maximize, revert), so the vector loop tests none of them. */
@inline function dispatch<T>(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: T, etaPlus: T, lo: T, hi: T, maximize: bool, revert: bool): void {
  if (maximize) {
    if (variant == 0) rprop<T>(0, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, true, false);
    else if (variant == 1) rprop<T>(1, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, true, false);
    else if (revert) rprop<T>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, true, true);
    else rprop<T>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, true, false);
  } else {
    if (variant == 0) rprop<T>(0, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, false, false);
    else if (variant == 1) rprop<T>(1, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, false, false);
    else if (revert) rprop<T>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, false, true);
    else rprop<T>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, false, false);
  }
}

/**
 * variant: 0 'rprop-', 1 'irprop-', 2 'rprop+' and 'irprop+'. revert (+ variants): take a flipped
 * weight's last change back (always for rprop+, when the loss went up for irprop+).
 */
export function rpropF32(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: f32, etaPlus: f32, lo: f32, hi: f32, maximize: bool, revert: bool): void {
  dispatch<f32>(variant, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert);
}

export function rpropF64(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: f64, etaPlus: f64, lo: f64, hi: f64, maximize: bool, revert: bool): void {
  dispatch<f64>(variant, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert);
}
