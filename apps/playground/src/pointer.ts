import type { Size } from './backing.js';

/** An element's content box in client (viewport) coordinates: where its drawing is shown. */
export interface ClientBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A pointer's client coordinates as a point of a drawing `size` CSS pixels, shown in `box`. Measured
 * from the content box, not the border box getBoundingClientRect gives (a border would shift every
 * point), and scaled, in case the box is shown at another size than the drawing's.
 */
export function clientToCanvas(clientX: number, clientY: number, box: ClientBox, size: Size): [number, number] {
  return [((clientX - box.left) / box.width) * size.width, ((clientY - box.top) / box.height) * size.height];
}
