import { expect, it } from 'vitest';
import { fastRpropStep, lionKernel, rpropKernelStep, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { adam, irpropMinus, irpropPlus, lion, rpropConstantsFor, rpropMinus, rpropPlus, rpropStep, sgd, signSgd, signum } from '../../src/rules.js';

// The rules and kernels trusted the constants callers build: constants that were no object threw
// "Cannot read properties of null (reading 'maximize')", and a field missing or not a number (an
// undefined etaMinus, an lr of NaN) wrote NaN into every step size or weight without a word; the
// Rprop rules called directly also read maximize by truthiness ('false' maximized). Each now refuses
// them by name, before anything is written.

const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false);
const lionConstants = { lr: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.99, oneMinusBeta2: 0.01, weightDecay: 0, maximize: false };
const adamConstants = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 1, maximize: false };
const RPROP = 'the constants must be { etaMinus, etaPlus, stepMin, stepMax, maximize } (rpropConstantsFor makes them), got null';
const n = 100;
const ones = () => new Float64Array(n).fill(1);

it('every rule and kernel refuses constants that are wrong, naming them, and writes nothing', () => {
  const param = ones();
  const buffers = [ones(), ones(), ones(), ones()] as const;
  const b = () => ({ param, grad: buffers[0], prev: buffers[1], stepSize: buffers[2], prevUpdate: buffers[3] });
  const calls: Array<[() => unknown, string]> = [
    [() => irpropMinus(b(), null as never), `irpropMinus: ${RPROP}`],
    [() => rpropMinus(b(), { ...c, etaMinus: undefined } as never), 'rpropMinus: constants.etaMinus must be a finite number, got undefined'],
    [() => rpropPlus(b(), { ...c, stepMax: NaN }), 'rpropPlus: constants.stepMax must be a finite number, got NaN'],
    [() => irpropPlus(b(), { ...c, maximize: 'false' } as never, true), 'irpropPlus: maximize must be true or false, got "false"'],
    [() => irpropMinus(b(), { ...c, maximize: 'false' } as never), 'irpropMinus: maximize must be true or false, got "false"'],
    [() => rpropStep('rprop-', b(), undefined as never, false), `rpropStep: ${RPROP.replace(/null$/, 'undefined')}`],
    [() => fastRpropStep('irprop-', b(), null as never, false), `fastRpropStep: ${RPROP}`],
    [() => rpropKernelStep('irprop-', b(), { ...c, etaPlus: '1.2' } as never, false), 'rpropKernelStep: constants.etaPlus must be a finite number, got "1.2"'],
    [() => signSgd(param, buffers[0], undefined as never, false), 'signSgd: lr must be a finite number, got undefined'],
    [() => signSgdKernel(param, buffers[0], NaN, false), 'signSgdKernel: lr must be a finite number, got NaN'],
    [() => signum(param, buffers[0], buffers[1], 0.01, Infinity, 0.1, false), 'signum: beta must be a finite number, got Infinity'],
    [() => signumKernel(param, buffers[0], buffers[1], 0.01, 0.9, undefined as never, false), 'signumKernel: oneMinusBeta must be a finite number, got undefined'],
    [() => lion(param, buffers[0], buffers[1], null as never), 'lion: the constants must be { lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, weightDecay, maximize }, got null'],
    [() => lionKernel(param, buffers[0], buffers[1], { ...lionConstants, weightDecay: undefined } as never), 'lionKernel: constants.weightDecay must be a finite number, got undefined'],
    [() => sgd(param, buffers[0], buffers[1], undefined as never, 0.9, false, false), 'sgd: lr must be a finite number, got undefined'],
    [() => adam(param, buffers[0], buffers[1], buffers[2], { ...adamConstants, eps: undefined } as never), 'adam: constants.eps must be a finite number, got undefined'],
  ];
  for (const [call, message] of calls) expect(call, message).toThrow(message);
  expect([param, ...buffers]).toEqual([ones(), ones(), ones(), ones(), ones()]);
});

it.each<[string, () => unknown, string]>([
  ['an array that is no float array', () => rpropConstantsFor(null as never, [0.5, 1.2], [0, 1], false), 'array must be a Float32Array or Float64Array, got null'],
  ['etas that are none', () => rpropConstantsFor(new Float32Array(1), null as never, [0, 1], false), 'etas must be a pair [a, b] of numbers, got null'],
  ['etas as a string', () => rpropConstantsFor(new Float32Array(1), '12' as never, [0, 1], false), 'etas must be a pair [a, b] of numbers, got "12"'],
  ['a step size that is no number', () => rpropConstantsFor(new Float64Array(1), [0.5, 1.2], [0, '50'] as never, false), 'stepSizes[1] must be a number, got "50"'],
])('rpropConstantsFor refuses %s', (_what, call, message) => {
  expect(call).toThrow(`rpropConstantsFor: ${message}`);
});
