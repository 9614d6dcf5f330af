import { lineChart } from '../plot/svg-chart.js';

/** The --plot chart: the training MSE before each epoch's step, on a log scale. */
export function curveChart(source: string, label: string, curve: readonly number[]): string {
  return lineChart([{ name: label, points: curve.map((m, t) => [t, m]) }], {
    title: `Training MSE on ${source}`,
    xLabel: 'epoch',
    yLabel: 'MSE (log scale)',
    logY: true,
  });
}
