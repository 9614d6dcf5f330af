import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import { niceLogDomain } from './nice-log.js';
import { sharedPrefix } from './shared-prefix.js';
import { thin } from './thin.js';

/** One named series of points. */
export interface Series {
  name: string;
  points: Array<[number, number]>;
  /** Drawn dashed, e.g. for a baseline. */
  dashed?: boolean;
  /**
   * Runs along the same path as the other series so marked (optimizers taking the same first steps):
   * along the stretch they share they are drawn in turns, as offset dashes, so each colour shows
   * along it, not only the last drawn; past it, each solid.
   */
  sharesPath?: boolean;
}

/** What `lineChart` draws around the series: titles, scales, size and extra SVG. */
export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** x counts something whole (epochs, steps): ticks only at whole numbers, no epoch 0.5 on a short run. */
  wholeX?: boolean;
  /** Log scale on y (loss curves). */
  logY?: boolean;
  /**
   * A fixed domain, used as given (not rounded out to nice values; what lies outside is clipped, a
   * mark where a series leaves above or below). It does not make the units of the axes equal: for
   * that, give ranges in the proportion of the plot's width to its height.
   */
  domain?: { x: [number, number]; y: [number, number] };
  width?: number;
  height?: number;
  /** Extra SVG drawn under the series, given the scales (e.g. contours). */
  underlay?: (x: ScaleContinuousNumeric<number, number>, y: ScaleContinuousNumeric<number, number>) => string;
  /** Extra SVG drawn over the series, given the scales (e.g. a marked point). */
  overlay?: (x: ScaleContinuousNumeric<number, number>, y: ScaleContinuousNumeric<number, number>) => string;
}

/** A colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** The most points drawn per series: more add bytes to the SVG, not detail at 720 pixels wide. */
export const MAX_POINTS = 2000;

/**
 * A domain holding one value, widened around it: a scale over [a, a] puts everything at one pixel,
 * and a single point (a one-epoch curve) would sit on the frame. Log scales widen by a decade each way.
 */
function widen([lo, hi]: [number, number], log: boolean): [number, number] {
  if (lo !== hi || !Number.isFinite(lo)) return [lo, hi];
  if (log) return [lo / 10, hi * 10];
  return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
}

