/**
 * Maps between function coordinates and the map's pixels for a view window: CSS pixels of the map as
 * displayed, whatever the resolution of its backing store.
 */
export interface View {
  width: number;
  height: number;
  /** Left, right, top and bottom margins for the axes. */
  margin: number;
  toPixel(x: number, y: number): [number, number];
  toPoint(px: number, py: number): [number, number];
  /** As toPoint, but a pixel in the margins maps to the nearest point on the window's edge. */
  toPointInside(px: number, py: number): [number, number];
}

export function makeView(width: number, height: number, margin: number, [x0, x1, y0, y1]: [number, number, number, number]): View {
  const w = width - 2 * margin;
  const h = height - 2 * margin;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const toPoint = (px: number, py: number): [number, number] => [x0 + ((px - margin) / w) * (x1 - x0), y1 - ((py - margin) / h) * (y1 - y0)];
  return {
    width,
    height,
    margin,
    toPixel: (x, y) => [margin + ((x - x0) / (x1 - x0)) * w, margin + ((y1 - y) / (y1 - y0)) * h],
    toPoint,
    toPointInside: (px, py) => toPoint(clamp(px, margin, margin + w), clamp(py, margin, margin + h)),
  };
}

/** About `count` round tick values covering [a, b]. */
export function ticks(a: number, b: number, count = 6): number[] {
  const raw = (b - a) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(a / step) * step; t <= b + step * 1e-9; t += step) out.push(+t.toPrecision(10));
  return out;
}
