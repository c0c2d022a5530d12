import { describe, expect, it } from "vitest";
import { remember } from "../../src/core/bounded-map.js";

describe("remember", () => {
  it("keeps at most max entries, forgetting the one set first, and returns the value", () => {
    const map = new Map<string, number>();
    expect(remember(map, "a", 1, 2)).toBe(1);
    remember(map, "b", 2, 2);
    remember(map, "c", 3, 2);
    expect([...map]).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
    // Setting a key it has again forgets nothing.
    remember(map, "c", 4, 2);
    expect([...map]).toEqual([
      ["b", 2],
      ["c", 4],
    ]);
  });
});
