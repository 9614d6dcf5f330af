import type * as tf from '@tensorflow/tfjs-core';

/**
 * The options in a config `fromConfig` receives: the keys `defaults` has. The layers loader adds keys
 * of its own (`customObjects`), which the constructors would refuse as unknown options.
 */
export function configOptions<O extends object>(config: tf.serialization.ConfigDict, defaults: O): Partial<O> {
  return Object.fromEntries(Object.keys(defaults).filter((k) => k in config).map((k) => [k, config[k]])) as Partial<O>;
}
