// Experiment (not shipped): one full-batch epoch of a dense MLP (inputs → tanh hidden → sigmoid
// outputs, mean squared error) as a single call into WebAssembly, to measure what `rprop train` would
// gain on small sets by leaving TF.js's per-op dispatch behind. Compiled and run by wasm-mlp-epoch.mjs.
//
// Parameters, flat f32 at `p` (and the gradient in the same layout at `g`):
//   W1ᵀ [inputs × hidden] — transposed, so that a sample's hidden pre-activations are a sum of input
//   rows and vectorise over hidden units; b1 [hidden]; W2 [outputs × hidden]; b2 [outputs].
// hidden must be a multiple of 4 (the caller checks). Addresses are byte offsets, 16-byte aligned.

// e^x for four lanes: the shipped kernel's (Cephes' expf, clamped; see assembly/expv.ts), so the
// experiment and `--engine fused` time the same function.
import { expv } from '../../assembly/expv';

/** expv over n floats (n a multiple of 4), for the caller's accuracy check. */
export function expArray(src: usize, dst: usize, n: i32): void {
  for (let i: usize = 0; i < <usize>(n << 2); i += 16) v128.store(dst + i, expv(v128.load(src + i)));
}

/**
 * One epoch over `n` samples (inputs at `x`, targets at `t`, row-major f32): returns the MSE at `p`
 * and writes its gradient to `g`. `s` is scratch for 2 × hidden floats (a sample's activations and
 * back-propagated deltas).
 */
export function epoch(x: usize, t: usize, n: i32, inputs: i32, hidden: i32, outputs: i32, p: usize, g: usize, s: usize): f64 {
  const H = <usize>hidden, I = <usize>inputs, O = <usize>outputs;
  const w1 = p, b1 = w1 + ((I * H) << 2), w2 = b1 + (H << 2), b2 = w2 + ((O * H) << 2);
  const gw1 = g, gb1 = gw1 + ((I * H) << 2), gw2 = gb1 + (H << 2), gb2 = gw2 + ((O * H) << 2);
  memory.fill(g, 0, (I * H + H + O * H + O) << 2);
  const a = s, dh = s + (H << 2);
  // d(mean of squared errors)/dy = 2(y − t)/(n·outputs), as TF.js's meanSquaredError, so that the
  // gradient is the one `rprop train` steps on (FANN's default error function, FANN_ERRORFUNC_TANH,
  // differs: Rprop reads only signs, but the sum over samples weighs them differently).
  const scale = <f32>(2.0 / (<f64>n * <f64>outputs));
  const one = f32x4.splat(1), two = f32x4.splat(2), minusTwo = f32x4.splat(-2);
  let sse: f64 = 0;
  for (let k: usize = 0; k < <usize>n; k++) {
    const xk = x + ((k * I) << 2), tk = t + ((k * O) << 2);
    for (let hb: usize = 0; hb < H << 2; hb += 16) {
      let z = v128.load(b1 + hb);
      for (let i: usize = 0; i < I; i++) z = f32x4.add(z, f32x4.mul(f32x4.splat(load<f32>(xk + (i << 2))), v128.load(w1 + ((i * H) << 2) + hb)));
      // tanh(z) = 2/(1 + e^(−2z)) − 1, as FANN computes its symmetric sigmoid
      v128.store(a + hb, f32x4.sub(f32x4.div(two, f32x4.add(one, expv(f32x4.mul(z, minusTwo)))), one));
      v128.store(dh + hb, f32x4.splat(0));
    }
    for (let o: usize = 0; o < O; o++) {
      const w2o = w2 + ((o * H) << 2), gw2o = gw2 + ((o * H) << 2);
      let acc = f32x4.splat(0);
      for (let hb: usize = 0; hb < H << 2; hb += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(a + hb), v128.load(w2o + hb)));
      const z = load<f32>(b2 + (o << 2)) + f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
      // A handful of outputs per sample: the stdlib's scalar expf (musl's, < 1 ulp) costs little here.
      const y: f32 = 1 / (1 + Mathf.exp(-z));
      const diff = y - load<f32>(tk + (o << 2));
      sse += <f64>diff * <f64>diff;
      const d = scale * diff * y * (1 - y);
      store<f32>(gb2 + (o << 2), load<f32>(gb2 + (o << 2)) + d);
      const dv = f32x4.splat(d);
      for (let hb: usize = 0; hb < H << 2; hb += 16) {
        v128.store(gw2o + hb, f32x4.add(v128.load(gw2o + hb), f32x4.mul(dv, v128.load(a + hb))));
        v128.store(dh + hb, f32x4.add(v128.load(dh + hb), f32x4.mul(dv, v128.load(w2o + hb))));
      }
    }
    for (let hb: usize = 0; hb < H << 2; hb += 16) {
      const av = v128.load(a + hb);
      const delta = f32x4.mul(v128.load(dh + hb), f32x4.sub(one, f32x4.mul(av, av))); // tanh' = 1 − a²
      v128.store(gb1 + hb, f32x4.add(v128.load(gb1 + hb), delta));
      for (let i: usize = 0; i < I; i++) {
        const at = gw1 + ((i * H) << 2) + hb;
        v128.store(at, f32x4.add(v128.load(at), f32x4.mul(f32x4.splat(load<f32>(xk + (i << 2))), delta)));
      }
    }
  }
  return sse / (<f64>n * <f64>outputs);
}

export function heapBase(): usize {
  return __heap_base;
}
