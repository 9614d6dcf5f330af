import { Adam, Rprop, SGD, VARIANTS, type Optimizer, type Parameter } from 'rprop';

/** An optimizer of the demo, made fresh for each run. */
export interface Contender {
  name: string;
  make(params: Parameter[]): Optimizer<object>;
}

/**
 * The demo's line-up: gradient descent with one learning rate for every problem, Adam, and the four
 * Rprop variants with PyTorch's defaults (lr = 0.01, etas = [0.5, 1.2], stepSizes = [1e-6, 50]).
 */
export function contenders(sgdLr: number): Contender[] {
  return [
    { name: `SGD (lr ${sgdLr})`, make: (p) => new SGD(p, { lr: sgdLr }) },
    { name: 'Adam (lr 0.1)', make: (p) => new Adam(p, { lr: 0.1 }) },
    ...VARIANTS.map((variant) => ({ name: `Rprop ${variant}`, make: (p: Parameter[]) => new Rprop(p, { variant }) })),
  ];
}
