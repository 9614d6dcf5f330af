import { renderLegend, renderOptimizerControls, renderRefusals } from './controls.js';
import { FUNCTIONS, type TestFunction } from './functions.js';
import { moveStart } from './keyboard.js';
import { optimizerSpecs } from './optimizers.js';
import { renderLoss } from './render-loss.js';
import { renderBackdrop, renderMap } from './render-map.js';
import { startRuns, stepRuns, type Run } from './simulation.js';
import { makeView } from './view.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const mapCanvas = $<HTMLCanvasElement>('map');
const lossCanvas = $<HTMLCanvasElement>('loss');
const functionSelect = $<HTMLSelectElement>('function');
const playButton = $<HTMLButtonElement>('play');
const iterationLabel = $('iteration');

const specs = optimizerSpecs();
let fn: TestFunction = FUNCTIONS[0]!;
let start: [number, number] = fn.start;
let view = makeView(mapCanvas.width, mapCanvas.height, 36, fn.view);
let backdrop = renderBackdrop(fn, view);
let runs: Run[] = [];
/** Whether the user wants the animation running; it also halts on its own at MAX_ITERATIONS. */
let playing = true;
let iteration = 0;
const MAX_ITERATIONS = 500;
const finished = () => iteration >= MAX_ITERATIONS;

function draw(): void {
  renderMap(mapCanvas.getContext('2d')!, backdrop, fn, view, runs, start);
  renderLoss(lossCanvas.getContext('2d')!, fn, runs);
  renderLegend($('legend'), runs, fn.fmin);
  iterationLabel.textContent = `iteration ${iteration} of ${MAX_ITERATIONS}`;
  playButton.textContent = playing && !finished() ? 'Pause' : 'Play';
}

function restart(): void {
  runs = startRuns(fn, start, specs);
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
  view = makeView(mapCanvas.width, mapCanvas.height, 36, fn.view);
  backdrop = renderBackdrop(fn, view);
  $('note').textContent = fn.note;
  restart();
}

functionSelect.replaceChildren(...FUNCTIONS.map((f) => new Option(f.name, f.id)));
functionSelect.addEventListener('change', () => setFunction(functionSelect.value));
renderOptimizerControls($('optimizers'), specs, restart);
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
  const rect = mapCanvas.getBoundingClientRect();
  const px = ((event.clientX - rect.left) / rect.width) * mapCanvas.width;
  const py = ((event.clientY - rect.top) / rect.height) * mapCanvas.height;
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
