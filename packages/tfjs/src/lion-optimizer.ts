import * as tf from '@tensorflow/tfjs-core';
import { LION_DEFAULTS, type LionOptions } from 'rprop';
import { lion, validateLionFloat32, validateLionOptions } from 'rprop/rules';
import { lionKernel } from 'rprop/kernels';
import { configOptions } from './config-options.js';
import { frozenCopy } from './frozen-copy.js';
import { MomentumSlotOptimizer } from './momentum-slot-optimizer.js';
import type { SlotUpdate } from './slot-optimizer.js';
import { withDefaults } from './with-defaults.js';

/**
 * Lion (Chen et al. 2023) as a TensorFlow.js optimizer:
 * `c = β1·m + (1−β1)·g; w ← w − lr·(sign(c) + λ·w); m ← β2·m + (1−β2)·g`. For mini-batches.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: lion({ lr: 1e-4, weightDecay: 0.01 }), loss: 'categoricalCrossentropy' });
 * ```
 */
export class LionOptimizer extends MomentumSlotOptimizer {
  /** @nocollapse */
  static get className(): string {
    return 'Lion';
  }

  readonly options: Readonly<LionOptions>;
  protected override readonly displayName = 'LionOptimizer';

  /**
   * @param options override the core's `LION_DEFAULTS` (lr 1e-4, betas [0.9, 0.99], weightDecay 0, maximize false); null or undefined means the defaults.
   * @throws RangeError (TypeError for a wrong type) naming the option and the value, for an option out of range,
   * also once rounded to float32 (TF.js variables' type): an lr or weight decay that overflows to Infinity, a β that rounds to 1.
   */
  constructor(options?: Partial<LionOptions>) {
    super();
    const given = withDefaults(this.displayName, LION_DEFAULTS, options);
    const o = { ...given, betas: frozenCopy(given.betas) }; // copied (then checked) and frozen: read at every step
    validateLionOptions(o, '', this.displayName);
    validateLionFloat32(o, { owner: this.displayName, whose: 'TF.js variables' });
    this.options = Object.freeze(o);
  }

  private constants() {
    const r = Math.fround;
    const { lr, betas, weightDecay, maximize } = this.options;
    return { lr: r(lr), beta1: r(betas[0]), oneMinusBeta1: r(1 - betas[0]), beta2: r(betas[1]), oneMinusBeta2: r(1 - betas[1]), weightDecay: r(weightDecay), maximize };
  }

  protected override updateArrays(updates: Array<{ value: Float32Array; gradient: Float32Array; slots: Record<string, Float32Array> }>): void {
    const c = this.constants();
    for (const u of updates) if (!lionKernel(u.value, u.gradient, u.slots.momentum!, c)) lion(u.value, u.gradient, u.slots.momentum!, c);
  }

  protected override updateOps(updates: SlotUpdate[]): void {
    const c = this.constants();
    for (const u of updates) {
      const g = c.maximize ? tf.neg(u.gradient) : u.gradient;
      const m = u.slots.momentum!;
      const direction = tf.sign(tf.add(tf.mul(m, c.beta1), tf.mul(g, c.oneMinusBeta1)));
      const step = c.weightDecay === 0 ? direction : tf.add(direction, tf.mul(u.value, c.weightDecay));
      u.value.assign(tf.sub(u.value, tf.mul(step, c.lr)));
      m.assign(tf.add(tf.mul(m, c.beta2), tf.mul(g, c.oneMinusBeta2)));
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.options, betas: [...this.options.betas] };
  }

  /** @nocollapse */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(configOptions(config, LION_DEFAULTS) as never);
  }
}

/** `new LionOptimizer(options)`. */
export function lionOptimizer(options?: Partial<LionOptions>): LionOptimizer {
  return new LionOptimizer(options);
}

tf.serialization.registerClass(LionOptimizer);
