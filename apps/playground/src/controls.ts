import type { OptimizerSpec } from './optimizers.js';
import type { Run } from './simulation.js';

/** The optimizer list: a checkbox and the hyperparameters of each, calling `changed` on any edit. */
export function renderOptimizerControls(root: HTMLElement, specs: OptimizerSpec[], changed: () => void): void {
  root.replaceChildren(
    ...specs.map((spec) => {
      const box = document.createElement('fieldset');
      box.className = 'optimizer';
      box.dataset.id = spec.id;
      const legend = document.createElement('legend');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.checked = spec.enabled;
      check.id = `use-${spec.id}`;
      check.addEventListener('change', () => {
        spec.enabled = check.checked;
        box.classList.toggle('off', !spec.enabled);
        changed();
      });
      const label = document.createElement('label');
      label.htmlFor = check.id;
      label.innerHTML = `<span class="swatch" style="background:${spec.color}"></span>${spec.name}`;
      legend.append(check, label);
      box.append(legend);
      box.classList.toggle('off', !spec.enabled);
      // Says why a typed value was not taken: the field going back to the value in use looked like a lost keystroke.
      const kept = document.createElement('p');
      kept.className = 'kept';
      kept.id = `${spec.id}-kept`;
      kept.setAttribute('role', 'status');
      kept.hidden = true;
      for (const knob of spec.knobs) {
        const field = document.createElement('label');
        field.className = 'knob';
        const input = document.createElement('input');
        input.type = 'number';
        input.step = String(knob.step);
        input.min = String(knob.min);
        input.value = String(knob.value);
        input.id = `${spec.id}-${knob.key}`;
        input.addEventListener('change', () => {
          // An emptied field or one the browser can't read as a number (NaN, 1e999) has valueAsNumber
          // NaN or ±Infinity: show the value still in use rather than run with Number('') = 0.
          const v = input.valueAsNumber;
          if (!Number.isFinite(v)) {
            // Read before the value is put back, which clears it: text the browser could not parse is badInput.
            const why = input.validity.badInput ? 'not a number the page can use' : 'left empty';
            input.value = String(knob.value);
            kept.textContent = `${knob.label}: ${why}; still ${knob.value}.`;
            kept.hidden = false;
            return;
          }
          kept.hidden = true;
          knob.value = v;
          changed();
        });
        // Named with its optimizer: nine boxes have an 'lr', four an 'η+', and a reader that lists the
        // page's fields, or jumps to one, gives the field's name alone. It holds the visible label, for those who speak it to voice control.
        input.setAttribute('aria-label', `${spec.name} ${knob.label}`);
        input.setAttribute('aria-describedby', `${spec.id}-refusal ${kept.id}`);
        field.append(document.createTextNode(knob.label), input);
        box.append(field);
      }
      const refusal = document.createElement('p');
      refusal.className = 'refusal';
      refusal.id = `${spec.id}-refusal`;
      refusal.hidden = true;
      box.append(kept, refusal);
      return box;
    }),
  );
}

/**
 * Each ticked optimizer's box says why the library refused its hyperparameters, if it did: the legend
 * says so too, but it may be off screen (below the chart, or far above on a phone) where the value is typed.
 */
export function renderRefusals(root: HTMLElement, runs: Run[]): void {
  for (const box of root.querySelectorAll<HTMLElement>('fieldset.optimizer')) {
    const error = runs.find((run) => run.spec.id === box.dataset.id)?.error ?? null;
    const refusal = box.querySelector<HTMLElement>('.refusal')!;
    refusal.textContent = error;
    refusal.hidden = error === null;
    box.classList.toggle('refused', error !== null);
  }
}

/** The legend: colour, name, iterations, current f, and whether the run diverged or was refused. */
export function renderLegend(root: HTMLElement, runs: Run[], fmin: number): void {
  if (runs.length === 0) {
    const hint = document.createElement('li');
    hint.className = 'state';
    hint.textContent = 'No optimizer ticked: tick one in the list to see its path.';
    root.replaceChildren(hint);
    return;
  }
  root.replaceChildren(
    ...runs.map((run) => {
      const item = document.createElement('li');
      const last = run.losses.at(-1)!;
      const state = run.error ? `refused: ${run.error}` : run.diverged ? `diverged at iteration ${run.losses.length}` : `f − f* = ${(last - fmin).toExponential(2)}`;
      item.innerHTML = `<span class="swatch" style="background:${run.spec.color}"></span><b>${run.spec.name}</b> <span class="state${run.diverged || run.error ? ' bad' : ''}">${state}</span>`;
      return item;
    }),
  );
}
