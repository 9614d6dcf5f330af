import { contentBox } from './content-box.js';
import { describeRuns } from './describe-runs.js';
import { renderLegend, renderOptimizerControls, renderRefusals } from './controls.js';
import { fitCanvases } from './fit-canvas.js';
import { FUNCTIONS, type TestFunction } from './functions.js';
import { moveStart } from './keyboard.js';
import { EXACT, type GradientNoise } from './noise.js';
import { wireNoiseControl } from './noise-control.js';
import { optimizerSpecs } from './optimizers.js';
import { clientToCanvas } from './pointer.js';
import { renderLoss } from './render-loss.js';
import { layoutMap, renderBackdrop, renderMap } from './render-map.js';
import { startRuns, stepRuns, type Run } from './simulation.js';
import type { View } from './view.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const mapCanvas = $<HTMLCanvasElement>('map');
const lossCanvas = $<HTMLCanvasElement>('loss');
const functionSelect = $<HTMLSelectElement>('function');
const playButton = $<HTMLButtonElement>('play');
const iterationLabel = $('iteration');
const mapSummary = $('map-summary');
const runSummary = $('run-summary');
const mapContext = mapCanvas.getContext('2d')!;
const lossContext = lossCanvas.getContext('2d')!;

const specs = optimizerSpecs();
let fn: TestFunction = FUNCTIONS[0]!;
let start: [number, number] = fn.start;
let view: View;
let backdrop: HTMLCanvasElement;
let runs: Run[] = [];
let noise: GradientNoise = EXACT;
/** Whether the user wants the animation running; it also halts on its own at MAX_ITERATIONS. */
let playing = true;
let iteration = 0;
const MAX_ITERATIONS = 500;
const finished = () => iteration >= MAX_ITERATIONS;

// Both canvases are drawn in CSS pixels at their displayed size, on backing stores of that size × devicePixelRatio.
const sizes = fitCanvases([mapCanvas, lossCanvas], (changed) => {
  if (changed.includes(mapCanvas)) prepareMap();
  draw();
});

/** The view for the function at the map's displayed size, and its backdrop at the map store's: anew on a change of either. */
function prepareMap(): void {
  view = layoutMap(mapContext, fn, sizes.get(mapCanvas)!);
  backdrop = renderBackdrop(fn, view, { width: mapCanvas.width, height: mapCanvas.height });
}

function draw(): void {
  renderMap(mapContext, backdrop, fn, view, runs, start);
  renderLoss(lossContext, fn, runs, sizes.get(lossCanvas)!);
  renderLegend($('legend'), runs, fn.fmin);
  iterationLabel.textContent = `iteration ${iteration} of ${MAX_ITERATIONS}`;
  const animating = playing && !finished();
  playButton.textContent = animating ? 'Pause' : 'Play';
  describeMap(animating);
}

/**
 * The map's text alternative, kept current as its description; and, once the runs stand still (paused,
 * stepped or finished), the same words in a live region, which a screen reader then speaks. Spoken on
 * every frame while playing it would be 60 announcements a second, each cut off by the next.
 */
function describeMap(animating: boolean): void {
  const words = describeRuns({ fn, start, runs, iteration, maxIterations: MAX_ITERATIONS });
  mapSummary.textContent = words;
  // The same words again would be spoken again.
  if (!animating && runSummary.textContent !== words) runSummary.textContent = words;
}

function restart(): void {
  runs = startRuns(fn, start, specs, noise);
  renderRefusals($('optimizers'), runs);
  iteration = 0;
  draw();
}

function step(): void {
  if (finished()) return;
  stepRuns(fn, runs);
  iteration++;
}

function setFunction(id: string): void {
  fn = FUNCTIONS.find((f) => f.id === id) ?? FUNCTIONS[0]!;
  start = fn.start;
  prepareMap();
  $('note').textContent = fn.note;
  restart();
}

functionSelect.replaceChildren(...FUNCTIONS.map((f) => new Option(f.name, f.id)));
functionSelect.addEventListener('change', () => setFunction(functionSelect.value));
renderOptimizerControls($('optimizers'), specs, restart);
// What σ does is the title of the field's label, shown on hover only: a screen reader gets it as the field's description.
$('noise-help').textContent = $('noise').closest('label')!.title;
wireNoiseControl($<HTMLInputElement>('noise'), $('noise-kept'), (sigma) => {
  noise = { ...noise, sigma };
  restart();
});
playButton.addEventListener('click', () => {
  // Play at the end replays from the start: the end of the runs is not a pause to resume.
  if (finished()) {
    playing = true;
    restart();
    return;
  }
  playing = !playing;
  draw();
});
$('step').addEventListener('click', () => {
  playing = false;
  step();
  draw();
});
$('reset').addEventListener('click', () => {
  start = fn.start;
  restart();
});
mapCanvas.addEventListener('click', (event) => {
  // The view is laid out in the map's displayed CSS pixels, whatever its store's resolution.
  const [px, py] = clientToCanvas(event.clientX, event.clientY, contentBox(mapCanvas), view);
  // A click in the axes' margin starts on the window's edge: a start outside it would be drawn nowhere.
  start = view.toPointInside(px, py);
  playing = true;
  restart();
});
// The map takes focus (tabindex) so the keyboard can do what a click does: arrows move the start.
mapCanvas.addEventListener('keydown', (event) => {
  const moved = moveStart(event.key, start, fn.view);
  if (moved === null) return;
  event.preventDefault(); // no page scroll
  start = moved;
  playing = true;
  restart();
});

// One step per animation frame: 500 steps take about 8 s at 60 Hz, slow enough to follow.
function frame(): void {
  if (playing && !finished()) {
    step();
    draw();
  }
  requestAnimationFrame(frame);
}

setFunction(fn.id);
requestAnimationFrame(frame);
