import { padTo } from './cache-colors.js';

/**
 * Free blocks of a linear memory, by byte offset: first fit, neighbours merged when a block comes
 * back. The kernels' memory can grow but never shrink, so memory that optimizers released must be
 * reused, or making and dropping optimizers would fill it.
 */
export class FreeList {
  /** Free blocks, sorted by offset, none touching another. */
  private readonly blocks: Array<{ at: number; bytes: number }> = [];

  /**
   * Takes `bytes` from the first block large enough; its offset, or −1 if none is. With a `color`
   * (see `cache-colors`), from the first block that holds `bytes` starting at that colour; the bytes
   * skipped before it stay free.
   */
  take(bytes: number, color = -1): number {
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      const skip = color < 0 ? 0 : padTo(block.at, color);
      if (block.bytes < skip + bytes) continue;
      const at = block.at + skip;
      const tail = block.bytes - skip - bytes;
      if (skip > 0) {
        block.bytes = skip;
        if (tail > 0) this.blocks.splice(i + 1, 0, { at: at + bytes, bytes: tail });
      } else if (tail > 0) {
        block.at += bytes;
        block.bytes = tail;
      } else {
        this.blocks.splice(i, 1);
      }
      return at;
    }
    return -1;
  }

  /** Returns a block taken before (or never used); merges it with free neighbours. */
  give(at: number, bytes: number): void {
    let i = 0;
    while (i < this.blocks.length && this.blocks[i]!.at < at) i++;
    const before = this.blocks[i - 1];
    const after = this.blocks[i];
    if (before !== undefined && before.at + before.bytes === at) {
      before.bytes += bytes;
      if (after !== undefined && before.at + before.bytes === after.at) {
        before.bytes += after.bytes;
        this.blocks.splice(i, 1);
      }
    } else if (after !== undefined && at + bytes === after.at) {
      after.at = at;
      after.bytes += bytes;
    } else {
      this.blocks.splice(i, 0, { at, bytes });
    }
  }

  /** Bytes free in all blocks (for tests). */
  get freeBytes(): number {
    return this.blocks.reduce((sum, b) => sum + b.bytes, 0);
  }
}
