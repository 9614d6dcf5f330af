// Fused Rprop kernels: one pass over w, g, gp, Δ (and dw) per step, branch-free in the vector loop.
// They must equal src/rules/*.ts bit for bit; the scalar tail repeats the vector loop's operations.
import { clamp, lanes, sign, vadd, vgt, vlt, vmul, vneg, vpmax, vpmin, vsign, vsplat, vsub } from './simd';

/**
 * variant: 0 'rprop-', 1 'irprop-', 2 'rprop+', 3 'irprop+'. revert (+ variants): take a flipped weight's
 * last change back (always for rprop+, when the loss went up for irprop+).
 */
@inline function rprop<T>(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: T, etaPlus: T, lo: T, hi: T, maximize: bool, revert: bool): void {
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = vsplat<T>(<T>0), one = vsplat<T>(<T>1), minusOne = vsplat<T>(<T>-1);
  const em = vsplat<T>(etaMinus), ep = vsplat<T>(etaPlus), vlo = vsplat<T>(lo), vhi = vsplat<T>(hi);
  const revertMask = revert ? v128.splat<i32>(-1) : v128.splat<i32>(0);
  // maximize flips the sign bit of g, as negation does, without a branch in the loop.
  const negate = maximize ? vsplat<T>(<T>-0.0) : vsplat<T>(<T>0);
  let i = 0;
  for (; i + L <= n; i += L) {
    const o = <usize>i * size;
    const gv = v128.xor(v128.load(g + o), negate);
    const pv = v128.load(prev + o);
    const gPos = vgt<T>(gv, zero), gNeg = vlt<T>(gv, zero);
    const pPos = vgt<T>(pv, zero), pNeg = vlt<T>(pv, zero);
    const same = v128.or(v128.and(gPos, pPos), v128.and(gNeg, pNeg));
    const flip = v128.or(v128.and(gPos, pNeg), v128.and(gNeg, pPos));
    const factor = v128.bitselect(ep, v128.bitselect(em, one, flip), same);
    const d = vpmin<T>(vpmax<T>(vmul<T>(v128.load(step + o), factor), vlo), vhi);
    v128.store(step + o, d);
    const sg = vsign<T>(gv, zero, one, minusOne);
    const wv = v128.load(w + o);
    const kept = v128.bitselect(zero, gv, flip);
    if (variant == 0) {
      v128.store(w + o, vsub<T>(wv, vmul<T>(sg, d)));
      v128.store(prev + o, gv);
    } else if (variant == 1) {
      v128.store(w + o, v128.bitselect(wv, vsub<T>(wv, vmul<T>(sg, d)), flip));
      v128.store(prev + o, kept);
    } else {
      const dwOld = v128.load(dw + o);
      const change = vneg<T>(vmul<T>(sg, d));
      const back = v128.bitselect(vsub<T>(wv, dwOld), wv, revertMask);
      v128.store(w + o, v128.bitselect(back, vadd<T>(wv, change), flip));
      v128.store(dw + o, v128.bitselect(zero, change, flip));
      v128.store(prev + o, kept);
    }
  }
  for (; i < n; i++) {
    const o = <usize>i * size;
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

export function rpropF32(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: f32, etaPlus: f32, lo: f32, hi: f32, maximize: bool, revert: bool): void {
  switch (variant) {
    case 0: rprop<f32>(0, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert); break;
    case 1: rprop<f32>(1, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert); break;
    default: rprop<f32>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert);
  }
}

export function rpropF64(variant: i32, w: usize, g: usize, prev: usize, step: usize, dw: usize, n: i32,
  etaMinus: f64, etaPlus: f64, lo: f64, hi: f64, maximize: bool, revert: bool): void {
  switch (variant) {
    case 0: rprop<f64>(0, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert); break;
    case 1: rprop<f64>(1, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert); break;
    default: rprop<f64>(2, w, g, prev, step, dw, n, etaMinus, etaPlus, lo, hi, maximize, revert);
  }
}
