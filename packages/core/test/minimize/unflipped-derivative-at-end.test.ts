import { describe, expect, it } from 'vitest';
import { minimize, type MinimizeOptions, type Objective } from '../../src/index.js';

// A coordinate y whose derivative never changed sign counts as settled only with derivative 0. That
// was checked where the last step started, then the point the step reached was returned unchecked.
// Here ∂f/∂y is 0 at every point the run evaluated but the last, where it is −2: converged: true
// came back at (x_last, 0), which is no minimum — f is 1 lower at (x_last, 1).
//
// Rprop− because its iterates never repeat (iRprop− stays put after a flip and the + variants step
// back), so a window around the last one holds no earlier one. A coarse xTolAbs makes the last step
// long enough to matter; with the default xTol it is at most an ulp of x. (The Δmin stop has the same
// test at the point reached, but a window narrower than Δmin is one its steps cannot stay in.)
const OPTIONS: MinimizeOptions = { variant: 'rprop-', xTolAbs: 1e-3 };

/** Every x at which the run of (x − 1)² alone, from 0, evaluates f. */
function xsOfOneDimensionalRun(): number[] {
  const xs: number[] = [];
  minimize((x, g) => (xs.push(x[0]!), (g[0] = 2 * (x[0]! - 1)), (x[0]! - 1) ** 2), [0], OPTIONS);
  return xs;
}

/**
 * (x − 1)² + ridge(x)·(y² − 2y), ridge 1 at the last x of that run and 0 at every earlier one. At
 * y = 0, f and ∂f/∂x are those of (x − 1)² alone, so a run from (0, 0) visits the same x's; ∂f/∂y =
 * ridge(x)·(2y − 2) is 0 at every one of them but the last.
 */
function ridged(): { f: Objective; last: number } {
  const xs = xsOfOneDimensionalRun();
  const last = xs.at(-1)!;
  const halfGap = Math.min(...xs.slice(0, -1).map((v) => Math.abs(v - last))) / 2;
  expect(halfGap, 'the last x is new').toBeGreaterThan(0);
  const ridge = (x: number) => Math.max(0, halfGap - Math.abs(x - last)) / halfGap;
  const ridgeSlope = (x: number) => (Math.abs(x - last) < halfGap ? -Math.sign(x - last) / halfGap : 0);
  const f: Objective = (x, g) => {
    const [u, y] = [x[0]!, x[1]!];
    g[0] = 2 * (u - 1) + ridgeSlope(u) * (y * y - 2 * y);
    g[1] = ridge(u) * (2 * y - 2);
    return (u - 1) ** 2 + ridge(u) * (y * y - 2 * y);
  };
  return { f, last };
}

const negated = (f: Objective): Objective => (x, g) => {
  const value = f(x, g);
  for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
  return -value;
};

/** f with a third coordinate z ∈ [0, 1] whose derivative 1 holds it at 0: the bounded rule's path. */
const withHeldZ = (f: Objective): Objective => (x, g) => {
  g[2] = 1;
  return f(x, g) + x[2]!;
};

const SETUPS: readonly (readonly [string, (f: Objective) => Objective, MinimizeOptions, readonly number[], string])[] = [
  ['minimizing', (f) => f, {}, [0, 0], ''],
  ['maximizing −f', negated, { maximize: true }, [0, 0], ''],
  ['with bounds, a third coordinate held at one', withHeldZ, { bounds: [[-5, 5], [-5, 5], [0, 1]] }, [0, 0, 0], ', except at 1 coordinate held at a bound'],
];

describe('minimize stopped by "every step size is negligible" (xTolAbs 1e-3), Rprop−', () => {
  it.each(SETUPS)('%s: does not claim convergence at (x_last, 0), where ∂f/∂y = −2, but goes on to y\'s minimum', (_name, wrap, options, x0, note) => {
    const { f, last } = ridged();
    const objective = wrap(f);
    const r = minimize(objective, x0, { ...OPTIONS, ...options });
    expect(r.converged, r.message).toBe(true);
    expect(r.message).toBe(`every step size is negligible against x${note}`);
    expect(r.fun).toBe(objective(Float64Array.from(r.x), new Float64Array(r.x.length)));
    // It went on from (x_last, 0) to y's minimum 1, to the 1e-3 asked for, and f about 1 lower.
    expect(Math.abs(r.x[1]! - 1)).toBeLessThanOrEqual(1e-3);
    const fAtLast = f(Float64Array.of(last, 0), new Float64Array(2));
    expect(f(Float64Array.from(r.x.subarray(0, 2)), new Float64Array(2))).toBeLessThan(fAtLast - 0.99);
  });
});
