/**
 * The margin beside a frame that holds the widest of its labels plus `room` (the gap to the frame and
 * whatever lies beyond the labels), never below `least`: labels wider than the usual ones widen their
 * margin instead of being cut off at the canvas's edge.
 */
export function marginFor(labelWidths: number[], room: number, least: number): number {
  return Math.max(least, Math.ceil(Math.max(0, ...labelWidths) + room));
}

/** `text` if it fits `width`, else as much of it as fits with an ellipsis (a chart title on a phone). */
export function fitText(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n).trimEnd()}…`;
    if (measure(cut) <= width) return cut;
  }
  return '';
}
