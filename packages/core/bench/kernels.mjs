// npm run bench (from the repository root; it builds first): ns per parameter of one Rprop step
// (defaults: iRprop−) for the reference loop, Rprop.step() on plain typed arrays (the fast path: the
// WebAssembly SIMD kernels, copying w and g through their memory), the zero-copy path (parameters
// from Rprop.allocate), a memory-copy floor and, when the system Python has PyTorch,
// torch.optim.Rprop(foreach=True) on 2 threads — all measured in this one run, float32 and float64.
//
// The zero-copy path is also timed on two kernel threads (rprop/threads), in a child process per
// row (see threads.mjs): there the ratios to the floor and to one thread are measured side by side.
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
import { useKernels } from 'rprop';
import { copyFloor, draws, DTYPES, plainPath, SHAPES as ALL_SHAPES, zeroCopyPath } from './paths.mjs';
import { threadedZeroCopy } from './threads.mjs';
import { interleavedMedians, medianSeconds } from './timing.mjs';
import { stateBytesPerParameter } from './state-bytes.mjs';
import { floorVsTorch, formatFloorVsTorch, formatTargets, targets } from './targets.mjs';
import { torchAvailable, torchNsPerParameter } from './torch.mjs';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--shape='))?.slice('--shape='.length);

const SHAPES = ALL_SHAPES.filter((s) => (!quick || s.size * s.tensors < 1e7) && (only === undefined || s.label === only || s.label === only.replace('x', '×')));

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
    const threads = threadedZeroCopy(dtype, shape.label);
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
      zeroCopyThreadsNs: threads.ns,
      zeroCopyThreadsOverFloor: threads.overFloor,
      threadsSpeedup: threads.speedup,
      fastSpeedupVsReference: referenceNs / fastNs,
    });
    globalThis.gc?.();
  }
}

const state = stateBytesPerParameter();
const goals = targets(rows, state);
const ceilings = floorVsTorch(rows);
if (json) {
  console.log(JSON.stringify({ rows, stateBytesPerParameter: state, targets: goals, floorVsTorch: ceilings }, null, 2));
} else {
  const f = (v, d = 2) => (v === null ? '—' : v.toFixed(d));
  const x = (v, d = 1) => (v === null ? '—' : `${v.toFixed(d)}×`);
  console.log('Rprop.step(), defaults (iRprop−), ns per parameter, medians; every column measured in this run');
  console.log('dtype    shape     reference   fast  zero-copy  zero-copy 2 thr  copy floor  torch  torch reused │ fast vs torch  vs reused  fast/floor  zero-copy/floor  2 thr/floor  2 thr vs 1  fast vs reference');
  for (const r of rows) {
    console.log(
      `${r.dtype.padEnd(8)} ${r.shape.padEnd(9)} ${f(r.referenceNs).padStart(9)} ${f(r.fastNs).padStart(6)} ${f(r.zeroCopyNs).padStart(10)} ${f(r.zeroCopyThreadsNs).padStart(16)} ${f(r.copyFloorNs).padStart(11)} ${f(r.torchForeachNs).padStart(6)} ${f(r.torchReusedNs).padStart(13)} │ ${x(r.fastSpeedupVsTorch).padStart(13)} ${x(r.fastSpeedupVsTorchReused).padStart(10)} ${x(r.fastOverFloor, 2).padStart(11)} ${x(r.zeroCopyOverFloor, 2).padStart(16)} ${x(r.zeroCopyThreadsOverFloor, 2).padStart(12)} ${x(r.threadsSpeedup, 2).padStart(11)} ${x(r.fastSpeedupVsReference).padStart(18)}`,
    );
  }
  console.log('torch: torch.optim.Rprop(foreach=True), 2 threads, glibc malloc as installed; torch reused: glibc set to reuse freed memory (no page faults per step)');
  console.log('zero-copy 2 thr: rprop/threads useKernelThreads(2), in a process of its own per row, timed in turns with 1 thread and the floor there');
  console.log('optimizer state, bytes per parameter:', Object.entries(state).map(([k, v]) => `${k} ${v}`).join(', '));
  if (goals.length > 0) console.log(['targets (float32, defaults; this run):', ...formatTargets(goals), ...formatFloorVsTorch(ceilings)].join('\n  '));
  if (rows.every((r) => r.torchForeachNs === null)) {
    console.log('(torch not measured: /usr/bin/python3 cannot import torch; apt-get install python3-torch)');
  }
}
