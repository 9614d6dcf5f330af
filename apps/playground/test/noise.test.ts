import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type TestFunction } from '../src/functions.js';
import { EXACT, noiseScale, observedGradient, type GradientNoise } from '../src/noise.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { normalStream } from '../src/random.js';
import { startRuns, stepRuns } from '../src/simulation.js';

/** Every optimizer's path for `n` iterations from the default start of `fn`, only `ids` ticked (all if none given). */
function paths(fn: TestFunction, noise?: GradientNoise, ids?: string[], n = 200): Record<string, Array<[number, number]>> {
  const specs = optimizerSpecs().map((s) => ({ ...s, enabled: ids === undefined || ids.includes(s.id) }));
  const runs = noise === undefined ? startRuns(fn, fn.start, specs) : startRuns(fn, fn.start, specs, noise);
  for (let i = 0; i < n; i++) stepRuns(fn, runs);
  return Object.fromEntries(runs.map((r) => [r.spec.id, r.path]));
}

describe('gradient noise', () => {
  it('σ = 0 runs exactly the noise-free trajectories, whatever the seed', () => {
    for (const fn of FUNCTIONS) {
      const exact = paths(fn);
      // toEqual on numbers is Object.is: bit for bit, −0 apart from 0.
      expect(paths(fn, { sigma: 0, seed: 7 }), fn.id).toEqual(exact);
      expect(paths(fn, EXACT), fn.id).toEqual(exact);
    }
  });

  it('σ > 0 draws the same paths for the same seed, other paths for another seed, and differs from the exact ones', () => {
    for (const fn of FUNCTIONS) {
      const exact = paths(fn);
      const noisy = paths(fn, { sigma: 0.5, seed: 1 });
      expect(paths(fn, { sigma: 0.5, seed: 1 }), fn.id).toEqual(noisy);
      for (const id of Object.keys(exact)) {
        expect(noisy[id], `${fn.id} ${id}`).not.toEqual(exact[id]);
        expect(paths(fn, { sigma: 0.5, seed: 2 }, [id])[id], `${fn.id} ${id}`).not.toEqual(noisy[id]);
      }
    }
  });

  it('each optimizer draws from its own stream: ticking others leaves its path alone', () => {
    const fn = FUNCTIONS[0]!;
    const noise = { sigma: 1, seed: 3 };
    const all = paths(fn, noise);
    for (const id of Object.keys(all)) expect(paths(fn, noise, [id])[id], id).toEqual(all[id]);
  });

  it('the loss curves are the true f at each point, not a noisy one', () => {
    const fn = FUNCTIONS[0]!;
    const runs = startRuns(fn, fn.start, optimizerSpecs(), { sigma: 2, seed: 1 });
    for (let i = 0; i < 50; i++) stepRuns(fn, runs);
    for (const run of runs) expect(run.losses, run.spec.id).toEqual(run.path.map(([x, y]) => fn.f(x, y)));
  });

  it('the noise keeps its size at the minimum, where the gradient is 0', () => {
    // The mini-batch analogy: the error does not shrink with the gradient, so near a minimum the signs turn random.
    for (const fn of FUNCTIONS) {
      const [mx, my] = fn.minima[0]!;
      const [sx, sy] = noiseScale(fn);
      const grad = observedGradient(fn, { sigma: 1, seed: 5 }, 'probe');
      const draws = Array.from({ length: 4000 }, () => grad(mx, my));
      const rms = (k: 0 | 1) => Math.sqrt(draws.reduce((a, g) => a + g[k] ** 2, 0) / draws.length);
      expect(rms(0) / sx, fn.id).toBeCloseTo(1, 1);
      expect(rms(1) / sy, fn.id).toBeCloseTo(1, 1);
    }
  });

  it('on 0.01x² + 100y² the scale is every batch moving the minimum by σ times a quarter of the map', () => {
    // The median |∂f/∂x| = 0.02·|x| over x in [−4, 4] is 0.02·2; |∂f/∂y| = 200·|y| over [−2.5, 2.5], 200·1.25.
    const fn = FUNCTIONS.find((f) => f.id === 'scaled')!;
    const [x0, x1, y0, y1] = fn.view;
    const [sx, sy] = noiseScale(fn);
    expect(sx).toBeCloseTo(fn.grad((x1 - x0) / 4, 0)[0], 12);
    expect(sy).toBeCloseTo(fn.grad(0, (y1 - y0) / 4)[1], 9);
  });

  it('draws standard normal numbers', () => {
    const normal = normalStream(42);
    const z = Array.from({ length: 20000 }, normal);
    const mean = z.reduce((a, b) => a + b) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.96);
    expect(variance).toBeLessThan(1.04);
    // About 68 % within one standard deviation, as a normal's are (a uniform's would be 58 %).
    expect(z.filter((v) => Math.abs(v) < 1).length / z.length).toBeCloseTo(0.683, 1);
  });

  it('draws each number independently of the one before: a gradient\'s x and y noise are uncorrelated', () => {
    // observedGradient draws x's noise and then y's: Box–Muller's pair must not be one number twice.
    const normal = normalStream(42);
    const pairs = Array.from({ length: 10000 }, () => [normal(), normal()] as const);
    const correlation = pairs.reduce((a, [x, y]) => a + x * y, 0) / Math.sqrt(pairs.reduce((a, [x]) => a + x * x, 0) * pairs.reduce((a, [, y]) => a + y * y, 0));
    expect(Math.abs(correlation)).toBeLessThan(0.05);
  });
});
