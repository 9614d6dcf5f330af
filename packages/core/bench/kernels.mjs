// npm run bench (from the repository root; it builds first): ns per parameter of one Rprop step
// (defaults: iRprop−) for the reference loop, Rprop.step() on plain typed arrays (the fast path: the
// WebAssembly SIMD kernels, copying w and g through their memory), the zero-copy path (parameters
// from Rprop.allocate), a memory-copy floor and, when the system Python has PyTorch,
// torch.optim.Rprop(foreach=True) on 2 threads — all measured in this one run, float32 and float64.
//
// Flags: --json prints the rows as JSON; --quick skips 1e7 (for a smoke run); --shape=<label> (e.g.
// --shape=200×5000 or --shape=1e6) measures that shape only.
//
// The copy floor moves as many bytes as the step must: it reads w, g, gp, Δ and writes w, gp, Δ,
// 28 bytes per float32 parameter (56 per float64), done as one TypedArray.set of 14 (28) bytes per
// parameter. The zero-copy row times the step alone: its gradient is written into the parameter's
// buffer before each timed step, as a backward pass would. The fast path, the zero-copy path and the
// floor are timed in turns, a warm block of each per round, and their ratios are medians of per-round
// ratios: this shared machine's speed drifts by tens of percent within minutes.
//
// torch the same way: TORCH_RUNS Python processes per shape, each followed at once by a timing of
// the fast path; a torch column is the fastest process (the comparison most favourable to torch),
// and "fast vs torch" divides it by the fast path timed right after that process, so that both sides
// of the ratio saw the machine in the same state. Twice: with glibc's malloc as installed ("torch"),
// which maps fresh pages for the step's temporaries whenever it returned the last ones to the kernel,
// and set to reuse freed memory ("torch reused", see TORCH_REUSES_MEMORY): that is torch's arithmetic
// without the page faults, the stricter comparison.
import { Rprop, useKernels } from 'rprop';
import { interleavedMedians, medianSeconds, randomArray } from './timing.mjs';
import { stateBytesPerParameter } from './state-bytes.mjs';
import { torchAvailable, torchNsPerParameter } from './torch.mjs';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--shape='))?.slice('--shape='.length);

const SHAPES = [
  { label: '1e4', tensors: 1, size: 1e4 },
  { label: '1e6', tensors: 1, size: 1e6 },
  { label: '1e7', tensors: 1, size: 1e7 },
  { label: '200×5000', tensors: 200, size: 5000 },
].filter((s) => (!quick || s.size * s.tensors < 1e7) && (only === undefined || s.label === only || s.label === only.replace('x', '×')));

const DTYPES = [
  { dtype: 'float32', Ctor: Float32Array },
  { dtype: 'float64', Ctor: Float64Array },
];

/** Two gradient draws per tensor: steps alternate between them, so about half the signs flip. */
function draws(Ctor, shape) {
  return Array.from({ length: shape.tensors }, (_, t) => [randomArray(Ctor, shape.size, 1000 + t), randomArray(Ctor, shape.size, 2000 + t)]);
}

// Each case is { prepare, run }: prepare() (untimed) hands over the next gradient, run() is the timed step.

/** Rprop.step() on ordinary arrays (the kernels on or off, as set when it runs). */
function plainPath(Ctor, shape, grads) {
  const params = grads.map((_, t) => ({ data: randomArray(Ctor, shape.size, t), grad: null }));
  const opt = new Rprop(params);
  let k = 0;
  const prepare = () => {
    const which = k++ & 1;
    params.forEach((p, t) => (p.grad = grads[t][which]));
  };
  return { prepare, run: () => opt.step() };
}

/** Rprop.step() on parameters allocated in the kernels' memory. */
function zeroCopyPath(Ctor, shape, grads) {
  const dtype = Ctor === Float32Array ? 'float32' : 'float64';
  const params = grads.map((_, t) => {
    const p = Rprop.allocate(shape.size, dtype);
    p.data.set(randomArray(Ctor, shape.size, t));
    return p;
  });
  const opt = new Rprop(params);
  let k = 0;
  const prepare = () => {
    const which = k++ & 1;
    params.forEach((p, t) => p.gradBuffer.set(grads[t][which]));
  };
  return { prepare, run: () => opt.step() };
}

/** The copy floor: the bytes one step must move, as one memcpy (see the header). */
function copyFloor(Ctor, shape) {
  const bytes = 14 * Ctor.BYTES_PER_ELEMENT / 4 * shape.size * shape.tensors;
  const src = new Uint8Array(bytes).fill(1);
  const dst = new Uint8Array(bytes);
  return { prepare: () => {}, run: () => dst.set(src) };
}

