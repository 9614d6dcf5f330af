/** A width and height, in CSS pixels or in device pixels as said where used. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The backing store for a canvas displayed at `css` pixels: one store pixel per device pixel, so the
 * browser scales nothing (a smaller store is blurred up on a high-DPI screen, a larger one thinned down
 * and its text with it). `device` is that size as the browser snapped it to the screen's pixels
 * (ResizeObserver's devicePixelContentBoxSize), exact where css × dpr is a rounding off; taken only
 * within a pixel of css × dpr, as Chromium's emulated device scales (the end-to-end tests') report it in
 * CSS pixels. Never below 1×1: a canvas with no pixels has no scale to draw at.
 */
export function backingSize(css: Size, dpr: number, device?: Size): Size {
  const width = css.width * dpr;
  const height = css.height * dpr;
  const snapped = device !== undefined && Math.abs(device.width - width) <= 1 && Math.abs(device.height - height) <= 1;
  return snapped ? { width: Math.max(1, device.width), height: Math.max(1, device.height) } : { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

/**
 * The scale from CSS pixels to the store's pixels, per axis: the two can differ by a pixel's rounding.
 * 1 for a canvas displayed at no size, so a transform made of it stays finite.
 */
export function storeScale(css: Size, store: Size): [number, number] {
  return [css.width > 0 ? store.width / css.width : 1, css.height > 0 ? store.height / css.height : 1];
}

/**
 * Sets `ctx` to draw in the CSS pixels of a canvas displayed at `css`: lines, marks and 12px text come out
 * at their CSS size on every screen, drawn at the store's full resolution.
 */
export function drawInCssPixels(ctx: CanvasRenderingContext2D, css: Size): void {
  const [sx, sy] = storeScale(css, ctx.canvas);
  ctx.setTransform(sx, 0, 0, sy, 0, 0);
}
