import type { Optimizer, Parameter } from 'rprop';
import type { TestFunction } from './functions.js';
import { EXACT, noiseScale, observedGradient, type GradientNoise } from './noise.js';
import type { OptimizerSpec } from './optimizers.js';

/** One optimizer's run from the start point: its path and losses, until it diverges. */
export interface Run {
  spec: OptimizerSpec;
  param: Parameter;
  optimizer: Optimizer<object> | null;
  path: Array<[number, number]>;
  losses: number[];
  diverged: boolean;
  /** Why the optimizer could not be made (bad hyperparameters), shown in the legend. */
  error: string | null;
  /** The gradient its optimizer is given, if not the function's own: that with noise from the run's own stream. */
  grad?: TestFunction['grad'];
}

/** Fresh runs of every enabled optimizer on `fn` from `start`, given gradients with `noise` (none by default). */
export function startRuns(fn: TestFunction, start: [number, number], specs: OptimizerSpec[], noise: GradientNoise = EXACT): Run[] {
  const scale = noise.sigma === 0 ? undefined : noiseScale(fn);
  return specs
    .filter((s) => s.enabled)
    .map((spec) => {
      const param: Parameter = { data: Float64Array.from(start), grad: new Float64Array(2) };
      const values = Object.fromEntries(spec.knobs.map((k) => [k.key, k.value]));
      let optimizer: Optimizer<object> | null = null;
      let error: string | null = null;
      try {
        optimizer = spec.make([param], values);
      } catch (e) {
        error = (e as Error).message;
      }
      return { spec, param, optimizer, path: [[start[0], start[1]]], losses: [fn.f(start[0], start[1])], diverged: false, error, grad: observedGradient(fn, noise, spec.id, scale) };
    });
}

/**
 * One step of every live run; its loss is the true f, whatever noise its optimizer's gradient has. A run
 * whose point leaves the finite numbers (or 1e6) is marked diverged.
 */
export function stepRuns(fn: TestFunction, runs: Run[]): void {
  for (const run of runs) {
    if (run.diverged || run.optimizer === null) continue;
    const { data, grad } = run.param as { data: Float64Array; grad: Float64Array };
    try {
      run.optimizer.step(() => {
        const [gx, gy] = (run.grad ?? fn.grad)(data[0]!, data[1]!);
        grad[0] = gx;
        grad[1] = gy;
        // The exact loss even with noise: the page has no noisy f to give. Only the + variants read it (to
        // undo a step that raised it), so with noise they see more than a mini-batch would show them.
        return fn.f(data[0]!, data[1]!);
      });
    } catch {
      run.diverged = true; // a gradient that overflowed to ±Infinity is refused: the run has diverged
      continue;
    }
    const [x, y] = [data[0]!, data[1]!];
    const value = fn.f(x, y);
    if (!Number.isFinite(value) || Math.abs(x) > 1e6 || Math.abs(y) > 1e6) {
      run.diverged = true;
      continue;
    }
    run.path.push([x, y]);
    run.losses.push(value);
  }
}
