import { lineChart } from '../plot/svg-chart.js';

/** The --plot chart: the training MSE after each epoch's step (from the initial one, at 0), on a log scale. */
export function curveChart(source: string, label: string, curve: readonly number[]): string {
  // A log scale has no 0: a curve that reaches it stops there, so the legend says why (a mark on the
  // bottom edge says where), rather than leave a fitted model looking like an interrupted run.
  const zeroAt = curve.indexOf(0);
  const name = zeroAt < 0 ? label : `${label} (MSE reached 0 at epoch ${zeroAt})`;
  return lineChart([{ name, points: curve.map((m, t) => [t, m]) }], {
    title: `Training MSE on ${source}`,
    xLabel: 'epoch',
    wholeX: true,
    yLabel: 'MSE (log scale)',
    logY: true,
  });
}
