/**
 * Marks by ordinal for one pass at a time: each pass takes a new generation, and an ordinal is « seen in
 * this pass » when its stamp equals it, so nothing is cleared between passes (only once every 2³²).
 */
export class Stamps {
  /** The stamp of each ordinal: read it after {@link Stamps.next}, which may grow it. */
  array = new Uint32Array(0);
  private generation = 0;

  /** A new generation for `capacity` ordinals. */
  next(capacity: number): number {
    if (this.array.length < capacity) {
      this.array = new Uint32Array(Math.max(capacity, this.array.length * 2));
      this.generation = 0;
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.array.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}
