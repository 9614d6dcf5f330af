// Steps on two kernel threads (rprop/threads), for `npm run bench`: the zero-copy path (its calls
// split across the threads) and the step on plain arrays (copied through the memory in a pipeline
// beside the worker's kernels). Threads need the kernels' memory shared from the start, so each shape
// runs in a child process of its own: `node threads.mjs <dtype> <shape label>` prints one JSON line.
// The worker is started once; in turns, round after round (the machine's speed drifts), the child
// times both steps on two threads, the same steps kept on one thread (minSplitBytes and
// minPipelineBytes set out of reach: the same process, memory and code, the worker idle), and the
// copy floor, and reports medians and per-round ratios. (Restarting the worker between rounds instead would time its start-up —
// isolate, instance, compilation — on the other core, with one core left for the step.)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useKernelThreads } from 'rprop/threads';
import { nsPerParameter } from './kernel-row.mjs';
import { copyFloor, draws, DTYPES, plainPath, SHAPES, zeroCopyPath } from './paths.mjs';
import { median, medianSeconds } from './timing.mjs';

const ROUNDS = 7;

/**
 * { ns, overFloor, speedup, plain: { ns, overFloor, speedup } }: the zero-copy step on 2 threads
 * (speedup: its time on one thread ÷ on two), and the same figures of the step on plain arrays.
 */
export function threadedZeroCopy(dtype, label) {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), dtype, label], { encoding: 'utf8' });
  return JSON.parse(out);
}

/**
 * The figures of the rounds' timings (seconds) of the zero-copy step on two threads (`two`), on one
 * (`one`) and of the copy floor (`floors`) on `shape`: { ns, overFloor, speedup } — ns per parameter on
 * two threads, and medians of per-round ratios (two threads over the floor, one thread over two).
 */
export function threadFigures({ two, one, floors }, shape) {
  return {
    ns: nsPerParameter(median(two), shape),
    overFloor: median(two.map((t, i) => t / floors[i])),
    speedup: median(one.map((t, i) => t / two[i])),
  };
}

async function measure(dtype, label) {
  await useKernelThreads(2); // before anything touches the kernels' memory
  const { Ctor } = DTYPES.find((d) => d.dtype === dtype);
  const shape = SHAPES.find((s) => s.label === label);
  const grads = draws(Ctor, shape);
  const zeroCopy = zeroCopyPath(Ctor, shape, grads);
  const plain = plainPath(Ctor, shape, grads);
  const floor = copyFloor(Ctor, shape);
  const time = (c) => medianSeconds(c.run, { prepare: c.prepare, budget: 0.15, min: 5, warmUp: 0.05 });
  const two = [];
  const one = [];
  const plainTwo = [];
  const plainOne = [];
  const floors = [];
  for (let round = 0; round < ROUNDS; round++) {
    await useKernelThreads(2);
    two.push(time(zeroCopy));
    plainTwo.push(time(plain));
    await useKernelThreads(2, { minSplitBytes: Number.MAX_SAFE_INTEGER, minPipelineBytes: Infinity });
    one.push(time(zeroCopy));
    plainOne.push(time(plain));
    floors.push(time(floor));
  }
  return { ...threadFigures({ two, one, floors }, shape), plain: threadFigures({ two: plainTwo, one: plainOne, floors }, shape) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measure(process.argv[2], process.argv[3])));
}
