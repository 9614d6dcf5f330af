import { backingSize, type Size } from './backing.js';
import { contentBox } from './content-box.js';

/**
 * Keeps each canvas's backing store at its displayed size × devicePixelRatio, through layout changes
 * (a resized window, a rotated phone) and changes of the ratio (zoom, a move to another screen). Returns
 * each canvas's displayed size in CSS pixels, the size to draw in, kept current. Resizing a store clears
 * it: `resized` gets the canvases just resized, to redraw before the next paint.
 *
 * The displayed size must come from CSS alone (a width and an aspect-ratio), not from the store: a
 * displayed size that followed the store would grow it again on every resize.
 */
export function fitCanvases(canvases: HTMLCanvasElement[], resized: (changed: HTMLCanvasElement[]) => void): Map<HTMLCanvasElement, Size> {
  const sizes = new Map<HTMLCanvasElement, Size>();
  /** Sizes the store for `css`; whether anything changed. */
  const fit = (canvas: HTMLCanvasElement, css: Size, device?: Size): boolean => {
    const store = backingSize(css, devicePixelRatio, device);
    const was = sizes.get(canvas);
    if (was?.width === css.width && was.height === css.height && canvas.width === store.width && canvas.height === store.height) return false;
    sizes.set(canvas, css);
    canvas.width = store.width;
    canvas.height = store.height;
    return true;
  };
  const measure = (canvas: HTMLCanvasElement): Size => {
    const { width, height } = contentBox(canvas);
    return { width, height };
  };
  const refit = () => {
    const changed = canvases.filter((canvas) => fit(canvas, measure(canvas)));
    if (changed.length > 0) resized(changed);
  };

  // Sized now, so the first frame is drawn at the right size; the observer refines it to the device's pixels.
  for (const canvas of canvases) fit(canvas, measure(canvas));

  const observer = new ResizeObserver((entries) => {
    const changed = entries
      .filter((entry) => {
        const box = entry.contentBoxSize[0]!;
        const device = entry.devicePixelContentBoxSize?.[0];
        return fit(entry.target as HTMLCanvasElement, { width: box.inlineSize, height: box.blockSize }, device && { width: device.inlineSize, height: device.blockSize });
      })
      .map((entry) => entry.target as HTMLCanvasElement);
    if (changed.length > 0) resized(changed);
  });
  for (const canvas of canvases) {
    // Device pixels are observed where the browser can (not Safari): they also change with the ratio alone.
    try {
      observer.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      observer.observe(canvas);
    }
  }

  // A new ratio at the same CSS size is no resize to a content-box observer: a media query on the
  // current ratio says when it stops matching. Where device pixels are observed too, the observer runs
  // after the media query in the same frame and has the last word, with the browser's exact size.
  const watchRatio = () =>
    matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
      'change',
      () => {
        refit();
        watchRatio();
      },
      { once: true },
    );
  watchRatio();
  return sizes;
}
