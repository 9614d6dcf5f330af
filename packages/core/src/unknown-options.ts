/**
 * Options objects are open in JavaScript, so a misspelt option — PyTorch's `step_sizes`, SciPy's
 * `maxiter`, `stepsizes` — would otherwise be dropped without a word and the default used instead.
 * (PyTorch's constructors refuse unknown keyword arguments; its parameter groups keep extra keys.)
 */

/** Names from other libraries that mean one of ours. */
const ALIASES: Readonly<Record<string, string>> = {
  maxiter: 'maxIterations',
  maxiters: 'maxIterations',
  maxit: 'maxIterations',
  callback: 'onIteration',
};

/** A key's letters without case, '_', '-' or spaces: `step_sizes`, `stepsizes` and `stepSizes` meet. */
function letters(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

/** The option `key` was probably meant as (same letters, or a known alias), if it is not one itself. */
export function resembledOption(key: string, known: readonly string[]): string | undefined {
  const plain = letters(key);
  const alias = ALIASES[plain];
  if (alias !== undefined && known.includes(alias)) return alias;
  return known.find((k) => letters(k) === plain);
}

function unknownOption(owner: string, key: string, known: readonly string[], where: string): TypeError {
  const hint = resembledOption(key, known);
  return new TypeError(`${owner}: unknown option ${JSON.stringify(key)}${where}${hint === undefined ? '' : ` (did you mean '${hint}'?)`}; the options are ${known.join(', ')}`);
}

/** Throws a TypeError naming the first key of `options` (with a value) that is not in `known`. */
export function refuseUnknownOptions(owner: string, options: object, known: readonly string[], where = ''): void {
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !known.includes(key)) throw unknownOption(owner, key, known, where);
  }
}

/**
 * For parameter groups, which may carry keys of their own (as PyTorch's do): throws only for a key
 * that resembles an option without being one — a misspelling.
 */
export function refuseMisspeltOptions(owner: string, group: object, known: readonly string[], where = ''): void {
  for (const key of Object.keys(group)) {
    if (!known.includes(key) && resembledOption(key, known) !== undefined) throw unknownOption(owner, key, known, where);
  }
}
