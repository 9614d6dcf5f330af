// The core alone, as a consumer with the strictest common options compiles it: exactOptionalPropertyTypes,
// lib ES2022 without DOM, no skipLibCheck — so every .d.ts the package ships must check too.
import { Rprop, minimize, kernelsActive, type Parameter, type RpropOptions, type MinimizeResult } from 'rprop';
import { kernelThreads, useKernelThreads } from 'rprop/threads';
import { irpropMinus, rpropConstantsFor, type RpropBuffers } from 'rprop/rules';
import { firstNonFinite, fastRpropStep } from 'rprop/kernels';

const w: Parameter = { data: new Float32Array([3, -2]), grad: new Float32Array(2) };
const options: Partial<RpropOptions> = { lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50], variant: 'irprop-' };
new Rprop([w], options).step(() => 0);
const r: MinimizeResult = minimize((x, g) => { g[0] = 2 * (x[0]! - 1); return (x[0]! - 1) ** 2; }, [5]);
export const out: [boolean, number] = [kernelsActive(), r.x[0]!];
export const threads: Promise<number> = useKernelThreads(2).then(() => kernelThreads());
const b: RpropBuffers = { param: w.data, grad: w.grad!, prev: new Float32Array(2), stepSize: new Float32Array(2).fill(0.01) };
irpropMinus(b, rpropConstantsFor(w.data, [0.5, 1.2], [1e-6, 50], false));
fastRpropStep('irprop-', b, rpropConstantsFor(w.data, [0.5, 1.2], [1e-6, 50], false), false);
export const bad: number = firstNonFinite(w.grad!);
export const resident: Rprop = new Rprop([Rprop.allocate(4), { data: new Float32Array(1), grad: null, name: undefined }]);
