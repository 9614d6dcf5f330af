import * as tf from '@tensorflow/tfjs-core';
import { SIGNUM_DEFAULTS, type SignumOptions } from 'rprop';
import { signum as signumRule, validateSignumFloat32, validateSignumOptions } from 'rprop/rules';
import { signumKernel } from 'rprop/kernels';
import { configOptions } from './config-options.js';
import { MomentumSlotOptimizer } from './momentum-slot-optimizer.js';
import type { SlotUpdate } from './slot-optimizer.js';
import { withDefaults } from './with-defaults.js';

/**
 * Signum as a TensorFlow.js optimizer: `m ← β·m + (1−β)·g; w ← w − lr·sign(m)`. For mini-batches.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: signum({ lr: 1e-3 }), loss: 'categoricalCrossentropy' });
 * ```
 */
export class SignumOptimizer extends MomentumSlotOptimizer {
  /** @nocollapse */
  static get className(): string {
    return 'Signum';
  }

  readonly options: Readonly<SignumOptions>;
  protected override readonly displayName = 'SignumOptimizer';

  /**
   * @param options override the core's `SIGNUM_DEFAULTS` (lr 1e-3, beta 0.9, maximize false); null or undefined means the defaults.
   * @throws RangeError (TypeError for a wrong type) naming the option and the value, for an option out of range,
   * also once rounded to float32 (TF.js variables' type): an lr that overflows to Infinity, a β that rounds to 1.
   */
  constructor(options?: Partial<SignumOptions>) {
    super();
    const o = withDefaults(this.displayName, SIGNUM_DEFAULTS, options);
    validateSignumOptions(o, '', this.displayName);
    validateSignumFloat32(o, { owner: this.displayName, whose: 'TF.js variables' });
    this.options = Object.freeze(o);
  }

  protected override updateArrays(updates: Array<{ value: Float32Array; gradient: Float32Array; slots: Record<string, Float32Array> }>): void {
    const { lr, beta, maximize } = this.options;
    const r = Math.fround;
    for (const u of updates) {
      const args = [u.value, u.gradient, u.slots.momentum!, r(lr), r(beta), r(1 - beta), maximize] as const;
      if (!signumKernel(...args)) signumRule(...args);
    }
  }

  protected override updateOps(updates: SlotUpdate[]): void {
    const { lr, beta, maximize } = this.options;
    for (const u of updates) {
      const g = maximize ? tf.neg(u.gradient) : u.gradient;
      const m = u.slots.momentum!;
      const next = tf.add(tf.mul(m, Math.fround(beta)), tf.mul(g, Math.fround(1 - beta)));
      m.assign(next);
      u.value.assign(tf.sub(u.value, tf.mul(tf.sign(next), Math.fround(lr))));
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.options };
  }

  /** @nocollapse */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(configOptions(config, SIGNUM_DEFAULTS) as never);
  }
}

/** `new SignumOptimizer(options)`. */
export function signum(options?: Partial<SignumOptions>): SignumOptimizer {
  return new SignumOptimizer(options);
}

tf.serialization.registerClass(SignumOptimizer);
