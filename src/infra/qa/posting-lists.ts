/**
 * One term's postings in a snapshot (see compact-index.ts): field id → MiniSearch short id → term frequency, written
 * as one base64 string of unsigned LEB128 numbers: per field, its id and its number of postings, then per posting
 * the change from the previous short id (zigzag, so any order is kept as it was) and the frequency.
 *
 * A question reads a few dozen of a side's tens of thousands of terms: `LazyPostings` keeps the string and builds
 * the maps the first time the engine looks, so a load neither parses a million numbers nor makes a million map
 * entries it will never read.
 */
export type FieldPostings = Map<number, Map<number, number>>;

export function encodePostings(fields: ReadonlyMap<number, ReadonlyMap<number, number>>): string {
  if (fields instanceof LazyPostings) {
    const sealed = fields.sealed;
    if (sealed !== undefined) return sealed;
  }
  const bytes: number[] = [];
  for (const [field, freqs] of fields) {
    writeNumber(bytes, field);
    writeNumber(bytes, freqs.size);
    let previous = 0;
    for (const [short, n] of freqs) {
      const step = short - previous;
      writeNumber(bytes, step >= 0 ? step * 2 : -step * 2 - 1);
      writeNumber(bytes, n);
      previous = short;
    }
  }
  return Buffer.from(bytes).toString("base64");
}

/** The postings of `encoded` as maps, set into `into` (a new map by default). */
export function decodePostings(encoded: string, into: FieldPostings = new Map()): FieldPostings {
  readPostings(encoded, (field) => {
    const freqs = new Map<number, number>();
    into.set(field, freqs);
    return (short, n) => freqs.set(short, n);
  });
  return into;
}

/** Each posting of `encoded` in order: `onField` for each field, and the function it returns for its postings. */
export function readPostings(
  encoded: string,
  onField: (field: number, count: number) => (short: number, n: number) => void,
): void {
  const bytes = Buffer.from(encoded, "base64");
  let at = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error(`posting list ends inside a number: ${encoded.slice(0, 40)}`);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  while (at < bytes.length) {
    const field = next();
    const count = next();
    const onPosting = onField(field, count);
    let short = 0;
    for (let i = 0; i < count; i++) {
      const step = next();
      short += step % 2 === 0 ? step / 2 : -(step + 1) / 2;
      onPosting(short, next());
    }
  }
}

/** Unsigned LEB128: 7 bits a byte, low first (arithmetic, not bit operators: short ids may pass 2^31 in theory). */
function writeNumber(bytes: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a posting number: ${value}`);
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/**
 * A term's postings as the engine keeps them (a Map), decoded from the snapshot on first use. Every way of reading
 * or changing a Map opens it first, so the engine sees a plain Map; `sealed` is the string while it is unopened
 * (what a later save writes again as it was).
 */
export class LazyPostings extends Map<number, Map<number, number>> {
  private encoded: string | undefined;

  constructor(encoded: string) {
    super();
    this.encoded = encoded;
  }

  get sealed(): string | undefined {
    return this.encoded;
  }

  private open(): void {
    const encoded = this.encoded;
    if (encoded === undefined) return;
    // Unsealed first: the `set` calls below find it open and go straight to the Map.
    this.encoded = undefined;
    decodePostings(encoded, this);
  }

  override get size(): number {
    this.open();
    return super.size;
  }

  override get(key: number): Map<number, number> | undefined {
    this.open();
    return super.get(key);
  }

  override has(key: number): boolean {
    this.open();
    return super.has(key);
  }

  override set(key: number, value: Map<number, number>): this {
    this.open();
    return super.set(key, value);
  }

  override delete(key: number): boolean {
    this.open();
    return super.delete(key);
  }

  override clear(): void {
    this.encoded = undefined;
    super.clear();
  }

  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.open();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[number, Map<number, number>]> {
    this.open();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.open();
    return super.keys();
  }

  override values(): MapIterator<Map<number, number>> {
    this.open();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}
