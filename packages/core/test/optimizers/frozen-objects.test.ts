import { expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';

// Methods that write into the caller's objects threw JavaScript's own "Cannot assign to read only
// property" for one the caller had frozen — zeroGrad(true) and loadStateDict half-way, after writing
// the objects before it. Each write is checked first now: refused by name, nothing written.

const mk = (): Parameter => ({ data: Float64Array.of(3, 1), grad: Float64Array.of(2, -3) });

it('zeroGrad(true) refuses a frozen parameter before setting any grad to null', () => {
  const a = mk();
  const b = Object.freeze(mk());
  const opt = new Rprop([a, b]);
  expect(() => opt.zeroGrad(true)).toThrow(
    new TypeError('Rprop.zeroGrad: parameter 1 cannot have its grad set to null (the object is frozen or its grad read-only); nothing was changed'),
  );
  expect(a.grad).toEqual(Float64Array.of(2, -3));
  // Zeroing in place writes no property of the parameter: a frozen one is fine there.
  opt.zeroGrad();
  expect([a.grad, b.grad]).toEqual([new Float64Array(2), new Float64Array(2)]);
});

it('zeroGrad(true) still sets a resident parameter\'s grad through its setter', () => {
  const r = Rprop.allocate(2, 'float64');
  new Rprop([r]).zeroGrad(true);
  expect(r.grad).toBeNull();
});

it('loadStateDict refuses a frozen group before loading anything into the groups before it', () => {
  const [a, b] = [mk(), mk()];
  const opt = new Rprop([{ params: [a] }, { params: [b] }]);
  opt.step();
  const sd = JSON.parse(JSON.stringify(opt.stateDict()));
  sd.paramGroups[0].lr = 0.5;
  sd.state['0'].stepSize = [0.25, 0.25];
  Object.freeze(opt.paramGroups[1]);
  const before = JSON.stringify(opt.stateDict());
  expect(() => opt.loadStateDict(sd)).toThrow(
    new TypeError("Rprop.loadStateDict: group 1 cannot take the loaded 'lr' (the group is frozen or sealed, or 'lr' is read-only); nothing was changed"),
  );
  expect(JSON.stringify(opt.stateDict())).toBe(before);
  expect(opt.paramGroups[0]!.lr).toBe(0.01);
});

it('addParamGroup refuses a frozen paramGroups by name', () => {
  const opt = new Rprop([mk()]);
  Object.freeze(opt.paramGroups);
  expect(() => opt.addParamGroup({ params: [mk()] })).toThrow(
    new TypeError('Rprop.addParamGroup: paramGroups cannot take another group (the array is frozen or sealed); nothing was changed'),
  );
  expect(opt.paramGroups).toHaveLength(1);
});
