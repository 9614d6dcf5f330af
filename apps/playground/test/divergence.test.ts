import type { Optimizer, Parameter } from 'rprop';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type TestFunction } from '../src/functions.js';
import { optimizerSpecs, type OptimizerSpec } from '../src/optimizers.js';
import { startRuns, stepRuns } from '../src/simulation.js';

const scaled = FUNCTIONS.find((f) => f.id === 'scaled')!;

/**
 * An optimizer that moves its point along `points`, one per step, and counts its steps: it puts the
 * run exactly where a divergence check has to catch it.
 */
function scripted(points: Array<[number, number]>): { spec: OptimizerSpec; steps: () => number } {
  let steps = 0;
  const spec: OptimizerSpec = {
    id: 'scripted',
    name: 'scripted',
    color: '#000',
    enabled: true,
    knobs: [],
    make: ([param]: Parameter[]) =>
      ({
        step(closure: () => number) {
          closure();
          param!.data.set(points[steps++]!);
        },
      }) as unknown as Optimizer<object>,
  };
  return { spec, steps: () => steps };
}

/** `fn`'s run of `spec` from (1, 1) after `n` steps. */
function runFor(fn: TestFunction, spec: OptimizerSpec, n: number) {
  const [run] = startRuns(fn, [1, 1], [spec]);
  for (let i = 0; i < n; i++) stepRuns(fn, [run!]);
  return run!;
}

describe('a run that diverges', () => {
  for (const [what, away] of [
    ['x beyond 1e6', [2e6, 0]],
    ['y beyond 1e6', [0, 2e6]],
    ['a point that is not a number', [NaN, 0]],
  ] as const) {
    it(`is marked diverged at the step that takes it to ${what}, its path ending at the last point before, and is stepped no more`, () => {
      // Back inside on the step after: a run still stepped would come back with a gap in its path.
      const { spec, steps } = scripted([[0.5, 0.5], [...away], [0.25, 0.25], [0, 0]]);
      const run = runFor(scaled, spec, 4);
      expect(run.diverged).toBe(true);
      expect(run.path).toEqual([[1, 1], [0.5, 0.5]]);
      expect(run.losses).toEqual([scaled.f(1, 1), scaled.f(0.5, 0.5)]);
      expect(steps()).toBe(2);
    });
  }

  it('is marked diverged, not thrown out of the page\'s loop, when its gradient overflows and every optimizer refuses it', () => {
    // No test function overflows inside the 1e6 box; a future one might, and the library throws on it.
    const overflowing: TestFunction = { ...scaled, grad: (x, y) => (x === 1 && y === 1 ? scaled.grad(x, y) : [-Infinity, 0]) };
    for (const spec of optimizerSpecs()) {
      const [run] = startRuns(overflowing, [1, 1], [{ ...spec, enabled: true }]);
      for (let i = 0; i < 3; i++) stepRuns(overflowing, [run!]);
      expect(run!.diverged, spec.name).toBe(true);
      // The first step, from (1, 1), had a finite gradient; the second was refused.
      expect(run!.path, spec.name).toHaveLength(2);
      expect(run!.losses, spec.name).toHaveLength(2);
    }
  });
});
