import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromTorchStateDict, RPROP_DEFAULTS, Rprop, toTorchStateDict, type Parameter, type StateDict, type RpropOptions } from '../../src/index.js';
import { loadExport, loadTorchContinuation, type ExportedCase } from '../fixtures/torch-continue/load-torch-continue.js';
import { makeParam, PATHS, restoreKernelsAfterEach, setGrad, usePath, type Path } from './step-paths.js';

/**
 * Runs exported by toTorchStateDict after K steps (export_rprop_state.mjs) and continued M steps by
 * torch.optim.Rprop, PyTorch 1.13, loaded with docs/api.md's Python lines (record_torch_continue.py):
 * the export must be what the code gives, and ours, continued, must end where torch did, bit for bit.
 */

restoreKernelsAfterEach();
const exported = loadExport();
const torch = loadTorchContinuation();
const { k: K, m: M } = exported;

/** Parameters holding `values` (per parameter), in an Rprop made with `groups`. */
function rpropOver(path: Path, c: ExportedCase, values: number[][], groups: ExportedCase['groups']): { opt: Rprop; params: Parameter[] } {
  usePath(path);
  const params = values.map((v, i) => makeParam(path, c.dtype, v, `p${i}`));
  const opt = new Rprop(groups.map(({ params: ids, ...rest }) => ({ ...rest, params: ids.map((i) => params[i]!) })));
  return { opt, params };
}

/** The case's groups with only their own keys (a `name`): options then come from a loaded dict. */
const bareGroups = (c: ExportedCase) =>
  c.groups.map((g) => Object.fromEntries(Object.entries(g).filter(([key]) => !(key in RPROP_DEFAULTS)))) as ExportedCase['groups'];

/** Steps `opt` on the gradients of steps `from`.. of the case. */
function stepOn(c: ExportedCase, opt: Rprop, params: Parameter[], from: number, count: number, each?: (t: number) => void): void {
  for (let t = from; t < from + count; t++) {
    params.forEach((p, i) => setGrad(p, c.dtype, c.grads[t]![i]!));
    opt.step();
    each?.(t - from);
  }
}

/** The first place where `a` and `b` differ (numbers by Object.is, so −0 ≠ +0), or null. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ torch's ${String(b)}`;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b ? null : `${path}: ${String(a)} ≠ torch's ${String(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d !== null) return d;
  }
  return null;
}

/** Steps `opt` M steps from K; the first difference from torch's parameters or final state_dict, or null. */
function differenceFromTorch(c: ExportedCase, opt: Rprop, params: Parameter[]): string | null {
  const recorded = torch.cases.find((t) => t.name === c.name)!;
  let found: string | null = null;
  stepOn(c, opt, params, K, M, (t) => {
    found ??= firstDifference(params.map((p) => Array.from(p.data)), recorded.steps[t]!.params, `step ${K + t + 1} params`);
  });
  return found ?? firstDifference(toTorchStateDict(opt.stateDict(), { step: K + M }), recorded.finalState, 'final state_dict');
}

it('has the fixtures it reads: two cases, a 2-D parameter, torch run for each', () => {
  expect(exported.cases.map((c) => c.dtype)).toEqual(['float32', 'float64']);
  expect(exported.cases.every((c) => c.shapes.some((s) => s.length === 2))).toBe(true);
  expect(torch.cases.map((c) => c.name)).toEqual(exported.cases.map((c) => c.name));
  expect(torch.source).toMatch(/PyTorch 1\.13/);
});

describe.each(exported.cases.flatMap((c) => PATHS.map((path) => [c.name, path, c] as const)))('%s on the %s path', (_, path, c) => {
  it(`gives, after ${K} steps, the committed export (what torch continued)`, () => {
    const { opt, params } = rpropOver(path, c, c.init, c.groups);
    stepOn(c, opt, params, 0, K);
    expect(firstDifference(params.map((p) => Array.from(p.data)), c.paramsAtK)).toBeNull();
    expect(JSON.parse(JSON.stringify(toTorchStateDict(opt.stateDict(), { step: K })))).toEqual(c.export);
  });

  it(`continues ${M} steps as torch did, parameters and state bit for bit`, () => {
    const { opt, params } = rpropOver(path, c, c.init, c.groups);
    stepOn(c, opt, params, 0, K);
    expect(differenceFromTorch(c, opt, params)).toBeNull();
  });

  it('loads the export back through fromTorchStateDict and continues as torch did', () => {
    const { opt, params } = rpropOver(path, c, c.paramsAtK, bareGroups(c));
    opt.loadStateDict(fromTorchStateDict(c.export));
    expect(differenceFromTorch(c, opt, params)).toBeNull();
  });

  it('differs from torch without the exported state (the state is what makes it agree)', () => {
    const { opt, params } = rpropOver(path, c, c.paramsAtK, c.groups);
    expect(differenceFromTorch(c, opt, params)).not.toBeNull();
  });
});

it('round-trips: fromTorchStateDict(toTorchStateDict(sd)) is sd', () => {
  for (const c of exported.cases) {
    const { opt, params } = rpropOver('plain', c, c.init, c.groups);
    stepOn(c, opt, params, 0, K);
    const sd = JSON.parse(JSON.stringify(opt.stateDict())) as StateDict<RpropOptions>;
    expect(fromTorchStateDict(JSON.parse(JSON.stringify(toTorchStateDict(sd))))).toEqual(sd);
  }
});

it("sets torch's step counter to options.step, 0 by default, and changes nothing it is given", () => {
  const c = exported.cases[0]!;
  const { opt, params } = rpropOver('plain', c, c.init, c.groups);
  stepOn(c, opt, params, 0, 1);
  const sd = opt.stateDict();
  const before = JSON.stringify(sd);
  expect(Object.values(toTorchStateDict(sd).state).map((s) => s.step)).toEqual([0, 0]);
  expect(Object.values(toTorchStateDict(sd, { step: 3 }).state).map((s) => s.step)).toEqual([3, 3]);
  expect(JSON.stringify(sd)).toBe(before);
});

it("drops a state's prevUpdate and the prevLoss a + variant left, which iRprop− does not read", () => {
  const w: Parameter = { data: Float64Array.of(1, 2), grad: Float64Array.of(0.5, -1) };
  const opt = new Rprop([w], { variant: 'irprop+' });
  opt.step(() => 1);
  opt.paramGroups[0]!.variant = 'irprop-';
  const sd = opt.stateDict();
  expect(sd.prevLoss).toBe(1);
  expect(sd.state['0']).toHaveProperty('prevUpdate');
  expect(toTorchStateDict(sd)).toEqual({
    state: { '0': { step: 0, prev: [0.5, -1], step_size: [0.01, 0.01] } },
    param_groups: [{ lr: 0.01, etas: [0.5, 1.2], step_sizes: [1e-6, 50], foreach: null, maximize: false, params: [0] }],
  });
});

it("loaded torch with docs/api.md's Python lines, the same as the TSDoc's", () => {
  const section = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8').split('## Continuing in PyTorch\n')[1]!.split('\n## ')[0]!;
  const docs = /```python\n([\s\S]*?)```/.exec(section)![1]!;
  expect(torch.loader).toBe(docs);
  const source = readFileSync(new URL('../../src/optimizers/to-torch-state-dict.ts', import.meta.url), 'utf8');
  const tsdoc = /\* ```python\n([\s\S]*?) \* ```/.exec(source)![1]!.replace(/^ \* ?/gm, '');
  expect(tsdoc).toBe(docs);
});
