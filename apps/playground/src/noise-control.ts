import { MAX_SIGMA } from './noise.js';

/**
 * The gradient-noise field: calls `changed` with each σ typed that the page can use (0 to MAX_SIGMA).
 * Anything else puts back the σ in use and says why beside the field, as the hyperparameters' fields do:
 * the value going back on its own looked like a lost keystroke.
 */
export function wireNoiseControl(input: HTMLInputElement, kept: HTMLElement, changed: (sigma: number) => void): void {
  // The field's max, so its arrows stop there too.
  input.max = String(MAX_SIGMA);
  let sigma = input.valueAsNumber;
  input.addEventListener('change', () => {
    const v = input.valueAsNumber;
    if (!(Number.isFinite(v) && v >= 0 && v <= MAX_SIGMA)) {
      // Read before the value is put back, which clears it: text the browser could not parse is badInput.
      const why = input.validity.badInput ? 'not a number the page can use' : !Number.isFinite(v) ? 'left empty' : v < 0 ? 'below 0' : `above ${MAX_SIGMA}`;
      input.value = String(sigma);
      kept.textContent = `noise: ${why}; still ${sigma}.`;
      kept.hidden = false;
      return;
    }
    kept.hidden = true;
    sigma = v;
    changed(v);
  });
}
