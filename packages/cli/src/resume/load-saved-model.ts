import * as tf from '../tf.js';
import 'rprop-tfjs'; // registers Rprop, Signum and Lion: the saved optimizer is made by its class name
import { InputError } from '../errors/input-error.js';
import type { SavedModelFiles } from './saved-model-files.js';

/**
 * The model of a `--save` folder already read and checked (`readSavedModelFiles`), compiled with its
 * optimizer holding the saved state, on the current TF.js backend. Whatever TF.js still refuses
 * (weights whose names or shapes do not fit the layers, an optimizer's state that does not load) is
 * the folder's doing: an InputError naming `dir`.
 */
export async function loadSavedModel(files: SavedModelFiles, dir: string): Promise<tf.Sequential> {
  const { manifest, weightSpecs, weightData } = files;
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: manifest.modelTopology as object,
        weightSpecs: weightSpecs as tf.io.WeightsManifestEntry[],
        weightData,
        trainingConfig: manifest.trainingConfig as unknown as tf.io.TrainingConfig,
        userDefinedMetadata: manifest.userDefinedMetadata as Record<string, unknown> | undefined,
      }),
    );
  } catch (error) {
    throw new InputError(`--resume ${dir}: TF.js cannot load the model: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (model.optimizer == null) {
    model.dispose();
    throw new InputError(`--resume ${dir}: the model loaded without its optimizer`);
  }
  return model as tf.Sequential;
}
