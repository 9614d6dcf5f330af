// What would it take for `rprop train` to match FANN on small sets? On diabetes TF.js's own kernels
// already take ≈0.21 ms an epoch, FANN's whole epoch ≈0.17 ms, and a scalar JS loop 0.53 ms. This
// measures the remaining candidate: the whole forward/backward pass as one call into WebAssembly SIMD
// (wasm-mlp-epoch.as.ts, compiled here), stepped by the core's own Rprop (iRprop−, Δ0 = 0.1 as FANN's),
// beside FANN's iRprop− in the same run. The gradient is checked against a float64 JS reference first.
//
//   node packages/cli/bench/experiments/wasm-mlp-epoch.mjs   (after npm run build; FANN_DATASETS as bench:fann)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rprop } from 'rprop';
import { CASES, compileFann, fannInstalled, foundCases, median, readCase, runFann, trainFile } from '../fann/fann-sets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');
const RUNS = 7; // timed training runs per trainer (after one warm-up run); the median is kept
const TOLERANCE = 1e-4; // max |g − reference| / max |reference| per gradient, float32 against float64
const found = foundCases('wasm-mlp-epoch', 'Nothing to measure.');
const scratch = mkdtempSync(join(tmpdir(), 'rprop-wasm-mlp-'));
try {
  const wasmFile = join(scratch, 'wasm-mlp-epoch.wasm');
  execFileSync(process.execPath, [join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js'), join(here, 'wasm-mlp-epoch.as.ts'),
    '-O3', '--runtime', 'stub', '--noAssert', '--initialMemory', '1', '--enable', 'simd', '--outFile', wasmFile], { stdio: 'inherit' });
  const kernel = (await WebAssembly.instantiate(readFileSync(wasmFile), { env: { abort() { throw new Error('abort'); } } })).instance.exports;
  // FANN as bench-fann.mjs runs it (same C file, same arguments), when libfann-dev is installed.
  const fannBinary = fannInstalled() ? compileFann(scratch) : null;
  if (!fannBinary) console.log('wasm-mlp-epoch: FANN is not installed (apt-get install libfann-dev); its column stays empty.');
  console.log(`exp (Cephes polynomial, f32x4): max relative error ${expError(kernel).toExponential(2)} against Math.exp on [−20, 20]`);
  const rows = [];
  for (const c of CASES) {
    if (!found.includes(c)) {
      console.log(`wasm-mlp-epoch: ${trainFile(c)} not found; skipping ${c.name}.`);
      continue;
    }
    const { y: t, ...data } = await readCase(c); // (the kernel's name for the targets)
    rows.push(measure(kernel, c, { ...data, t }, fannBinary));
  }
  console.log(`\nfull batch to the target MSE; ms/epoch: median of ${RUNS} runs after a warm-up run (FANN: of ${RUNS} processes)`);
  console.log('set       epochs (wasm / FANN)  wasm+Rprop  wasm+allocate  kernel only  FANN     FANN ÷ wasm+Rprop');
  for (const r of rows) {
    const fann = r.fann ? r.fann.msPerEpoch.toFixed(3) : '';
    const fannEpochs = r.fann ? String(r.fann.epochs) : '';
    console.log(`${r.set.padEnd(9)} ${`${r.epochs} / ${fannEpochs}`.padEnd(21)} ${r.plain.toFixed(3).padStart(10)} ${r.allocated.toFixed(3).padStart(14)} ${r.kernelOnly.toFixed(3).padStart(12)}  ${fann.padEnd(8)} ${r.fann ? (r.fann.msPerEpoch / r.plain).toFixed(1) : ''}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Max relative error of the kernel's vector exp over a grid, the range tanh and the sigmoid use most. */
function expError(kernel) {
  const n = 40_000, base = (kernel.heapBase() + 15) & ~15;
  if (kernel.memory.buffer.byteLength < base + 8 * n) kernel.memory.grow(Math.ceil((base + 8 * n - kernel.memory.buffer.byteLength) / 65536));
  const src = new Float32Array(kernel.memory.buffer, base, n), dst = new Float32Array(kernel.memory.buffer, base + 4 * n, n);
  for (let i = 0; i < n; i++) src[i] = -20 + (40 * i) / n;
  kernel.expArray(src.byteOffset, dst.byteOffset, n);
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(dst[i] - Math.exp(src[i])) / Math.exp(src[i]));
  return worst;
}

/** The kernel's arrays for one data set, in its memory (grown once, here, so no view detaches later). */
function layout(kernel, { count, inputs, outputs, x, t }, hidden) {
  if (hidden % 4 !== 0) throw new Error(`wasm-mlp-epoch: hidden must be a multiple of 4, got ${hidden}`);
  const size = inputs * hidden + hidden + outputs * hidden + outputs;
  const lengths = [size, size, x.length, t.length, 2 * hidden];
  const offsets = [];
  let top = (kernel.heapBase() + 15) & ~15;
  for (const length of lengths) offsets.push(top), (top += Math.ceil(length / 4) * 16);
  if (kernel.memory.buffer.byteLength < top) kernel.memory.grow(Math.ceil((top - kernel.memory.buffer.byteLength) / 65536));
  const [p, g, xv, tv, s] = lengths.map((length, i) => new Float32Array(kernel.memory.buffer, offsets[i], length));
  xv.set(x);
  tv.set(t);
  const run = () => kernel.epoch(xv.byteOffset, tv.byteOffset, count, inputs, hidden, outputs, p.byteOffset, g.byteOffset, s.byteOffset);
  return { p, g, run, size };
}

/** Uniform in [−0.1, 0.1] as fann_randomize_weights(ann, −0.1, 0.1), from a seeded mulberry32 (not FANN's rand()). */
function randomize(p, seed) {
  for (let i = 0; i < p.length; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    p[i] = -0.1 + 0.2 * (((r ^ (r >>> 14)) >>> 0) / 2 ** 32);
  }
}

/** The same epoch in float64 plain JS (Math.tanh, Math.exp): the MSE and gradient the kernel must match. */
function reference({ count, inputs: I, outputs: O, x, t }, H, p) {
  const w1 = 0, b1 = I * H, w2 = b1 + H, b2 = w2 + O * H;
  const g = new Float64Array(p.length), a = new Float64Array(H), dh = new Float64Array(H);
  let sse = 0;
  for (let k = 0; k < count; k++) {
    for (let h = 0; h < H; h++) {
      let z = p[b1 + h];
      for (let i = 0; i < I; i++) z += x[k * I + i] * p[w1 + i * H + h];
      a[h] = Math.tanh(z);
      dh[h] = 0;
    }
    for (let o = 0; o < O; o++) {
      let z = p[b2 + o];
      for (let h = 0; h < H; h++) z += a[h] * p[w2 + o * H + h];
      const y = 1 / (1 + Math.exp(-z)), diff = y - t[k * O + o];
      sse += diff * diff;
      const d = ((2 / (count * O)) * diff) * y * (1 - y);
      g[b2 + o] += d;
      for (let h = 0; h < H; h++) (g[w2 + o * H + h] += d * a[h]), (dh[h] += d * p[w2 + o * H + h]);
    }
    for (let h = 0; h < H; h++) {
      const delta = dh[h] * (1 - a[h] * a[h]);
      g[b1 + h] += delta;
      for (let i = 0; i < I; i++) g[w1 + i * H + h] += x[k * I + i] * delta;
    }
  }
  return { mse: sse / (count * O), g };
}

/** Checks the kernel's MSE and gradient at the weights `p` holds now; throws past TOLERANCE. */
function check(name, data, hidden, net, when) {
  const mse = net.run();
  const ref = reference(data, hidden, net.p);
  const largest = ref.g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0, worstElement = 0;
  for (let i = 0; i < ref.g.length; i++) {
    const off = Math.abs(net.g[i] - ref.g[i]);
    worst = Math.max(worst, off / largest);
    if (Math.abs(ref.g[i]) >= 1e-3 * largest) worstElement = Math.max(worstElement, off / Math.abs(ref.g[i]));
  }
  const mseError = Math.abs(mse - ref.mse) / ref.mse;
  console.log(`${name} (${when}): gradient max |g − ref| / max |ref| = ${worst.toExponential(2)}, max elementwise relative error (|ref| ≥ 1e-3 · max) = ${worstElement.toExponential(2)}, MSE relative error ${mseError.toExponential(2)}`);
  if (!(worst <= TOLERANCE && mseError <= TOLERANCE)) throw new Error(`wasm-mlp-epoch: ${name}: the kernel's gradient or MSE differs from the float64 reference by more than ${TOLERANCE}`);
}

/**
 * Trains from the seeded start to the target (fann_train_epoch's loop: the MSE before a step, no step
 * from the point that reaches it); ms per epoch counted as train_fann.c does. `allocated` keeps the
 * parameters in the core's memory (Rprop.allocate) and copies w in and g out around each kernel call:
 * the two modules have separate memories, so a zero-copy path across them does not exist.
 */
function train(c, net, allocated) {
  randomize(net.p, 1);
  const param = allocated ? Rprop.allocate(net.size) : { data: net.p, grad: net.g };
  if (allocated) param.data.set(net.p);
  const opt = new Rprop([param], { lr: 0.1, variant: 'irprop-' });
  let epochs = 0, mse = Infinity;
  const start = performance.now();
  while (epochs < c.maxEpochs) {
    if (allocated) net.p.set(param.data);
    mse = net.run();
    if (mse <= c.target) break;
    if (allocated) param.gradBuffer.set(net.g);
    opt.step();
    epochs++;
  }
  const elapsed = performance.now() - start;
  opt.dispose();
  return { epochs, reached: mse <= c.target, msPerEpoch: elapsed / (epochs < c.maxEpochs ? epochs + 1 : epochs) };
}

function measure(kernel, c, data, fannBinary) {
  const net = layout(kernel, data, c.hidden);
  randomize(net.p, 1);
  check(c.name, data, c.hidden, net, 'initial weights');
  const timed = (allocated) => {
    train(c, net, allocated); // warm-up: V8 tiers up the loop, the optimizer's paths and the kernel
    const runs = Array.from({ length: RUNS }, () => train(c, net, allocated));
    if (runs.some((r) => r.epochs !== runs[0].epochs)) throw new Error(`wasm-mlp-epoch: ${c.name}: epoch counts differ between seeded runs`);
    return { ...runs[0], msPerEpoch: median(runs.map((r) => r.msPerEpoch)) };
  };
  const plain = timed(false);
  check(c.name, data, c.hidden, net, `trained, after ${plain.epochs} epochs`); // larger weights, saturated units
  const allocated = timed(true);
  // The kernel alone, at the trained weights: the floor under any optimizer.
  const calls = Math.max(50, Math.round(2e5 / (data.count * c.hidden)));
  const kernelOnly = median(Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) net.run();
    return (performance.now() - t0) / calls;
  }));
  const fann = fannBinary ? runFann(fannBinary, c, RUNS) : null;
  if (!plain.reached) console.log(`wasm-mlp-epoch: ${c.name}: the target MSE ${c.target} was not reached in ${c.maxEpochs} epochs`);
  return { set: c.name, epochs: plain.epochs, plain: plain.msPerEpoch, allocated: allocated.msPerEpoch, kernelOnly, fann };
}
