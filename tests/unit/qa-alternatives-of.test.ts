import { describe, expect, it } from "vitest";
import { alternativesOf } from "../../src/core/qa/coverage.js";

describe("a question word's other spellings, as typed or as read back", () => {
  it("finds a French word typed without accents under its accented reading, and back", () => {
    const typed = { societes: ["entreprises", "companies"] };
    expect(alternativesOf(typed, "sociétés")).toEqual(["entreprises", "companies"]);
    expect(alternativesOf({ sociétés: ["companies"] }, "societes")).toEqual(["companies"]);
  });

  it("finds an English word whatever its case or accents, and nothing for another word", () => {
    expect(alternativesOf({ Naive: ["naïf"] }, "naïve")).toEqual(["naïf"]);
    expect(alternativesOf({ troops: ["militaires"] }, "TROOPS")).toEqual(["militaires"]);
    expect(alternativesOf({ troops: ["militaires"] }, "tanks")).toEqual([]);
  });
});
