// Fused kernels for Rprop's mini-batch relatives. Same operations in the same order as
// src/rules/sign-sgd.ts, signum.ts and lion.ts; maximize flips g's sign bit.
import { lanes, sign, vadd, vmul, vsign, vsplat, vsub } from './simd';

@inline function signSgd<T>(w: usize, g: usize, n: i32, step: T): void {
  // step = lr·(−1 if maximize else 1), so w − step·sign(g) as the reference computes it.
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = vsplat<T>(<T>0), one = vsplat<T>(<T>1), minusOne = vsplat<T>(<T>-1), vstep = vsplat<T>(step);
  let i = 0;
  for (; i + L <= n; i += L) {
    const o = <usize>i * size;
    v128.store(w + o, vsub<T>(v128.load(w + o), vmul<T>(vstep, vsign<T>(v128.load(g + o), zero, one, minusOne))));
  }
  for (; i < n; i++) {
    const o = <usize>i * size;
    store<T>(w + o, load<T>(w + o) - step * sign<T>(load<T>(g + o)));
  }
}

@inline function signum<T>(w: usize, g: usize, m: usize, n: i32, lr: T, beta: T, oneMinusBeta: T, maximize: bool): void {
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = vsplat<T>(<T>0), one = vsplat<T>(<T>1), minusOne = vsplat<T>(<T>-1);
  const vlr = vsplat<T>(lr), vb = vsplat<T>(beta), vomb = vsplat<T>(oneMinusBeta);
  const negate = maximize ? vsplat<T>(<T>-0.0) : vsplat<T>(<T>0);
  let i = 0;
  for (; i + L <= n; i += L) {
    const o = <usize>i * size;
    const gv = v128.xor(v128.load(g + o), negate);
    const mv = vadd<T>(vmul<T>(vb, v128.load(m + o)), vmul<T>(vomb, gv));
    v128.store(m + o, mv);
    v128.store(w + o, vsub<T>(v128.load(w + o), vmul<T>(vlr, vsign<T>(mv, zero, one, minusOne))));
  }
  for (; i < n; i++) {
    const o = <usize>i * size;
    const gs = maximize ? -load<T>(g + o) : load<T>(g + o);
    const ms = beta * load<T>(m + o) + oneMinusBeta * gs;
    store<T>(m + o, ms);
    store<T>(w + o, load<T>(w + o) - lr * sign<T>(ms));
  }
}

@inline function lion<T>(w: usize, g: usize, m: usize, n: i32, lr: T, beta1: T, oneMinusBeta1: T, beta2: T,
  oneMinusBeta2: T, weightDecay: T, maximize: bool): void {
  const size = <usize>sizeof<T>();
  const L = lanes<T>();
  const zero = vsplat<T>(<T>0), one = vsplat<T>(<T>1), minusOne = vsplat<T>(<T>-1);
  const vlr = vsplat<T>(lr), vb1 = vsplat<T>(beta1), vomb1 = vsplat<T>(oneMinusBeta1);
  const vb2 = vsplat<T>(beta2), vomb2 = vsplat<T>(oneMinusBeta2), vwd = vsplat<T>(weightDecay);
  const negate = maximize ? vsplat<T>(<T>-0.0) : vsplat<T>(<T>0);
  // λ = 0 uses sign(c) itself, as the reference does: sign(c) + 0·w would turn w = ±Infinity into NaN.
  const decay = weightDecay != <T>0;
  let i = 0;
  for (; i + L <= n; i += L) {
    const o = <usize>i * size;
    const gv = v128.xor(v128.load(g + o), negate);
    const mv = v128.load(m + o);
    const wv = v128.load(w + o);
    const s = vsign<T>(vadd<T>(vmul<T>(vb1, mv), vmul<T>(vomb1, gv)), zero, one, minusOne);
    const direction = decay ? vadd<T>(s, vmul<T>(vwd, wv)) : s;
    v128.store(w + o, vsub<T>(wv, vmul<T>(vlr, direction)));
    v128.store(m + o, vadd<T>(vmul<T>(vb2, mv), vmul<T>(vomb2, gv)));
  }
  for (; i < n; i++) {
    const o = <usize>i * size;
    const gs = maximize ? -load<T>(g + o) : load<T>(g + o);
    const ms = load<T>(m + o);
    const ws = load<T>(w + o);
    const s = sign<T>(beta1 * ms + oneMinusBeta1 * gs);
    const direction = decay ? s + weightDecay * ws : s;
    store<T>(w + o, ws - lr * direction);
    store<T>(m + o, beta2 * ms + oneMinusBeta2 * gs);
  }
}

export function signSgdF32(w: usize, g: usize, n: i32, step: f32): void { signSgd<f32>(w, g, n, step); }
export function signSgdF64(w: usize, g: usize, n: i32, step: f64): void { signSgd<f64>(w, g, n, step); }
export function signumF32(w: usize, g: usize, m: usize, n: i32, lr: f32, beta: f32, oneMinusBeta: f32, maximize: bool): void {
  signum<f32>(w, g, m, n, lr, beta, oneMinusBeta, maximize);
}
export function signumF64(w: usize, g: usize, m: usize, n: i32, lr: f64, beta: f64, oneMinusBeta: f64, maximize: bool): void {
  signum<f64>(w, g, m, n, lr, beta, oneMinusBeta, maximize);
}
export function lionF32(w: usize, g: usize, m: usize, n: i32, lr: f32, beta1: f32, oneMinusBeta1: f32, beta2: f32,
  oneMinusBeta2: f32, weightDecay: f32, maximize: bool): void {
  lion<f32>(w, g, m, n, lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, weightDecay, maximize);
}
export function lionF64(w: usize, g: usize, m: usize, n: i32, lr: f64, beta1: f64, oneMinusBeta1: f64, beta2: f64,
  oneMinusBeta2: f64, weightDecay: f64, maximize: bool): void {
  lion<f64>(w, g, m, n, lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, weightDecay, maximize);
}
