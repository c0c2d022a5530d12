/**
 * Which characters of a text are already taken by a mention, so overlap checks cost the length of the new
 * mention, never the number of earlier ones (a text of 100,000 characters stays linear).
 */
export class Coverage {
  private readonly owner: Int32Array;

  constructor(length: number) {
    this.owner = new Int32Array(length + 1).fill(-1);
  }

  /** true when no character of [start, end) is taken. */
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if ((this.owner[i] ?? -1) >= 0) return false;
    return true;
  }

  take(start: number, end: number, id: number): void {
    for (let i = start; i < end; i++) this.owner[i] = id;
  }

  /** The id of the mention covering every character of [start, end), or -1. */
  ownerOf(start: number, end: number): number {
    const id = this.owner[start] ?? -1;
    if (id < 0) return -1;
    for (let i = start + 1; i < end; i++) if (this.owner[i] !== id) return -1;
    return id;
  }
}
