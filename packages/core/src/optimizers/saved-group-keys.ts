import { resembledOption } from '../unknown-options.js';
import { ADAM_DEFAULTS, LION_DEFAULTS, RPROP_DEFAULTS, SGD_DEFAULTS, SIGN_SGD_DEFAULTS, SIGNUM_DEFAULTS } from './defaults.js';

/**
 * Every optimizer's options (its defaults' keys), by the name it has in messages. A saved group whose
 * keys are another optimizer's options passes every value check of an optimizer whose options are a
 * subset of them (Rprop's lr and maximize are SignSGD's whole set), so `loadStateDict` reads the keys
 * themselves, and these name the optimizer they came from.
 */
export const OPTION_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries({
    Rprop: RPROP_DEFAULTS,
    SignSGD: SIGN_SGD_DEFAULTS,
    Signum: SIGNUM_DEFAULTS,
    Lion: LION_DEFAULTS,
    SGD: SGD_DEFAULTS,
    Adam: ADAM_DEFAULTS,
  }).map(([name, defaults]) => [name, Object.keys(defaults)]),
);

const list = (keys: readonly string[]) => keys.join(', ');
const plural = (word: string, keys: readonly string[]) => (keys.length === 1 ? word : `${word}s`);
const isSomeOption = (key: string) => Object.values(OPTION_NAMES).some((names) => names.includes(key));

/**
 * Throws a RangeError unless saved group `g`'s keys (without `params`) are exactly `owner`'s
 * `options`, besides keys of its own that the live group has too (groups may carry keys, as PyTorch's
 * do, and `stateDict` saves them). Every option is required: `stateDict` saves each one, and a
 * dict without one was made by something else. The message names the unexpected and missing keys,
 * and the optimizer the dict looks saved by when its options are another's.
 */
export function checkSavedGroupKeys(where: string, owner: string, options: readonly string[], g: number, saved: object, live: object): void {
  // A key the live group has of its own is the user's, not an option: it round-trips as it is.
  const considered = Object.keys(saved).filter((k) => options.includes(k) || !Object.hasOwn(live, k));
  const unexpected = considered.filter((k) => !options.includes(k));
  const missing = options.filter((k) => !considered.includes(k));
  if (unexpected.length === 0 && missing.length === 0) return;
  const savers = Object.entries(OPTION_NAMES)
    .filter(([name, names]) => name !== owner && names.length === considered.length && names.every((k) => considered.includes(k)))
    .map(([name]) => name);
  const foreign = unexpected.length > 0 && unexpected.every(isSomeOption);
  const parts: string[] = [];
  if (unexpected.length > 0) {
    const named = foreign ? `${plural('option', unexpected)} ${list(unexpected)}` : `${plural('key', unexpected)} ${unexpected.map((k) => `'${k}'`).join(', ')}`;
    parts.push(`has ${named} that ${owner} does not have`);
  }
  if (missing.length > 0) parts.push(`lacks ${plural('option', missing)} ${list(missing)}`);
  const hint = unexpected.length === 1 ? resembledOption(unexpected[0]!, options) : undefined;
  const why =
    savers.length > 0
      ? ` — was it saved by ${savers.join(' or ')}?`
      : foreign
        ? ' — was it saved by another optimizer?'
        : hint !== undefined
          ? ` (did you mean '${hint}'?)`
          : unexpected.length > 0
            ? ` (a group's keys of its own load only into a group that has them too; ${owner}'s options are ${list(options)})`
            : ` (${owner}.stateDict() saves every option)`;
  throw new RangeError(`${where}: group ${g} of the state ${parts.join(' and ')}${why}`);
}
