/**
 * Book-keeping for a pipelined publisher with confirms. Positions enter in increasing order when
 * published, get confirmed in any order, and leave when the checkpoint has been stored. The window
 * counts everything published and not yet checkpointed, so after a crash at most `capacity` events are
 * published again: duplicates are bounded by the window.
 */
export class ConfirmWindow {
  private readonly positions: number[] = [];
  private readonly confirmed = new Set<number>();
  private head = 0;
  private settled: number;

  constructor(
    checkpoint: number,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`window must be >= 1, got ${capacity}`);
    this.settled = checkpoint;
  }

  /** Published and not yet released by a stored checkpoint. */
  get size(): number {
    return this.positions.length - this.head;
  }

  get isFull(): boolean {
    return this.size >= this.capacity;
  }

  track(position: number): void {
    const last = this.positions.length > 0 ? this.positions[this.positions.length - 1] : this.settled;
    if (position <= last) throw new RangeError(`position ${position} published out of order (after ${last})`);
    this.positions.push(position);
  }

  confirm(position: number): void {
    this.confirmed.add(position);
  }

  /**
   * The highest position that may be stored as checkpoint: it and every earlier published position are
   * confirmed. Never ahead of a confirm, whatever order confirms arrive in.
   */
  safeCheckpoint(): number {
    let cursor = this.head;
    let safe = this.settled;
    while (cursor < this.positions.length && this.confirmed.has(this.positions[cursor])) {
      safe = this.positions[cursor];
      cursor++;
    }
    return safe;
  }

  /** Frees the slots of every position up to the stored checkpoint. */
  release(upTo: number): void {
    while (this.head < this.positions.length && this.positions[this.head] <= upTo) {
      this.confirmed.delete(this.positions[this.head]);
      this.head++;
    }
    if (upTo > this.settled) this.settled = upTo;
    if (this.head > 1024 && this.head * 2 > this.positions.length) {
      this.positions.splice(0, this.head);
      this.head = 0;
    }
  }
}
