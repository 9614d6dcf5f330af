// A type-level test: compiled by `npm run typecheck` (tsconfig.test.json), never run — vitest runs
// *.test.ts only. Each `@ts-expect-error` marks a slip that must not compile: the day a type lets it
// through, the directive is unused (TS2578) and the typecheck fails. Runtime checks stay for JavaScript.
import { expectTypeOf } from 'vitest';
import { Adam, fromTorchStateDict, Lion, Rprop, Signum, toTorchStateDict, type Parameter, type RpropOptions, type StateDict } from '../../src/index.js';

// Saving and restoring state.
const p: Parameter = { data: new Float32Array(2), grad: new Float32Array(2) };
const rprop = new Rprop([p]);

// What stateDict() gives, loadStateDict takes: as is, annotated with the exported type, or from torch.
const saved = rprop.stateDict();
expectTypeOf(saved).toExtend<Parameters<Rprop['loadStateDict']>[0]>();
expectTypeOf(saved).toExtend<StateDict<RpropOptions>>();
expectTypeOf(saved.paramGroups[0]!.variant).toEqualTypeOf<RpropOptions['variant']>();
const annotated: StateDict<RpropOptions> = saved;
rprop.loadStateDict(annotated);
rprop.loadStateDict(fromTorchStateDict({ state: {}, param_groups: [] }));
// What stateDict() gives, toTorchStateDict takes, and gives what fromTorchStateDict takes; not another optimizer's.
rprop.loadStateDict(fromTorchStateDict(toTorchStateDict(saved, { step: 3 })));
// @ts-expect-error: Adam's dict has no etas, stepSizes or variant
toTorchStateDict(new Adam([p]).stateDict());
// Through JSON the type is gone (any): the load checks the dict when it runs.
rprop.loadStateDict(JSON.parse(JSON.stringify(saved)));

// Another optimizer's dict does not fit where its options differ (the load would refuse it too).
// @ts-expect-error: Rprop's dict has no betas or eps
new Adam([p]).loadStateDict(saved);
// @ts-expect-error: Lion's dict has no etas, stepSizes or variant
rprop.loadStateDict(new Lion([p]).stateDict());
// @ts-expect-error: nor is it a bare state without its groups
rprop.loadStateDict({ state: {} });
// @ts-expect-error: group options keep their types in a dict
rprop.loadStateDict({ state: {}, paramGroups: [{ ...saved.paramGroups[0]!, variant: 'irprop' }] });
new Signum([p]).loadStateDict(new Signum([p]).stateDict());
