import { InputError } from '../errors/input-error.js';
import { readSavedModelFiles, type SavedModelFiles } from './saved-model-files.js';
import { savedNetwork, type SavedNetwork } from './saved-network.js';
import { readTrainRecord, type TrainRecord } from './train-record.js';

/** A `--resume DIR` folder read and checked: its files, the network and optimizer it fixes, and the run's record. */
export interface SavedRun {
  dir: string;
  files: SavedModelFiles;
  network: SavedNetwork;
  record: TrainRecord;
}

/**
 * Reads what `--resume DIR` goes on from, before any data is read or any training: the folder's
 * files, what its model fixes, and the record `--save` keeps of the run. Each problem is one
 * InputError naming DIR.
 */
export function readSavedRun(dir: string): SavedRun {
  const files = readSavedModelFiles(dir);
  const network = savedNetwork(files.manifest, dir);
  const record = readTrainRecord(files.manifest.userDefinedMetadata);
  if (typeof record === 'string') throw new InputError(`--resume ${dir}: ${record}`);
  return { dir, files, network, record };
}
