/**
 * The gradient-noise field: calls `changed` with each σ typed that the page can use (a finite number ≥ 0).
 * Anything else puts back the σ in use and says why beside the field, as the hyperparameters' fields do:
 * the value going back on its own looked like a lost keystroke.
 */
export function wireNoiseControl(input: HTMLInputElement, kept: HTMLElement, changed: (sigma: number) => void): void {
  let sigma = input.valueAsNumber;
  input.addEventListener('change', () => {
    const v = input.valueAsNumber;
    if (!(Number.isFinite(v) && v >= 0)) {
      // Read before the value is put back, which clears it: text the browser could not parse is badInput.
      const why = input.validity.badInput ? 'not a number the page can use' : Number.isFinite(v) ? 'below 0' : 'left empty';
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
