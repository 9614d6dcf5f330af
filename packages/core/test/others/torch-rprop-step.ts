import { afterEach } from 'vitest';
import { Rprop, useKernels, type Parameter } from '../../src/index.js';
import type { TorchRpropRun } from './torch-recordings.js';
import { giveGradients } from '../fixtures/give-gradients.js';

/**
 * One step of this library's Rprop from exactly where torch.optim.Rprop stood — its weights and its
 * state (prev, stepSize) after the step before — so that each of torch's steps is compared on its own,
 * whatever the earlier steps did. Run on each path `optimizers/torch-edges.test.ts` replays on.
 */

export type Path = 'reference' | 'kernels' | 'chunked' | 'zero-copy';
export const PATHS: readonly Path[] = ['reference', 'kernels', 'chunked', 'zero-copy'];

/** The kernels' usual setting, restored after each test of a file that calls this. */
export function restoreKernelsAfterEach(): void {
  afterEach(() => useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 }));
}

/** The plain rules; the kernels on any length; the same copying through a staging area of 0 bytes; resident weights. */
export function usePath(path: Path): void {
  useKernels(path !== 'reference', { minLength: 0, stagingBytes: path === 'chunked' ? 0 : 256 * 2 ** 20 });
}

/** This library's state and weights after one step. */
export interface OurStep {
  param: number[];
  prev: number[];
  stepSize: number[];
}

/**
 * Our step t of `run`: from torch's weights and state after step t − 1 (the initial weights and no
 * state for t = 0), fed torch's gradient of step t.
 */
export function ourStepFromTorch(run: TorchRpropRun, t: number, path: Path): OurStep {
  const Ctor = run.dtype === 'float32' ? Float32Array : Float64Array;
  const before = t === 0 ? null : run.steps[t - 1]!;
  const weights = before === null ? run.init : before.param;
  let w: Parameter;
  if (path === 'zero-copy') {
    w = Rprop.allocate(weights.length, run.dtype);
    w.data.set(weights);
  } else w = { data: Ctor.from(weights), grad: null };
  const opt = new Rprop([w], run.options);
  if (before !== null) {
    const sd = opt.stateDict();
    sd.state['0'] = { prev: before.prev, stepSize: before.stepSize };
    opt.loadStateDict(sd);
  }
  giveGradients([w], [run.steps[t]!.grad], Ctor);
  opt.step();
  const state = opt.stateDict().state['0']!;
  return { param: Array.from(w.data), prev: state.prev as number[], stepSize: state.stepSize as number[] };
}
