import { describe, expect, it } from 'vitest';
import { fromTorchStateDict, Rprop, type Parameter } from '../../src/index.js';
import { loadTorchState } from '../fixtures/torch-state/load-torch-state.js';
import { makeParam, PATHS, restoreKernelsAfterEach, setGrad, usePath, type Path } from './step-paths.js';

/**
 * A torch.optim.Rprop run (PyTorch 1.13, float32, default options) saved after 7 steps with the
 * export fromTorchStateDict documents, then continued 8 steps: converted and loaded into an Rprop
 * holding torch's parameters at step 7, ours must continue it bit for bit, on every path.
 */

restoreKernelsAfterEach();
const fixture = loadTorchState();

/** An Rprop over parameters holding torch's values at step k (loaded with `sd` when given). */
function continued(path: Path, sd?: ReturnType<typeof fromTorchStateDict>): { opt: Rprop; params: Parameter[] } {
  usePath(path);
  const params = fixture.paramsAtK.map((values, i) => makeParam(path, 'float32', values, `p${i}`));
  const opt = new Rprop(params);
  if (sd !== undefined) opt.loadStateDict(sd);
  return { opt, params };
}

/** Steps `opt` on the recorded gradients; the first step and value that differ from torch's, or null. */
function firstDifference(opt: Rprop, params: Parameter[]): string | null {
  for (const [t, step] of fixture.steps.entries()) {
    params.forEach((p, i) => setGrad(p, 'float32', step.grads[i]!));
    opt.step();
    for (const [i, p] of params.entries()) {
      const want = step.params[i]!;
      for (let j = 0; j < want.length; j++) {
        if (!Object.is(p.data[j], want[j])) return `step ${t + 1}, p${i}[${j}]: ${p.data[j]} ≠ torch's ${want[j]}`;
      }
    }
  }
  return null;
}

describe.each(PATHS)('continuing a torch.optim.Rprop run on the %s path', (path) => {
  it('equals torch bit for bit at every step after the load', () => {
    const { opt, params } = continued(path, fromTorchStateDict(fixture.torchState));
    expect(firstDifference(opt, params)).toBeNull();
  });

  it('differs from torch without the loaded state (the state is what makes it agree)', () => {
    const { opt, params } = continued(path);
    expect(firstDifference(opt, params)).not.toBeNull();
  });
});

it('reads nested lists (tolist() of a 2-D tensor) as the flat export, row-major', () => {
  const nested = fixture.torchStateNested.state['0']!.prev;
  expect(Array.isArray((nested as unknown[])[0])).toBe(true); // the fixture does hold a nested list
  expect(fromTorchStateDict(fixture.torchStateNested)).toEqual(fromTorchStateDict(fixture.torchState));
});

it("carries a torch group's options, and a key of its own, into the loaded group", () => {
  const sd = fromTorchStateDict(fixture.customOptions);
  const w: Parameter = { data: new Float32Array([1.5, -2, 0.25]), grad: null };
  const opt = new Rprop([{ params: [w], name: 'other' }]);
  opt.loadStateDict(sd);
  const { params: _, ...options } = opt.paramGroups[0]!;
  expect(options).toEqual({ lr: 0.05, etas: [0.4, 1.3], stepSizes: [1e-5, 10], variant: 'irprop-', maximize: false, name: 'encoder' });
  expect(opt.stateDict().state['0']).toEqual(sd.state['0']);
});

it('gives a JSON-serialisable dict, and a refused load of one changes nothing', () => {
  const sd = fromTorchStateDict(fixture.torchState);
  expect(JSON.parse(JSON.stringify(sd))).toEqual(sd);
  const { opt } = continued('plain', sd);
  const before = JSON.stringify(opt.stateDict());
  // A converted dict whose parameter 0 holds 3 values of prev where the parameter has 12.
  const wrong = fromTorchStateDict(fixture.torchState);
  wrong.state['0']!.prev = (wrong.state['0']!.prev as number[]).slice(0, 3);
  expect(() => opt.loadStateDict(wrong)).toThrow(`Rprop.loadStateDict: parameter 0 ("p0")'s state 'prev' has 3 values, the parameter has 12`);
  expect(JSON.stringify(opt.stateDict())).toBe(before);
});
