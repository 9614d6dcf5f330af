import { expect, it } from 'vitest';
import { fastRpropStep, rpropKernelStep } from '../../src/kernels.js';
import { irpropPlus, rpropConstantsFor, rpropPlus, rpropStep } from '../../src/rules.js';

const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false);

// The + variants keep dw (prevUpdate). The buffer checks let null pass as "no buffer" (as SGD's
// momentum buffer is null without momentum), and the + rules then wrote the first step size before
// failing on the null with "Cannot set properties of null": a refusal that had changed Δ[0], and a
// message naming neither the function nor the buffer. Both the kernels' sizes and the loops' are tried.
it.each([4, 100])('a + variant step without dw (undefined or null) is refused by name, before anything is written (%i weights)', (n) => {
  const calls: Array<[string, (b: Parameters<typeof rpropPlus>[0]) => unknown]> = [
    ['rpropPlus', (b) => rpropPlus(b, c)],
    ['irpropPlus', (b) => irpropPlus(b, c, true)],
    ['rpropPlus', (b) => rpropStep('rprop+', b, c, false)],
    ['fastRpropStep', (b) => fastRpropStep('irprop+', b, c, false)],
    ['rpropKernelStep', (b) => rpropKernelStep('rprop+', b, c, false)],
  ];
  for (const [owner, call] of calls) {
    for (const prevUpdate of [undefined, null]) {
      const b = { param: new Float64Array(n).fill(1), grad: new Float64Array(n).fill(1), prev: new Float64Array(n).fill(1), stepSize: new Float64Array(n).fill(0.1) };
      const given = { ...b, prevUpdate: prevUpdate as unknown as Float64Array };
      expect(() => call(given), owner).toThrow(
        new TypeError(`${owner}: the + variants need a prevUpdate buffer (dw, the last weight change) like param, got ${String(prevUpdate)}`),
      );
      expect([b.param, b.prev, b.stepSize], owner).toEqual([new Float64Array(n).fill(1), new Float64Array(n).fill(1), new Float64Array(n).fill(0.1)]);
    }
  }
});
