import { Rprop } from 'rprop';
import { leastSquaresMse } from './least-squares.js';

/** The demo's Linear(3, 2) run: the loss before each step, and the least loss a Linear(3, 2) can reach on its data. */
export interface LinearMseRun {
  losses: number[];
  optimum: number;
}

/**
 * The PyTorch example — Rprop(lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50)) fitting
 * nn.Linear(3, 2) with MSELoss — on seeded random data, with the core optimizer.
 */
export function linearMse(steps = 200, seed = 7): LinearMseRun {
  let s = seed >>> 0;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const x = Float64Array.from({ length: 30 }, random);
  const y = Float64Array.from({ length: 20 }, random);
  const weight = { data: Float64Array.from({ length: 6 }, () => random() * 0.5), grad: new Float64Array(6) };
  const bias = { data: new Float64Array(2), grad: new Float64Array(2) };
  const optimizer = new Rprop([weight, bias], { lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50] });
  const mse = () => {
    optimizer.zeroGrad();
    let loss = 0;
    for (let r = 0; r < 10; r++) {
      for (let o = 0; o < 2; o++) {
        let yhat = bias.data[o]!;
        for (let i = 0; i < 3; i++) yhat += x[r * 3 + i]! * weight.data[o * 3 + i]!;
        const e = yhat - y[r * 2 + o]!;
        loss += (e * e) / 20;
        bias.grad[o] = bias.grad[o]! + e / 10;
        for (let i = 0; i < 3; i++) weight.grad[o * 3 + i] = weight.grad[o * 3 + i]! + (e / 10) * x[r * 3 + i]!;
      }
    }
    return loss;
  };
  return { losses: Array.from({ length: steps }, () => optimizer.step(mse)!), optimum: leastSquaresMse(x, y, 10, 3, 2) };
}
