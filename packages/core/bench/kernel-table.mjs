// The kernel benchmark's table as printed (kernels.mjs without --json): its rows, each figure right-
// aligned under its column's name, then the notes, the state sizes and the targets' ✓/✗ lines.
import { formatFloorVsTorch, formatTargets } from './targets.mjs';

/**
 * The lines kernels.mjs prints for `rows` (kernelRow), the state bytes per parameter (`state`), the
 * targets (`goals`) and floorVsTorch (`ceilings`). A dash stands for a figure not measured.
 */
export function kernelTable(rows, state, goals, ceilings) {
  const f = (v, d = 2) => (v === null ? '—' : v.toFixed(d));
  const x = (v, d = 1) => (v === null ? '—' : `${v.toFixed(d)}×`);
  const lines = [
    'Rprop.step(), defaults (iRprop−), ns per parameter, medians; every column measured in this run',
    'dtype    shape     reference   fast  zero-copy  zero-copy 2 thr  copy floor  torch  torch reused │ fast vs torch  vs reused  fast/floor  zero-copy/floor  2 thr/floor  2 thr vs 1  fast vs reference │ plain 2 thr  plain 2/1  plain 2 vs fast  plain 2/floor  plain 2 vs torch  plain 2 vs reused',
  ];
  for (const r of rows) {
    lines.push(
      `${r.dtype.padEnd(8)} ${r.shape.padEnd(9)} ${f(r.referenceNs).padStart(9)} ${f(r.fastNs).padStart(6)} ${f(r.zeroCopyNs).padStart(10)} ${f(r.zeroCopyThreadsNs).padStart(16)} ${f(r.copyFloorNs).padStart(11)} ${f(r.torchForeachNs).padStart(6)} ${f(r.torchReusedNs).padStart(13)} │ ${x(r.fastSpeedupVsTorch).padStart(13)} ${x(r.fastSpeedupVsTorchReused).padStart(10)} ${x(r.fastOverFloor, 2).padStart(11)} ${x(r.zeroCopyOverFloor, 2).padStart(16)} ${x(r.zeroCopyThreadsOverFloor, 2).padStart(12)} ${x(r.threadsSpeedup, 2).padStart(11)} ${x(r.fastSpeedupVsReference).padStart(18)} │ ${f(r.plainThreadsNs).padStart(11)} ${x(r.plainThreadsSpeedup, 2).padStart(10)} ${x(r.plainThreadsVsFast, 2).padStart(16)} ${x(r.plainThreadsOverFloor, 2).padStart(14)} ${x(r.plainThreadsSpeedupVsTorch).padStart(17)} ${x(r.plainThreadsSpeedupVsTorchReused).padStart(18)}`,
    );
  }
  lines.push('torch: torch.optim.Rprop(foreach=True), 2 threads, glibc malloc as installed; torch reused: glibc set to reuse freed memory (no page faults per step)');
  lines.push('zero-copy 2 thr: rprop/threads useKernelThreads(2), in a process of its own per row, timed in turns with 1 thread and the floor there');
  lines.push('plain 2 thr: the step on plain arrays there (a group\'s plain arrays from 1 MiB copied through in a pipeline); plain 2/1: over 1 thread on the same (shared) memory; plain 2 vs fast: fast/floor ÷ plain 2/floor, each in its own process; plain 2 vs torch: fast vs torch × plain 2 vs fast');
  lines.push(`optimizer state, bytes per parameter: ${Object.entries(state).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (goals.length > 0) lines.push(['targets (float32, defaults; this run):', ...formatTargets(goals), ...formatFloorVsTorch(ceilings)].join('\n  '));
  if (rows.every((r) => r.torchForeachNs === null)) {
    lines.push('(torch not measured: /usr/bin/python3 cannot import torch; apt-get install python3-torch)');
  }
  return lines;
}
