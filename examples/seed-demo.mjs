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
