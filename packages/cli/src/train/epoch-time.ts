import type { TrainResult } from './train.js';

/**
 * The summary's time per epoch, e.g. `, 0.512 ms per epoch (0.431 after warm-up)`; empty when no epoch
 * ran. The figure after warm-up only where it says something: a run of WARM_UP passes or fewer has no
 * epoch after the warm-up, and its "steady" figure is the plain one again (see EpochTimer), which printed
 * twice suggested a second measurement that was never made. (`--json` keeps both, as bench:fann reads them.)
 */
export function epochTime(result: Pick<TrainResult, 'msPerEpoch' | 'msPerEpochSteady'>): string {
  if (result.msPerEpoch === null) return '';
  const plain = `, ${result.msPerEpoch.toFixed(3)} ms per epoch`;
  const steady = result.msPerEpochSteady;
  return steady === null || steady === result.msPerEpoch ? plain : `${plain} (${steady.toFixed(3)} after warm-up)`;
}
