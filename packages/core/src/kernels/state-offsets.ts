import { residentOffset } from './kernel-state.js';

/**
 * Per parameter index, the byte offsets in the kernels' memory of its state buffers `names` (−1 where
 * a buffer is an ordinary array or missing), cached per state record.
 *
 * Why: a step over many tensors would otherwise reach, per buffer, three objects (the record, its
 * resident array, the view) that the step's own data streams have evicted from cache since the last
 * step — ≈1 µs per tensor at 5000 weights, measured. Reading one flat array instead costs nothing.
 * Offsets stay valid when the memory grows (only views detach); a new record (a first step,
 * `loadStateDict`) is noticed by its identity, a buffer added to a record by `refresh`.
 */
export class StateOffsets {
  /** Per parameter index, the record the offsets were read from. */
  private readonly records: Array<object | undefined> = [];
  private offsets = new Float64Array(0);

  constructor(private readonly names: readonly string[]) {}

  /** Makes the offsets of parameter `index` those of `state` (reading them only if it is a new record). */
  sync(state: object, index: number): void {
    if (this.records[index] !== state) this.refresh(state, index);
  }

  /** Reads the offsets of `state` afresh (after a buffer was added to it). */
  refresh(state: object, index: number): void {
    const width = this.names.length;
    if (this.offsets.length < width * (index + 1)) {
      const grown = new Float64Array(Math.max(width * (index + 1), 2 * this.offsets.length));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.names.forEach((name, k) => (this.offsets[width * index + k] = residentOffset(state, name)));
    this.records[index] = state;
  }

  /** The byte offset of buffer `names[k]` of parameter `index` (after `sync`), or −1 (also for k past the names). */
  at(index: number, k: number): number {
    return k < this.names.length ? this.offsets[this.names.length * index + k]! : -1;
  }

  /** Forgets every record (and so lets them, and their kernel memory, go). */
  clear(): void {
    this.records.length = 0;
  }
}
