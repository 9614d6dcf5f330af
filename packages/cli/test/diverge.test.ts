import * as tf from '../src/tf.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signum } from 'rprop-tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/train/metrics.js';
import { refusedGradient } from '../src/train/refused-gradient.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const dir = tempFolder('rprop-diverge-');
// Targets of 10 give a linear output; SGD with lr 1e6 overshoots to Infinity in three steps.
writeFileSync(join(dir, 'lin.csv'), 'a,b,y\n0,0,0\n0,1,10\n1,0,10\n1,1,0\n');
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('a diverged run is reported as such, with exit code 1', () => {
  it('--json says diverged and at which epoch; NaN outputs are bit-fails', () => {
    const r = rprop(['train', 'lin.csv', '--optimizer', 'sgd', '--lr', '1e6', '--json'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    expect(lastJson(r.stdout)).toMatchObject({ epochs: 3, reachedTarget: false, diverged: true, divergedAtEpoch: 3, trainMse: null, trainBitFail: 4 });
  });

  it('the summary says so; the model is not saved, the plot is written and says so too', () => {
    const r = rprop(['train', 'lin.csv', '--optimizer', 'sgd', '--lr', '1e6', '--save', 'model', '--plot', 'curve.svg', '--backend', 'cpu'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('diverged at epoch 3: the training MSE became Infinity; training stopped\n');
    expect(r.stdout).toContain('train MSE Infinity, bit-fail 4\n');
    expect(r.stdout).toContain('not saved to model: the training diverged\n');
    expect(existsSync(join(dir, 'model'))).toBe(false);
    expect(readFileSync(join(dir, 'curve.svg'), 'utf8')).toContain('>sgd (diverged at epoch 3)</text>');
  });

  it('Signum stepped into NaN is a divergence too (was: exit 2, as bad input)', () => {
    // The largest lr a float32 holds (a larger one is refused as input: lr-float32.test.ts).
    const r = rprop(['train', 'xor', '--optimizer', 'signum', '--lr', '3.4e38', '--json'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(lastJson(r.stdout)).toMatchObject({ diverged: true, divergedAtEpoch: 2, trainBitFail: 4 });
  });

  it('a run that does not diverge says diverged: false', () => {
    const r = rprop(['train', 'xor', '--epochs', '3', '--json', '--backend', 'cpu'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ diverged: false, divergedAtEpoch: null });
  });
});

describe('in process', () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });

  it('refusedGradient recognises the rprop-tfjs optimizers refusing a non-finite gradient, and nothing else', () => {
    const w = tf.variable(tf.zeros([2]), true, 'refused_w');
    for (const [bad, value] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
      let error: unknown;
      try {
        signum({ lr: 0.1 }).applyGradients({ refused_w: tf.tensor1d([0, bad]) });
      } catch (e) {
        error = e;
      }
      expect(refusedGradient(error)).toBe(value);
    }
    expect(refusedGradient(new RangeError('Invalid typed array length: 5'))).toBeNull();
    expect(refusedGradient(new Error("the gradient of 'w' is NaN at index 0"))).toBeNull();
    w.dispose();
  });

  it('evaluate counts NaN outputs as bit-fails', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
    model.setWeights([tf.tensor2d([[NaN]]), tf.tensor1d([0])]);
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor2d([[0], [0], [0]]);
    const { mse, bitFail } = evaluate(model, x, y);
    expect(mse).toBeNaN();
    expect(bitFail).toBe(3);
    tf.dispose([x, y]);
    model.dispose();
  });
});
