import { refuseUnknownOptions } from 'rprop/rules';

/**
 * `options` over `defaults`; an option `defaults` does not have is refused, naming `owner` (a loader's
 * extra keys are dropped before, by `configOptions`). Null or undefined options, or an option left
 * undefined, are the defaults, as in the core.
 */
export function withDefaults<O extends object>(owner: string, defaults: O, options: Partial<O> | null | undefined): O {
  refuseUnknownOptions(owner, options ?? {}, Object.keys(defaults));
  // Own enumerable keys only, as the core and refuseUnknownOptions read them: an option inherited
  // through the prototype (or hidden) would be used here, unchecked, and ignored by the core.
  const given = Object.fromEntries(Object.entries(options ?? {})) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, given[k] === undefined ? v : given[k]])) as O;
}
