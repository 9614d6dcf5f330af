// A type-level test: compiled by `npm run typecheck` (tsconfig.test.json), never run — vitest runs
// *.test.ts only. Each `@ts-expect-error` marks a slip that must not compile: the day a type lets it
// through, the directive is unused (TS2578) and the typecheck fails. Runtime checks stay for JavaScript.
import { expectTypeOf } from 'vitest';
import { Rprop, type FloatArray, type Parameter, type ResidentParameter } from '../../src/index.js';

// What a parameter may be.
expectTypeOf<Parameter['data']>().toEqualTypeOf<FloatArray>();
expectTypeOf<FloatArray>().toEqualTypeOf<Float32Array | Float64Array>();
new Rprop([{ data: new Float64Array(2), grad: new Float64Array(2) }, { data: new Float32Array(1), grad: null, name: 'bias' }]);

// @ts-expect-error: integers are no weights: data is a Float32Array or Float64Array
new Rprop([{ data: new Int32Array(2), grad: new Int32Array(2) }]);
// @ts-expect-error: nor is a plain array (the optimizer writes the buffer in place)
new Rprop([{ data: [1, 2], grad: [0, 0] }]);
// @ts-expect-error: grad is a float buffer or null ("no gradient this step"), never left out
new Rprop([{ data: new Float32Array(2) }]);
// @ts-expect-error: an Int32Array gradient is refused as well
new Rprop([{ data: new Float32Array(2), grad: new Int32Array(2) }]);

// Rprop.allocate gives a Parameter whose buffers live in the kernels' memory, of the dtype asked for.
expectTypeOf(Rprop.allocate(4)).toEqualTypeOf<ResidentParameter>();
expectTypeOf(Rprop.allocate(4, 'float64')).toExtend<Parameter>();
// @ts-expect-error: float32 and float64 only
Rprop.allocate(4, 'float16');

// step takes a closure that returns the loss now, not a promise of it, and returns that loss.
const opt = new Rprop([Rprop.allocate(4)]);
expectTypeOf(opt.step(() => 1)).toEqualTypeOf<number | undefined>();
// @ts-expect-error: step runs at once: an async closure's loss would come too late
opt.step(async () => 1);
