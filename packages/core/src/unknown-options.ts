/**
 * Options objects are open in JavaScript, so a misspelt option — PyTorch's `step_sizes`, SciPy's
 * `maxiter`, `stepsizes` — would otherwise be dropped without a word and the default used instead.
 * (PyTorch's constructors refuse unknown keyword arguments; its parameter groups keep extra keys.)
 */

import { describe } from './errors.js';

/** Names from other libraries that mean one of ours (as `letters` spells them). */
const ALIASES: Readonly<Record<string, string>> = {
  maxiter: 'maxIterations',
  maxiters: 'maxIterations',
  maxit: 'maxIterations',
  callback: 'onIteration',
  learningrate: 'lr',
  rate: 'lr',
};

/** A key's letters without case, '_', '-' or spaces: `step_sizes`, `stepsizes` and `stepSizes` meet. */
function letters(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), stopping early once it
 * exceeds `limit`: enough to tell a slip of the keyboard from another word.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How many slips a name of `n` letters may take and still count as a misspelling: none below 3
 * letters (`lr` is one slip from any other two-letter word), one below 8 (`maximise`, `variants`,
 * `eta`), two from 8 on (`stepsize`s, `weigthdecay`, `maxiteration`).
 */
function slipsAllowed(n: number): number {
  return n < 3 ? 0 : n < 8 ? 1 : 2;
}

/**
 * The option `key` was probably meant as, if it is not one itself: one with the same letters (case,
 * '_', '-' aside), a known alias, or the nearest within a few slips of the keyboard — PyTorch's
 * `step_sizes`, SciPy's `maxiter`, British `maximise`, a plural `betas` for Signum's `beta`.
 */
export function resembledOption(key: string, known: readonly string[]): string | undefined {
  const plain = letters(key);
  const alias = ALIASES[plain];
  if (alias !== undefined && known.includes(alias)) return alias;
  const same = known.find((k) => letters(k) === plain);
  if (same !== undefined) return same;
  let nearest: string | undefined;
  let distance = Infinity;
  for (const k of known) {
    const target = letters(k);
    const limit = slipsAllowed(Math.min(target.length, plain.length));
    const d = editDistance(plain, target, limit);
    if (d <= limit && d < distance) [nearest, distance] = [k, d];
  }
  return nearest;
}

function unknownOption(owner: string, key: string, known: readonly string[], where: string): TypeError {
  const hint = resembledOption(key, known);
  return new TypeError(`${owner}: unknown option ${JSON.stringify(key)}${where}${hint === undefined ? '' : ` (did you mean '${hint}'?)`}; the options are ${known.join(', ')}`);
}

/**
 * Throws a TypeError naming the first key of `options` (with a value) that is not in `known` — or,
 * for `options` that is not an object at all, saying so: PyTorch's `SGD(params, 0.1)` and TF.js's
 * `tf.train.adam(0.1)` pass the learning rate by position, and an object spread or entries of 0.1
 * would quietly be no options.
 */
export function refuseUnknownOptions(owner: string, options: object, known: readonly string[], where = ''): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const lr = typeof options === 'number' && known.includes('lr') ? ` (the learning rate goes in as { lr: ${describe(options)} })` : '';
    throw new TypeError(`${owner}: options must be an object of named options, got ${describe(options)}${lr}`);
  }
  // A Map's entries are not its properties: read as an object it is no options at all.
  if (options instanceof Map) {
    throw new TypeError(`${owner}: options must be an object of named options, got a Map (Object.fromEntries(map) makes one)`);
  }
  if (options instanceof Set || ArrayBuffer.isView(options)) {
    throw new TypeError(`${owner}: options must be an object of named options, got ${describe(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !known.includes(key)) throw unknownOption(owner, key, known, where);
  }
}

/**
 * For parameter groups, which may carry keys of their own (as PyTorch's do): throws only for a key
 * that resembles an option without being one — a misspelling. A group's `params` is not an option.
 */
export function refuseMisspeltOptions(owner: string, group: object, known: readonly string[], where = ''): void {
  for (const key of Object.keys(group)) {
    if (key !== 'params' && !known.includes(key) && resembledOption(key, known) !== undefined) throw unknownOption(owner, key, known, where);
  }
}
