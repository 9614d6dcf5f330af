import { describe, expect, it } from 'vitest';
import { Lion, Rprop, Signum, type Parameter } from 'rprop';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';

// The core reads options as Object.entries does — own, enumerable keys — and so does RpropOptimizer.
// SignumOptimizer and LionOptimizer read each option by name, which also found one inherited through
// the prototype or own but hidden (non-enumerable), so the same options trained with another lr here
// than in the core (and than RpropOptimizer), an option the unknown-option check never saw.
const inherited = () => Object.create({ lr: 0.5 }) as object;
const hidden = () => Object.defineProperty({}, 'lr', { value: 0.5, enumerable: false }) as object;

describe('options are read as the core reads them: own, enumerable keys only', () => {
  const param = (): Parameter => ({ data: new Float32Array(2), grad: null });
  it.each<[string, (o: never) => { options: object }, (o: never) => { paramGroups: ReadonlyArray<object> }]>([
    ['Rprop', (o) => new RpropOptimizer(o), (o) => new Rprop([param()], o)],
    ['Signum', (o) => new SignumOptimizer(o), (o) => new Signum([param()], o)],
    ['Lion', (o) => new LionOptimizer(o), (o) => new Lion([param()], o)],
  ])('%s', (_name, make, makeCore) => {
    for (const options of [inherited, hidden]) {
      const { params: _params, ...core } = makeCore(options() as never).paramGroups[0] as { params: unknown };
      expect(make(options() as never).options).toEqual(core);
    }
  });
});
