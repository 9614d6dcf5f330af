import { line } from 'd3-shape';
import { lineChart } from '../plot/svg-chart.js';
import { linearMse } from './linear-mse.js';
import { lossSeries, MAX_ITERATIONS, outcomeText, scaleRace, type ScaleResult } from './scales.js';
import { START, trajectories } from './trajectories.js';
import { checkPlotFolder, writePlots } from './write-plots.js';

/** The quadratics c·x² the demo races on: one gentle, one steep, gradients 10⁴ apart. */
const SCALES = [0.01, 100];
const lossPlot = (c: number) => `loss-${c}x2.svg`;
/** The files `--out` gets, known before anything is computed so that the folder is checked first. */
const PLOTS = [...SCALES.map(lossPlot), 'loss-linear-mse.svg', 'trajectories.svg'];

/** Prints the demo and, with `out`, writes its SVG plots there. Returns the files written. */
export function runDemo(out: string | undefined, print: (line: string) => void): string[] {
  if (out !== undefined) checkPlotFolder(out, PLOTS); // before the table, not after it
  print('One learning rate cannot serve gradients 10⁴ apart; steps that ignore the scale can.\n');
  print('f(x) = c·x² from x = 3 (one minimum, gradients 10⁴ apart): iterations until |x| < 1e-6');
  const races = SCALES.map((c) => ({ c, results: scaleRace(c) }));
  const names = races[0]!.results.map((r) => r.optimizer);
  const cell = (r: ScaleResult) => (typeof r.outcome === 'number' ? String(r.outcome) : r.outcome === 'capped' ? `> ${MAX_ITERATIONS}` : r.outcome);
  print(`  ${'optimizer'.padEnd(18)} ${races.map(({ c }) => `c = ${c}`.padStart(10)).join(' ')}`);
  names.forEach((name, i) => print(`  ${name.padEnd(18)} ${races.map(({ results }) => cell(results[i]!).padStart(10)).join(' ')}`));
  // A capped run did not get there within the cap; whether it ever would, the table cannot say.
  const capped = races.flatMap(({ c, results }) => results.filter((r) => r.outcome === 'capped').map((r) => `${r.optimizer} on ${c}x²: |x| = ${Math.abs(r.lastX).toPrecision(3)}`));
  if (capped.length > 0) print(`  > ${MAX_ITERATIONS}: ${outcomeText('capped')} iterations, the cap (${capped.join('; ')})`);
  // What the table shows, read off it: which steps ignored the scale, and which got there first.
  const counts = names.map((_, i) => races.map(({ results }) => results[i]!.outcome));
  const scaleFree = names.filter((_, i) => counts[i]!.every((n) => typeof n === 'number' && n === counts[i]![0]));
  if (scaleFree.length > 0) print(`  the same count on both scales (the step ignores the gradient's scale): ${scaleFree.join(', ')}`);
  const finished = names.flatMap((name, i) => (typeof counts[i]![0] === 'number' ? [{ name, n: counts[i]![0] as number }] : []));
  if (finished.length > 0) {
    const fastest = finished.reduce((a, b) => (b.n < a.n ? b : a));
    print(`  fewest iterations on c = ${races[0]!.c}: ${fastest.name} (${fastest.n})`);
  }

  const { losses, optimum } = linearMse(200);
  print('\nLinear(3, 2) + MSE, Rprop(lr=0.01, etas=[0.5, 1.2], stepSizes=[1e-6, 50]), full batch:');
  for (const t of [0, 5, 10, 25, 50, 100, 199]) print(`  step ${String(t).padStart(3)}   loss ${losses[t]!.toFixed(6)}`);
  // The least loss there is (the normal equations' answer): where the curve flattens out is the optimum.
  print(`  least-squares optimum: ${optimum.toFixed(6)} (the last loss is ${(losses.at(-1)! - optimum).toExponential(1)} above it)`);

  if (out === undefined) {
    print('\n(rprop demo --out DIR writes the plots as SVG)');
    return [];
  }
  // Drawn in memory, then written all at once: nothing is written unless every plot can be.
  const plots: Array<[name: string, svg: string]> = [];
  const write = (name: string, svg: string) => plots.push([name, svg]);
  for (const { c, results } of races) {
    write(
      lossPlot(c),
      lineChart(lossSeries(results), { title: `f(x) = ${c}·x² from x = 3`, xLabel: 'iteration', yLabel: 'f(x) (log scale)', logY: true, domain: { x: [0, 300], y: [1e-16, 1e3] } }),
    );
  }
  write(
    'loss-linear-mse.svg',
    lineChart([{ name: 'Rprop (iRprop−)', points: losses.map((l, t) => [t, l]) }], { title: 'Linear(3, 2) + MSE with Rprop', xLabel: 'step', wholeX: true, yLabel: 'MSE (log scale)', logY: true }),
  );
  const paths = trajectories();
  write(
    'trajectories.svg',
    lineChart(paths, {
      title: 'Paths on 0.01x² + 100y² from (3, −2), 150 steps',
      xLabel: 'x',
      yLabel: 'y',
      domain: { x: [-3.5, 3.5], y: [-2.5, 2.5] },
      underlay: (x, y) => {
        // Level sets 0.01x² + 100y² = L are ellipses with half-axes √(L/0.01) and √(L/100).
        const ellipse = line<number>()
          .x((t) => x(Math.sqrt(levels.current / 0.01) * Math.cos(t)))
          .y((t) => y(Math.sqrt(levels.current / 100) * Math.sin(t)));
        const levels = { current: 0 };
        const angles = Array.from({ length: 121 }, (_, k) => (k / 120) * 2 * Math.PI);
        return [0.001, 0.01, 0.03, 0.09, 1, 10, 100, 400]
          .map((L) => ((levels.current = L), `<path d="${ellipse(angles)}" fill="none" stroke="#ccc"/>`))
          .join('');
      },
      // The paths share their start and, for the Rprop variants, their first steps: a mark says where they begin.
      overlay: (x, y) => {
        const [cx, cy] = [x(START[0]), y(START[1])];
        return `<circle cx="${cx}" cy="${cy}" r="6" fill="none" stroke="#000" stroke-width="2"/><text x="${cx - 10}" y="${cy + 4}" text-anchor="end">start (${START.map((v) => String(v).replace('-', '−')).join(', ')})</text>`;
      },
    }),
  );
  const files = writePlots(out, plots);
  // By name: the paths, cut after `out` as typed, lost their first letters when `out` was not in the
  // form join() gives (`./plots`, `plots/`).
  print(`\nWrote ${files.length} plots to ${out}: ${plots.map(([name]) => name).join(', ')}`);
  return files;
}
