import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, Signum, SignSGD, type Optimizer, type Parameter } from '../../src/index.js';
import { OPTION_NAMES } from '../../src/optimizers/saved-group-keys.js';

const params = (): Parameter[] => [
  { data: Float64Array.of(1, -2, 3), grad: Float64Array.of(0.5, -1, 2) },
  { data: Float64Array.of(4), grad: Float64Array.of(-3) },
];

const MAKE: Record<string, (ps: Parameter[]) => Optimizer<object>> = {
  Rprop: (ps) => new Rprop(ps) as unknown as Optimizer<object>,
  SignSGD: (ps) => new SignSGD(ps),
  Signum: (ps) => new Signum(ps),
  Lion: (ps) => new Lion(ps),
  SGD: (ps) => new SGD(ps, { momentum: 0.9 }),
  Adam: (ps) => new Adam(ps),
};

/** An optimizer of kind `name` that has stepped once, so it has state. */
function stepped(name: string): { ps: Parameter[]; opt: Optimizer<object> } {
  const ps = params();
  const opt = MAKE[name]!(ps);
  opt.step();
  return { ps, opt };
}

describe('loadStateDict of a dict saved by another optimizer', () => {
  it('knows every optimizer\'s options (the names it tells a foreign dict by)', () => {
    expect(Object.keys(MAKE)).toStrictEqual(Object.keys(OPTION_NAMES));
    // The names are each class's own: the options its groups are made with.
    for (const [name, make] of Object.entries(MAKE)) {
      const { params: _params, ...options } = make([{ data: new Float32Array(1), grad: null }]).paramGroups[0]!;
      expect(Object.keys(options), name).toStrictEqual(OPTION_NAMES[name]);
    }
  });

  // Measured before: SignSGD loaded Rprop's dict and took on its etas, stepSizes and variant (lr and
  // maximize, all it checks, passed), and Signum → Lion failed on a value ("betas … got undefined").
  it.each([
    ['Rprop', 'SignSGD', 'SignSGD.loadStateDict: group 0 of the state has options etas, stepSizes, variant that SignSGD does not have — was it saved by Rprop?'],
    ['Signum', 'Lion', 'Lion.loadStateDict: group 0 of the state has option beta that Lion does not have and lacks options betas, weightDecay — was it saved by Signum?'],
    ['SignSGD', 'Signum', 'Signum.loadStateDict: group 0 of the state lacks option beta — was it saved by SignSGD?'],
    ['Adam', 'SGD', 'SGD.loadStateDict: group 0 of the state has options betas, eps that SGD does not have and lacks option momentum — was it saved by Adam?'],
  ])('%s → %s is refused, naming the keys and the optimizer they belong to', (saver, loader, message) => {
    const sd = JSON.parse(JSON.stringify(stepped(saver).opt.stateDict()));
    expect(() => stepped(loader).opt.loadStateDict(sd)).toThrow(message);
  });

  const PAIRS = Object.keys(MAKE).flatMap((saver) => Object.keys(MAKE).filter((l) => l !== saver).map((loader) => [saver, loader] as const));

  it.each(PAIRS)('%s → %s is refused, and changes nothing', (saver, loader) => {
    const sd = JSON.parse(JSON.stringify(stepped(saver).opt.stateDict()));
    const { ps, opt } = stepped(loader);
    const before = JSON.stringify(opt.stateDict());
    expect(() => opt.loadStateDict(sd)).toThrow(new RegExp(`^${loader}\\.loadStateDict: group 0 of the state .* — was it saved by ${saver}\\?$`));
    expect(JSON.stringify(opt.stateDict())).toBe(before);
    // And the optimizer still steps as one of its kind: a fresh one, stepped twice alike, agrees.
    const twin = stepped(loader);
    for (const q of [ps, twin.ps]) q.forEach((p, k) => (p.grad = Float64Array.from(p.data, (_, i) => Math.sin(i + k + 1))));
    opt.step();
    twin.opt.step();
    expect(ps.map((p) => Array.from(p.data))).toStrictEqual(twin.ps.map((p) => Array.from(p.data)));
  });

  it.each(Object.keys(MAKE))('%s still loads its own dict', (name) => {
    const sd = JSON.parse(JSON.stringify(stepped(name).opt.stateDict()));
    const { opt } = stepped(name);
    opt.loadStateDict(sd);
    expect(opt.stateDict()).toStrictEqual(sd);
  });
});

describe("a group's keys of its own (kept, as PyTorch's groups keep theirs)", () => {
  const tagged = () => new Rprop([{ params: [params()[0]!], tag: 'encoder' } as never, { params: [params()[1]!] }]);

  it('round-trip into an optimizer whose group has them too', () => {
    const sd = JSON.parse(JSON.stringify(tagged().stateDict()));
    const opt = tagged();
    (opt.paramGroups[0] as unknown as { tag: string }).tag = 'other';
    opt.loadStateDict(sd);
    expect((opt.paramGroups[0] as unknown as { tag: string }).tag).toBe('encoder');
  });

  it('are refused by a group that does not have them, and nothing changes', () => {
    const sd = JSON.parse(JSON.stringify(tagged().stateDict()));
    const opt = new Rprop([{ params: [params()[0]!] }, { params: [params()[1]!] }]);
    const before = JSON.stringify(opt.stateDict());
    expect(() => opt.loadStateDict(sd)).toThrow(
      "Rprop.loadStateDict: group 0 of the state has key 'tag' that Rprop does not have (a group's keys of its own load only into a group that has them too; Rprop's options are lr, etas, stepSizes, variant, maximize)",
    );
    expect(JSON.stringify(opt.stateDict())).toBe(before);
  });
});
