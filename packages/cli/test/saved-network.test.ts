import * as tf from '../src/tf.js';
import type { Variant } from 'rprop';
import { beforeAll, describe, expect, it } from 'vitest';
import { savedNetwork } from '../src/resume/saved-network.js';
import type { SavedManifest } from '../src/resume/saved-model-files.js';
import type { Activation, OptimizerName } from '../src/train/choices.js';
import { buildMlp } from '../src/train/mlp.js';
import { makeOptimizer } from '../src/train/optimizer.js';
import { randomDataset } from './random-dataset.js';

// What --resume reads off model.json must be what `rprop train` built: each setting from a model made
// and saved as the command makes and saves one, not from a hand-written manifest.

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function manifestOf(o: { hidden: number[]; activation: Activation; optimizer: OptimizerName; variant: Variant; lr?: number; range: [number, number] }): Promise<SavedManifest> {
  const data = randomDataset(5, 3, 2, o.range, 1);
  const model = buildMlp(data, o.hidden, o.activation, 1);
  model.compile({ optimizer: makeOptimizer(o.optimizer, o.variant, o.lr), loss: 'meanSquaredError' });
  let manifest: SavedManifest | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      manifest = { modelTopology: artifacts.modelTopology, trainingConfig: artifacts.trainingConfig as unknown as SavedManifest['trainingConfig'], weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs as never }] };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
    { includeOptimizer: true },
  );
  model.dispose();
  return manifest!;
}

describe('savedNetwork: the settings a model saved by rprop train fixes', () => {
  it.each([
    [{ hidden: [4], activation: 'tanh', optimizer: 'rprop', variant: 'irprop+', lr: 0.05, range: [0, 1] }, { output: 'sigmoid', variant: 'irprop+', lr: 0.05 }],
    [{ hidden: [5, 2], activation: 'relu', optimizer: 'rprop', variant: 'rprop-', range: [-1, 1] }, { output: 'tanh', variant: 'rprop-', lr: 0.01 }],
    [{ hidden: [3], activation: 'sigmoid', optimizer: 'adam', variant: 'irprop-', lr: 0.002, range: [-3, 7] }, { output: 'linear', variant: null, lr: 0.002 }],
    [{ hidden: [3], activation: 'tanh', optimizer: 'sgd', variant: 'irprop-', range: [0, 1] }, { output: 'sigmoid', variant: null, lr: 0.1 }],
    [{ hidden: [3], activation: 'tanh', optimizer: 'lion', variant: 'irprop-', lr: 3e-4, range: [0, 1] }, { output: 'sigmoid', variant: null, lr: 3e-4 }],
    [{ hidden: [3], activation: 'tanh', optimizer: 'signum', variant: 'irprop-', range: [0, 1] }, { output: 'sigmoid', variant: null, lr: 0.001 }],
  ] as const)('%j', async (o, expected) => {
    const saved = savedNetwork(await manifestOf({ ...o, hidden: [...o.hidden], range: [...o.range] }), 'm');
    expect(saved).toEqual({ inputs: 3, hidden: o.hidden, activation: o.activation, outputs: 2, optimizer: o.optimizer, ...expected });
  });

  it.each([
    ['another model class', (m: any) => (m.modelTopology.class_name = 'Model'), /^--resume m: model\.json holds no Sequential model/],
    ['a layer that is not Dense', (m: any) => (m.modelTopology.config.layers[1].class_name = 'Dropout'), /^--resume m: layer 2 of model\.json is not a Dense layer/],
    ['no input shape', (m: any) => delete m.modelTopology.config.layers[0].config.batch_input_shape, /^--resume m: model\.json's first layer has no input shape/],
    ['hidden layers of two activations', (m: any) => (m.modelTopology.config.layers[1].config.activation = 'relu'), /^--resume m: the hidden layers' activations \(tanh, relu\) are not one of tanh, sigmoid, relu/],
    ['an output activation rprop train never chooses', (m: any) => (m.modelTopology.config.layers[2].config.activation = 'softmax'), /^--resume m: the output layer's activation softmax is not one of sigmoid, tanh, linear/],
    ['an optimizer --optimizer does not name', (m: any) => (m.trainingConfig.optimizer_config.class_name = 'RMSProp'), /^--resume m: the optimizer RMSProp is not one of --optimizer's/],
    ['an unknown Rprop variant', (m: any) => (m.trainingConfig.optimizer_config.config.variant = 'irprop*'), /^--resume m: the Rprop variant "irprop\*" is not one of/],
    ['no learning rate', (m: any) => delete m.trainingConfig.optimizer_config.config.lr, /^--resume m: the optimizer's learning rate is undefined/],
    ['a learning rate of 0', (m: any) => (m.trainingConfig.optimizer_config.config.lr = 0), /^--resume m: the optimizer's learning rate is 0;/],
    ['no layers', (m: any) => (m.modelTopology.config.layers = []), /^--resume m: model\.json holds no Sequential model/],
    ['a Dense layer without a bias', (m: any) => (m.modelTopology.config.layers[1].config.use_bias = false), /^--resume m: layer 2 of model\.json is not a Dense layer with units and a bias/],
    ['hidden layers of one activation --activation does not name', (m: any) => m.modelTopology.config.layers.slice(0, -1).forEach((l: any) => (l.config.activation = 'elu')), /^--resume m: the hidden layers' activations \(elu, elu\) are not one of tanh, sigmoid, relu/],
  ])('refuses %s, naming the folder', async (_name, edit, message) => {
    const manifest = await manifestOf({ hidden: [4, 4], activation: 'tanh', optimizer: 'rprop', variant: 'irprop-', range: [0, 1] });
    edit(manifest);
    expect(() => savedNetwork(manifest, 'm')).toThrow(message);
  });
});
