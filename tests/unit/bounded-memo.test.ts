import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../src/core/text/bounded-memo.js";

describe("BoundedMemo", () => {
  it("computes a key once, keeps null results, and forgets the oldest once full", () => {
    const memo = new BoundedMemo<string | null>(3);
    let calls = 0;
    const compute = (k: string) => {
      calls++;
      return k === "stop" ? null : k.toUpperCase();
    };
    expect(memo.get("a", compute)).toBe("A");
    expect(memo.get("a", compute)).toBe("A");
    expect(memo.get("stop", compute)).toBeNull();
    expect(memo.get("stop", compute)).toBeNull();
    expect(calls).toBe(2);
    memo.get("b", compute);
    expect(memo.size).toBe(3);
    // Full: the next new key forgets the first one set ("a"), so the memory stays bounded.
    memo.get("c", compute);
    expect(memo.size).toBe(3);
    memo.get("stop", compute);
    expect(calls).toBe(4);
    memo.get("a", compute);
    expect(calls).toBe(5);
  });
});
