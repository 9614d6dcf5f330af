import { readFileSync } from 'node:fs';
import { fromHex } from '../fixtures/hex-float.js';

/**
 * The recordings of fixtures/others-torch/ (written by record_others_torch.py there, PyTorch 1.13):
 * evidence for the README's "Where other implementations differ" bullets on PyTorch, Lion and Signum.
 * Floats are stored as Python's float.hex (JSON has no −0); each reader returns them as numbers.
 */

export type Dtype = 'float32' | 'float64';

/** One torch.optim.Rprop run: options, the initial weights, then per step the gradient and torch's results. */
export interface TorchRpropRun {
  name: string;
  dtype: Dtype;
  options: { lr: number; etas: [number, number]; stepSizes: [number, number]; maximize: boolean };
  init: number[];
  steps: Array<{ grad: number[]; param: number[]; prev: number[]; stepSize: number[] }>;
}

/** One run of an optimizer written two ways (Lion, Signum) on the same gradients; each form's steps. */
export interface TwoFormsRun<O, S> {
  name: string;
  dtype: Dtype;
  options: O;
  init: number[];
  grads: number[][];
  forms: Record<string, S[]>;
}

const hexes = (a: string[]): number[] => a.map(fromHex);

function read(file: string): { source: string; cases: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(new URL(`../fixtures/others-torch/${file}`, import.meta.url), 'utf8'));
}

/** The torch.optim.Rprop runs of `rprop-underflow.json` or `rprop-negative-zero.json`. */
export function loadRpropRuns(file: 'rprop-underflow.json' | 'rprop-negative-zero.json'): TorchRpropRun[] {
  return read(file).cases.map((c) => {
    const o = c.options as { lr: string; etas: string[]; stepSizes: string[]; maximize: boolean };
    const steps = c.steps as Array<Record<'grad' | 'param' | 'prev' | 'stepSize', string[]>>;
    return {
      name: c.name as string,
      dtype: c.dtype as Dtype,
      options: { lr: fromHex(o.lr), etas: [fromHex(o.etas[0]!), fromHex(o.etas[1]!)], stepSizes: [fromHex(o.stepSizes[0]!), fromHex(o.stepSizes[1]!)], maximize: o.maximize },
      init: hexes(c.init as string[]),
      steps: steps.map((s) => ({ grad: hexes(s.grad), param: hexes(s.param), prev: hexes(s.prev), stepSize: hexes(s.stepSize) })),
    };
  });
}

/** The runs of `lion-decay-order.json` (forms 'port', 'paper') or `signum-start.json` ('paper', 'port', 'portSum'). */
export function loadTwoFormsRuns<O>(file: 'lion-decay-order.json' | 'signum-start.json', forms: readonly string[]): Array<TwoFormsRun<O, { param: number[]; momentum?: number[] }>> {
  return read(file).cases.map((c) => ({
    name: c.name as string,
    dtype: c.dtype as Dtype,
    options: c.options as O,
    init: hexes(c.init as string[]),
    grads: (c.grads as string[][]).map(hexes),
    forms: Object.fromEntries(
      forms.map((f) => {
        const steps = c[f] as Array<{ param: string[]; momentum?: string[] }> | undefined;
        if (steps === undefined) throw new Error(`${c.name as string}: no '${f}' steps in ${file}`);
        return [f, steps.map((s) => ({ param: hexes(s.param), ...(s.momentum ? { momentum: hexes(s.momentum) } : {}) }))];
      }),
    ),
  }));
}
