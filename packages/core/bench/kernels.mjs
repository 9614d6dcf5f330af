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
import { fastestTorch, kernelRow, nsPerParameter } from './kernel-row.mjs';
import { kernelTable } from './kernel-table.mjs';
import { copyFloor, draws, DTYPES, plainPath, SHAPES as ALL_SHAPES, selectShapes, zeroCopyPath } from './paths.mjs';
import { threadedZeroCopy } from './threads.mjs';
import { interleavedMedians, medianSeconds } from './timing.mjs';
import { stateBytesPerParameter } from './state-bytes.mjs';
import { floorVsTorch, targets } from './targets.mjs';
import { torchAvailable, torchNsPerParameter } from './torch.mjs';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--shape='))?.slice('--shape='.length);

let SHAPES;
try {
  SHAPES = selectShapes(ALL_SHAPES, { quick, only });
} catch (error) {
  console.error(`kernels.mjs: ${error.message}`);
  process.exit(1);
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
 * torchNsPerParameter), then at once the fast path (a warm median over 0.6 s). Returns fastestTorch of
 * them (the fastest process, its speedup and all pairs), or null without torch.
 */
function torchPaired(shape, dtype, fast, ns, options) {
  if (!torchAvailable()) return null;
  const pairs = Array.from({ length: TORCH_RUNS }, () => {
    const torchNs = torchNsPerParameter(shape, dtype, options);
    return { torchNs, fastNs: ns(medianSeconds(fast.run, { prepare: fast.prepare, budget: 0.6, warmUp: 0.1 })) };
  });
  return fastestTorch(pairs);
}

const rows = [];
for (const { dtype, Ctor } of DTYPES) {
  for (const shape of SHAPES) {
    const ns = (seconds) => nsPerParameter(seconds, shape);
    const grads = draws(Ctor, shape);
    const reference = referenceSeconds(Ctor, shape, grads);
    // The fast path, the zero-copy path and the floor in turns, round after round, so that a change
    // in the machine's load between them moves all three alike; ratios are medians of each round's.
    const fast = plainPath(Ctor, shape, grads);
    const m = interleavedMedians({ fast, zeroCopy: zeroCopyPath(Ctor, shape, grads), floor: copyFloor(Ctor, shape) });
    const torch = torchPaired(shape, dtype, fast, ns);
    const reused = torchPaired(shape, dtype, fast, ns, { reuseMemory: true });
    const threads = threadedZeroCopy(dtype, shape.label);
    rows.push(kernelRow({ dtype, shape, referenceSeconds: reference, m, torch, reused, threads }));
    globalThis.gc?.();
  }
}

const state = stateBytesPerParameter();
const goals = targets(rows, state);
const ceilings = floorVsTorch(rows);
if (json) {
  console.log(JSON.stringify({ rows, stateBytesPerParameter: state, targets: goals, floorVsTorch: ceilings }, null, 2));
} else {
  console.log(kernelTable(rows, state, goals, ceilings).join('\n'));
}