/** Seconds of the reference loop (kernels off), alone: at 10⁷ one step takes a fifth of a second. */
function referenceSeconds(Ctor, shape, grads) {
  useKernels(false);
  try {
    const c = plainPath(Ctor, shape, grads);
    return medianSeconds(c.run, { prepare: c.prepare });
  } finally {
    useKernels(true);
  }
}

const TORCH_RUNS = 3;

/**
 * TORCH_RUNS pairs { torchNs, fastNs }: a torch process on `shape` (with `options` for
 * torchNsPerParameter), then at once the fast path (a warm median over 0.6 s). Returns the pair of the fastest torch process, with all pairs, or null
 * without torch.
 */
function torchPaired(shape, dtype, fast, ns, options) {
  if (!torchAvailable()) return null;
  const pairs = Array.from({ length: TORCH_RUNS }, () => {
    const torchNs = torchNsPerParameter(shape, dtype, options);
    return { torchNs, fastNs: ns(medianSeconds(fast.run, { prepare: fast.prepare, budget: 0.6, warmUp: 0.1 })) };
  });
  const best = pairs.reduce((a, b) => (b.torchNs < a.torchNs ? b : a));
  return { ...best, pairs };
}

const rows = [];
for (const { dtype, Ctor } of DTYPES) {
  for (const shape of SHAPES) {
    const n = shape.size * shape.tensors;
    const ns = (seconds) => (seconds / n) * 1e9;
    const grads = draws(Ctor, shape);
    const referenceNs = ns(referenceSeconds(Ctor, shape, grads));
    // The fast path, the zero-copy path and the floor in turns, round after round, so that a change
    // in the machine's load between them moves all three alike; ratios are medians of each round's.
    const fast = plainPath(Ctor, shape, grads);
    const m = interleavedMedians({ fast, zeroCopy: zeroCopyPath(Ctor, shape, grads), floor: copyFloor(Ctor, shape) });
    const [fastNs, zeroCopyNs, copyFloorNs] = [m.seconds.fast, m.seconds.zeroCopy, m.seconds.floor].map(ns);
    const torch = torchPaired(shape, dtype, fast, ns);
    const reused = torchPaired(shape, dtype, fast, ns, { reuseMemory: true });
    rows.push({
      dtype,
      shape: shape.label,
      referenceNs,
      fastNs,
      zeroCopyNs,
      copyFloorNs,
      torchForeachNs: torch?.torchNs ?? null,
      fastSpeedupVsTorch: torch === null ? null : torch.torchNs / torch.fastNs,
      torchPairs: torch?.pairs ?? [],
      torchReusedNs: reused?.torchNs ?? null,
      fastSpeedupVsTorchReused: reused === null ? null : reused.torchNs / reused.fastNs,
      torchReusedPairs: reused?.pairs ?? [],
      fastOverFloor: m.ratio('fast', 'floor'),
      zeroCopyOverFloor: m.ratio('zeroCopy', 'floor'),
      fastSpeedupVsReference: referenceNs / fastNs,
    });
    globalThis.gc?.();
  }
}

const state = stateBytesPerParameter();
if (json) {
  console.log(JSON.stringify({ rows, stateBytesPerParameter: state }, null, 2));
} else {
  const f = (v, d = 2) => (v === null ? '—' : v.toFixed(d));
  const x = (v, d = 1) => (v === null ? '—' : `${v.toFixed(d)}×`);
  console.log('Rprop.step(), defaults (iRprop−), ns per parameter, medians; every column measured in this run');
  console.log('dtype    shape     reference   fast  zero-copy  copy floor  torch  torch reused │ fast vs torch  vs reused  fast/floor  zero-copy/floor  fast vs reference');
  for (const r of rows) {
    console.log(
      `${r.dtype.padEnd(8)} ${r.shape.padEnd(9)} ${f(r.referenceNs).padStart(9)} ${f(r.fastNs).padStart(6)} ${f(r.zeroCopyNs).padStart(10)} ${f(r.copyFloorNs).padStart(11)} ${f(r.torchForeachNs).padStart(6)} ${f(r.torchReusedNs).padStart(13)} │ ${x(r.fastSpeedupVsTorch).padStart(13)} ${x(r.fastSpeedupVsTorchReused).padStart(10)} ${x(r.fastOverFloor, 2).padStart(11)} ${x(r.zeroCopyOverFloor, 2).padStart(16)} ${x(r.fastSpeedupVsReference).padStart(18)}`,
    );
  }
  console.log('torch: torch.optim.Rprop(foreach=True), 2 threads, glibc malloc as installed; torch reused: glibc set to reuse freed memory (no page faults per step)');
  console.log('optimizer state, bytes per parameter:', Object.entries(state).map(([k, v]) => `${k} ${v}`).join(', '));
  if (rows.every((r) => r.torchForeachNs === null)) {
    console.log('(torch not measured: /usr/bin/python3 cannot import torch; apt-get install python3-torch)');
  }
}
