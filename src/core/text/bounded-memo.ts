import { remember } from "../bounded-map.js";

/**
 * Results of a pure function of a string, at most `limit` of them (the first set is forgotten first, see
 * bounded-map.ts): text repeats its words, and a question's passages their sentences, so stems and analyses are worth
 * keeping, but never without bound in a process that reads text for months. Unlike `map.get(k) ?? remember(…)`, a
 * null result (a stop word has no stem) is kept too.
 */
export class BoundedMemo<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => T): T {
    const known = this.values.get(key);
    return known !== undefined ? known : remember(this.values, key, compute(key), this.limit);
  }

  get size(): number {
    return this.values.size;
  }
}
