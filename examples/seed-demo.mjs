// The seed's story in one page of output: sign-based steps ignore the gradient's scale.
// Run with `npm start` (after `npm ci`); the `rprop demo` command grows this.
import { Rprop, SGD, minimize } from 'rprop';

const scales = [0.01, 100];
console.log('f(x) = c·x², from x = 3: steps until |x| < 1e-6');
for (const c of scales) {
  const row = [];
  for (const [label, make] of [
    ['SGD lr=0.1', (p) => new SGD([p], { lr: 0.1 })],
    ['Rprop (iRprop−)', (p) => new Rprop([p])],
  ]) {
    const p = { data: new Float64Array([3]), grad: new Float64Array(1) };
    const opt = make(p);
    let t = 0;
    for (; t < 5000 && Math.abs(p.data[0]) >= 1e-6 && Math.abs(p.data[0]) < 1e6; t++) {
      opt.step(() => {
        p.grad[0] = 2 * c * p.data[0];
        return c * p.data[0] ** 2;
      });
    }
    row.push(`${label}: ${!Number.isFinite(p.data[0]) || Math.abs(p.data[0]) > 1e6 ? 'diverged' : Math.abs(p.data[0]) < 1e-6 ? `${t} steps` : 'stalled'}`);
  }
  console.log(`  c = ${c}:`.padEnd(12), row.join('   '));
}

const r = minimize((x, g) => {
  g[0] = 0.02 * x[0];
  g[1] = 200 * x[1];
  return 0.01 * x[0] ** 2 + 100 * x[1] ** 2;
}, [3, -2]);
console.log(`\nminimize 0.01x² + 100y² from (3, −2): x = (${r.x[0].toExponential(2)}, ${r.x[1].toExponential(2)}) in ${r.iterations} iterations — ${r.message}`);

// The PyTorch example: nn.Linear(3, 2) + MSELoss with Rprop(lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50)).
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
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
      let yhat = bias.data[o];
      for (let i = 0; i < 3; i++) yhat += x[r * 3 + i] * weight.data[o * 3 + i];
      const e = yhat - y[r * 2 + o];
      loss += (e * e) / 20;
      bias.grad[o] += e / 10;
      for (let i = 0; i < 3; i++) weight.grad[o * 3 + i] += (e / 10) * x[r * 3 + i];
    }
  }
  return loss;
};
console.log('\nLinear(3, 2) + MSE, Rprop(lr=0.01, etas=[0.5, 1.2], stepSizes=[1e-6, 50]):');
for (let step = 0; step <= 200; step++) {
  const loss = optimizer.step(mse);
  if ([0, 10, 25, 50, 100, 200].includes(step)) console.log(`  step ${String(step).padStart(3)}  loss ${loss.toFixed(6)}`);
}
