// A type-level test: compiled by `npm run typecheck` (tsconfig.test.json), never run — vitest runs
// *.test.ts only. Each `@ts-expect-error` marks a slip that must not compile: the day a type lets it
// through, the directive is unused (TS2578) and the typecheck fails. Runtime checks stay for JavaScript.
import { expectTypeOf } from 'vitest';
import { minimize, type IterationInfo, type MinimizeResult, type Objective } from '../../src/index.js';

// minimize's callback, options and result.
expectTypeOf<Objective>().toEqualTypeOf<(x: Float64Array, grad: Float64Array) => number>();
const result = minimize((x, grad) => {
  grad[0] = 2 * x[0]!;
  return x[0]! ** 2;
}, [1]);
expectTypeOf(result).toEqualTypeOf<MinimizeResult>();
expectTypeOf(result).toMatchObjectType<{ x: Float64Array; fun: number; iterations: number; evaluations: number; converged: boolean; message: string }>();
// x0 may be any list of numbers; the result's x is always a new Float64Array.
minimize((x) => x[0]!, new Float32Array([1]));

// @ts-expect-error: the callback must return f(x) (a forgotten return is the usual slip)
minimize((x, grad) => { grad[0] = 2 * x[0]!; }, [1]);
// @ts-expect-error: x is a Float64Array, not a number[] (no push, no map to numbers[])
minimize((x: number[]) => x[0]!, [1]);
// @ts-expect-error: f(x) is a number, not a promise of one
minimize(async (x) => x[0]!, [1]);
// @ts-expect-error: x0 is a list of numbers
minimize((x) => x[0]!, ['1']);

// onIteration sees the iteration and may stop it with false; a promise could not stop it.
minimize((x) => x[0]!, [1], { onIteration: (info) => info.iteration < 10 });
minimize((x) => x[0]!, [1], { onIteration: (info: IterationInfo) => { void info.stepSize; } });
// @ts-expect-error: an async onIteration's false would arrive after the next step
minimize((x) => x[0]!, [1], { onIteration: async () => false });
// @ts-expect-error: minimize's options are Rprop's and its own; a typo is refused
minimize((x) => x[0]!, [1], { maxIter: 10 });
// @ts-expect-error: a variant is one of the four
minimize((x) => x[0]!, [1], { variant: 'lbfgs' });
