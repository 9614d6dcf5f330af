// A few lines a TypeScript user writes against the installed packages' declarations. The test
// compiles it as an ES module (nodenext, bundler) and, renamed to .cts, as CommonJS (nodenext).
import { minimize, Rprop, type MinimizeResult, type Parameter, type RpropOptions, type StateDict } from 'rprop';
import { irpropMinus, rpropConstantsFor } from 'rprop/rules';
import { firstNonFinite } from 'rprop/kernels';
import { kernelThreads } from 'rprop/threads';
import { rprop, RpropOptimizer, type RpropConfig } from 'rprop-tfjs';

const w: Parameter = { data: new Float32Array([3, -2]), grad: new Float32Array(2) };
const opt = new Rprop([w], { lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50], variant: 'irprop+' });
const loss: number | undefined = opt.step(() => 0);
const saved: StateDict<RpropOptions> = JSON.parse(JSON.stringify(opt.stateDict()));
new Rprop([w]).loadStateDict(saved);

const result: MinimizeResult = minimize((x, grad) => {
  grad[0] = 2 * (x[0]! - 1);
  return (x[0]! - 1) ** 2;
}, [5], { variant: 'irprop-', onIteration: (info) => info.iteration < 100 });

const param = new Float64Array([1]);
irpropMinus({ param, grad: new Float64Array([1]), prev: new Float64Array(1), stepSize: new Float64Array([0.1]) }, rpropConstantsFor(param, [0.5, 1.2], [1e-6, 50], false));

const optimizer: RpropOptimizer = rprop({ lr: 0.01, variant: 'rprop-' });
const config: RpropConfig = optimizer.getConfig();
const restored = RpropOptimizer.fromConfig(RpropOptimizer, config);

export const used = [loss, result.x, result.converged, firstNonFinite(w.data), kernelThreads(), restored] as const;