/** The points a line through `points` would not show: drawn ones with no drawn neighbour (a line needs two). */
function lonePoints<P extends readonly [number, number]>(points: readonly P[], drawn: (p: P) => boolean): P[] {
  const at = (i: number) => i >= 0 && i < points.length && drawn(points[i]!);
  return points.filter((_, i) => at(i) && !at(i - 1) && !at(i + 1));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A line chart as an SVG string: axes with ticks, labels, a title and a legend. Coordinates come from
 * d3-scale, paths from d3-shape's line generator; no DOM is needed. A long series is thinned to
 * `MAX_POINTS` (see `thin`).
 */
/**
 * Where a series first leaves the chart — rises above it (a diverging loss on a fixed domain), or
 * falls below it (a loss of 0, which a log scale cannot show) — a triangle on that edge pointing out,
 * in the series' colour: clipped or clamped, its line would run along the frame or stop without a
 * word. Empty if it never leaves that way.
 */
function exitMark(s: Series, colour: string, xDomain: readonly [number, number], side: 'above' | 'below', limit: number, x: (v: number) => number, edge: number): string {
  const leaves = side === 'above' ? (py: number) => py > limit || py === Infinity : (py: number) => py < limit;
  const out = s.points.find(([px, py]) => px >= xDomain[0] && px <= xDomain[1] && leaves(py));
  if (out === undefined) return '';
  const cx = x(out[0]);
  const [tip, base] = side === 'above' ? [edge + 1, edge + 11] : [edge - 1, edge - 11];
  return `<path d="M${cx - 6},${base}L${cx},${tip}L${cx + 6},${base}Z" fill="${colour}" stroke="white"><title>${escape(s.name)}: ${side} the chart from ${out[0]}</title></path>`;
}

/** The length of one series' dash where series share a path; each takes its turn in a cycle of them. */
const SHARED_DASH = 8;

/** The dash of a series drawn in turns with the others sharing its path, as SVG attributes. */
function sharedDash(series: Series[], s: Series): string {
  const sharing = series.filter((t) => t.sharesPath);
  const turn = sharing.indexOf(s);
  if (turn < 0 || sharing.length < 2) return '';
  return ` stroke-dasharray="${SHARED_DASH} ${SHARED_DASH * (sharing.length - 1)}" stroke-dashoffset="${-SHARED_DASH * turn}"`;
}

/** From the plot's right edge to a legend label's start: a gap, then the colour swatch. */
const LEGEND_INSET = 16 + 30;
/** A generous average width of a character of 12 px Helvetica/Arial (most are 5.5–7 px). */
const CHAR_WIDTH = 7;
/** The same for the title's 16 px bold (most are 8.5–10 px). */
const TITLE_CHAR_WIDTH = 10;
/** The least room between the title and the picture's edges. */
const TITLE_INSET = 8;

/** The series as one standalone SVG document: axes, a line per series and a legend at its right. */
export function lineChart(series: Series[], o: ChartOptions): string {
  // The legend sits right of the plot: its margin grows with the longest label (SVG text does not
  // wrap, and a label past the edge is cut off), and the picture grows with it, not the plot.
  // The title too: centred over the plot, a long one (`Training MSE on` a data file's whole path)
  // began left of the picture and lost its first words. It moves right as far as it must, and the
  // picture grows on the right for one longer than it.
  const titleWidth = Math.ceil(o.title.length * TITLE_CHAR_WIDTH);
  const right = Math.max(190, LEGEND_INSET + Math.ceil(Math.max(0, ...series.map((s) => s.name.length)) * CHAR_WIDTH) + 12, titleWidth + 2 * TITLE_INSET - (o.width ?? 720) + 190);
  const width = (o.width ?? 720) + right - 190;
  const height = o.height ?? 440;
  const m = { top: 40, right, bottom: 50, left: 72 };
  const drawable = (y: number) => Number.isFinite(y) && (!o.logY || y > 0);
  // Loops, not Math.min(...xs): spreading an array passes every element on the stack, which overflows
  // somewhere above 100 000 points.
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (const [px, py] of s.points) {
      // Every point spans x, drawable or not: the epochs after a loss of 0 (nothing on a log scale)
      // were run all the same, and an axis that stopped at the last drawable one would hide them.
      if (!Number.isFinite(px)) continue;
      xMin = Math.min(xMin, px);
      xMax = Math.max(xMax, px);
      if (!drawable(py)) continue;
      yMin = Math.min(yMin, py);
      yMax = Math.max(yMax, py);
    }
  }
  const xDomain = o.domain?.x ?? widen([xMin, xMax], false);
  const yDomain = o.domain?.y ?? widen([yMin, yMax], o.logY ?? false);
  const x = scaleLinear().domain(xDomain).range([m.left, width - m.right]);
  const y = (o.logY ? scaleLog().clamp(true) : scaleLinear()).domain(yDomain).range([height - m.bottom, m.top]);
  if (!o.domain) y.nice();
  // Over a few decades, d3's whole decades waste the plot and put the curve's end on the frame.
  if (!o.domain && o.logY && Math.log10(yDomain[1] / yDomain[0]) < 3) y.domain(niceLogDomain(...yDomain));
  const drawn = ([px, py]: readonly [number, number]) => drawable(py) && px >= xDomain[0] && px <= xDomain[1];
  const path = line<[number, number]>()
    .defined(drawn)
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  // Around a lone value, its own tick only: the widened domain's (an epoch −1) would mean nothing.
  const xTicks = !o.domain && xMin === xMax ? [xMin] : x.ticks(8).filter((t) => !o.wholeX || Number.isInteger(t));
  const [y0, y1] = y.domain() as [number, number];
  // Over many decades, label the powers of ten; over one or two, also 2× and 5× so the axis has ticks.
  const fewDecades = o.logY && Math.log10(y1 / y0) < 3;
  const yTicks = o.logY
    ? y.ticks().filter((t) => {
        const mantissa = +(t / 10 ** Math.floor(Math.log10(t))).toPrecision(3);
        return mantissa === 1 || (fewDecades && (mantissa === 2 || mantissa === 5));
      })
    : !o.domain && yMin === yMax
      ? [yMin]
      : y.ticks(8);
  const fmt = (t: number) => (o.logY && !fewDecades ? `1e${Math.round(Math.log10(t))}` : String(+t.toPrecision(3)));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${Math.min(Math.max((m.left + width - m.right) / 2, TITLE_INSET + titleWidth / 2), width - TITLE_INSET - titleWidth / 2)}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${escape(o.title)}</text>`,
    `<defs><clipPath id="plot"><rect x="${m.left}" y="${m.top}" width="${width - m.left - m.right}" height="${height - m.top - m.bottom}"/></clipPath></defs>`,
    o.underlay ? `<g clip-path="url(#plot)">${o.underlay(x, y)}</g>` : '',
    ...xTicks.map((t) => `<line x1="${x(t)}" x2="${x(t)}" y1="${m.top}" y2="${height - m.bottom}" stroke="#eee"/><text x="${x(t)}" y="${height - m.bottom + 16}" text-anchor="middle">${String(+t.toPrecision(6))}</text>`),
    ...yTicks.map((t) => `<line x1="${m.left}" x2="${width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text>`),
    `<rect x="${m.left}" y="${m.top}" width="${width - m.left - m.right}" height="${height - m.top - m.bottom}" fill="none" stroke="#333"/>`,
    `<text x="${(m.left + width - m.right) / 2}" y="${height - 12}" text-anchor="middle">${escape(o.xLabel)}</text>`,
    `<text transform="translate(18 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(o.yLabel)}</text>`,
    `<g clip-path="url(#plot)">`,
    ...series.map((s, i) => {
      const points = thin(s.points, MAX_POINTS, drawable);
      const colour = PALETTE[i % PALETTE.length];
      // A lone point (a one-epoch curve, or one between gaps) is a dot: as a path it would not show.
      const dots = lonePoints(points, drawn).map(([px, py]) => `<circle cx="${x(px)}" cy="${y(py)}" r="3.5" fill="${colour}"/>`);
      const stroke = `fill="none" stroke="${colour}" stroke-width="2"`;
      if (s.dashed || !s.sharesPath) return [`<path d="${path(points) ?? ''}" ${stroke}${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`, ...dots].join('');
      // In turns only along the stretch it shares: past it, a path drawn one dash in four lost the
      // rest, and steps shorter than the gap vanished whole. The solid rest starts where the turns end.
      const k = sharedPrefix(series, s);
      const [along, rest] = k < 2 ? [[], s.points] : [s.points.slice(0, k), k < s.points.length ? s.points.slice(k - 1) : []];
      return [
        along.length > 0 ? `<path d="${path(thin(along, MAX_POINTS, drawable)) ?? ''}" ${stroke}${sharedDash(series, s)}/>` : '',
        rest.length > 0 ? `<path d="${path(thin(rest, MAX_POINTS, drawable)) ?? ''}" ${stroke}/>` : '',
        ...dots,
      ].join('');
    }),
    `</g>`,
    ...series.map((s, i) => exitMark(s, PALETTE[i % PALETTE.length]!, xDomain, 'above', y1, x, m.top)),
    ...series.map((s, i) => exitMark(s, PALETTE[i % PALETTE.length]!, xDomain, 'below', y0, x, height - m.bottom)),
    o.overlay ? o.overlay(x, y) : '',
    ...series.map((s, i) => {
      const ly = m.top + 10 + i * 20;
      const lx = width - m.right + 16; // (LEGEND_INSET = 16 + the 30 to the label)
      return `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${lx + 30}" y="${ly + 4}">${escape(s.name)}</text>`;
    }),
    `</svg>`,
  ];
  return parts.join('\n');
}
