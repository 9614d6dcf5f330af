import { describe } from '../errors.js';

/**
 * Group `g`'s options as `stateDict` saves them: a deep copy, so the dict does not change when the
 * live group does. A group may carry keys of its own besides the options (a name, a callback), and a
 * value that cannot be copied — a function, a symbol — would otherwise surface as the engine's bare
 * "could not be cloned" DataCloneError, naming neither the group nor the key: refused with both.
 */
export function savedOptions<T extends object>(owner: string, g: number, options: T): T {
  try {
    return structuredClone(options);
  } catch (error) {
    for (const [key, value] of Object.entries(options)) {
      try {
        structuredClone(value);
      } catch {
        throw new TypeError(
          `${owner}.stateDict: group ${g} has a key '${key}' holding ${describe(value)}, which a state dict cannot hold (it is data, made to go through JSON): keep it outside the parameter group`,
        );
      }
    }
    throw error;
  }
}
