import { expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter } from '../../src/index.js';

// Gradients are staged in one region of the kernels' memory, its views cached until the region's
// offset or the memory's buffer changed. A larger region can start where the old one did, in the same
// buffer: the old one released, merged with memory freed right after it (a replaced optimizer state)
// and taken again. The cached views kept the old length, so staging past it threw 'offset is out of
// bounds' — at that step and at every later one, until the memory next grew.
it('a step stages gradients larger than any before into a regrown region that starts where the old one did', () => {
  const ones = (n: number) => new Float32Array(n).fill(1);
  const small: Parameter = { data: new Float32Array(200_000), grad: ones(200_000) };
  const first = new Rprop([small]);
  first.step(); // region (1 MiB) and, after it, the state
  first.loadStateDict(first.stateDict()); // a new state at the end; the old one freed, right after the region
  first.step(); // the region's views cached, of the memory as it is now
  const large: Parameter = { data: new Float32Array(500_000), grad: ones(500_000) };
  const reference: Parameter = { data: new Float32Array(500_000), grad: ones(500_000) };
  const second = new Rprop([large]);
  useKernels(false);
  const plain = new Rprop([reference]);
  useKernels(true);
  for (let t = 0; t < 2; t++) {
    second.step();
    useKernels(false);
    plain.step();
    useKernels(true);
    // (toStrictEqual walks half a million elements for seconds: the first difference says as much)
    const differs = large.data.findIndex((v, i) => !Object.is(v, reference.data[i]));
    expect(differs).toBe(-1);
  }
});
