/**
 * A term's postings as the snapshot writes them (posting-lists.ts): the same maps come back, in the same order (the
 * engine's scores add up in that order), and a term loaded but never read is neither decoded nor re-encoded.
 */
import { describe, expect, it } from "vitest";
import { decodePostings, encodePostings, LazyPostings, readPostings } from "../../src/infra/qa/posting-lists.js";

const entries = (m: Map<number, Map<number, number>>) => [...m].map(([f, freqs]) => [f, [...freqs]]);

// Short ids out of order (a document re-added gets a higher id, a restored map keeps its saved order), ids and
// counts past one byte, and past 2^31.
const FIELDS = new Map<number, Map<number, number>>([
  [
    4,
    new Map([
      [17, 1],
      [3, 2],
      [70_000, 129],
      [2 ** 31 + 5, 1],
      [18, 3],
    ]),
  ],
  [0, new Map([[0, 1]])],
  [
    2,
    new Map([
      [9, 1],
      [10, 1],
    ]),
  ],
]);

describe("posting lists", () => {
  it("decode to the maps they were encoded from, in their order", () => {
    const encoded = encodePostings(FIELDS);
    expect(typeof encoded).toBe("string");
    expect(entries(decodePostings(encoded))).toEqual(entries(FIELDS));
    const seen: [number, number, number][] = [];
    readPostings(encoded, (field) => (short, n) => seen.push([field, short, n]));
    expect(seen).toEqual([...FIELDS].flatMap(([f, freqs]) => [...freqs].map(([s, n]) => [f, s, n])));
    expect(entries(decodePostings(encodePostings(new Map())))).toEqual([]);
  });

  it("refuse a list cut inside a number, and numbers that are not counts", () => {
    const bytes = Buffer.from(encodePostings(FIELDS), "base64");
    expect(() => decodePostings(bytes.subarray(0, 9).toString("base64"))).toThrow(/ends inside a number/);
    expect(() => encodePostings(new Map([[1, new Map([[1, 1.5]])]]))).toThrow(/not a posting number/);
  });

  it("load lazily: a plain Map to every reader, decoded at the first look, kept sealed until then", () => {
    const encoded = encodePostings(FIELDS);
    const lazy = new LazyPostings(encoded);
    expect(lazy.sealed).toBe(encoded);
    // Saved again untouched: the same string, without decoding it.
    expect(encodePostings(lazy)).toBe(encoded);
    expect(lazy.sealed).toBe(encoded);
    expect(lazy.size).toBe(3);
    expect(lazy.sealed).toBeUndefined();
    expect(entries(lazy)).toEqual(entries(FIELDS));
    expect([...lazy.keys()]).toEqual([4, 0, 2]);
    expect(lazy.get(2)?.get(10)).toBe(1);

    const reads: ((m: LazyPostings) => unknown)[] = [
      (m) => m.get(4)?.get(70_000),
      (m) => m.has(0),
      (m) => [...m.values()].length,
      (m) => [...m.entries()].length,
      (m) => {
        let n = 0;
        m.forEach(() => {
          n++;
        });
        return n;
      },
    ];
    for (const read of reads) {
      const m = new LazyPostings(encoded);
      expect(read(m)).toEqual(read(new LazyPostings(encoded)));
      expect(m.sealed).toBeUndefined();
    }
    expect(reads.map((read) => read(new LazyPostings(encoded)))).toEqual([129, true, 3, 3, 3]);

    // Changes see the saved postings first, as MiniSearch's add and remove expect.
    const changed = new LazyPostings(encoded);
    changed.set(7, new Map([[1, 1]]));
    expect([...changed.keys()]).toEqual([4, 0, 2, 7]);
    const removed = new LazyPostings(encoded);
    expect(removed.delete(0)).toBe(true);
    expect([...removed.keys()]).toEqual([4, 2]);
    expect(entries(decodePostings(encodePostings(removed)))).toEqual(entries(removed));
    const cleared = new LazyPostings(encoded);
    cleared.clear();
    expect(cleared.size).toBe(0);
  });
});
