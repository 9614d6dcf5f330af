/** Arrow key → direction in function coordinates (up is +y, as drawn). */
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** Steps across the window per key press: fine enough to aim, coarse enough to cross it in a few seconds. */
const STEPS = 40;

/**
 * The start point moved by an arrow key, kept inside the window [x0, x1, y0, y1]; null for any other
 * key. The keyboard's way to do what a click on the map does.
 */
export function moveStart(key: string, [x, y]: [number, number], [x0, x1, y0, y1]: [number, number, number, number]): [number, number] | null {
  const arrow = ARROWS[key];
  if (arrow === undefined) return null;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return [clamp(x + (arrow[0] * (x1 - x0)) / STEPS, x0, x1), clamp(y + (arrow[1] * (y1 - y0)) / STEPS, y0, y1)];
}
