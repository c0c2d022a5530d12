import { describe, expect, it } from "vitest";
import { expandQuestion } from "../../src/core/qa/expansion.js";
import { englishOrdinal, frenchOrdinal, ordinalFigures, ordinalWordFigure } from "../../src/core/text/ordinals.js";

describe("ordinals as figures and as words", () => {
  it("spells 1–99 in both languages", () => {
    const cases: [number, string, string][] = [
      [1, "first", "premier"],
      [3, "third", "troisième"],
      [5, "fifth", "cinquième"],
      [9, "ninth", "neuvième"],
      [12, "twelfth", "douzième"],
      [21, "twenty-first", "vingt et unième"],
      [40, "fortieth", "quarantième"],
      [70, "seventieth", "soixante-dixième"],
      [80, "eightieth", "quatre-vingtième"],
      [95, "ninety-fifth", "quatre-vingt-quinzième"],
    ];
    for (const [n, en, fr] of cases) {
      expect(englishOrdinal(n)).toBe(en);
      expect(frenchOrdinal(n)).toBe(fr);
      expect(ordinalWordFigure(en)).toBe(String(n));
      expect(ordinalWordFigure(fr)).toBe(String(n));
    }
    expect(englishOrdinal(0)).toBeUndefined();
    expect(frenchOrdinal(100)).toBeUndefined();
    expect(ordinalWordFigure("anniversary")).toBeUndefined();
  });

  it("reads figures written as ordinals, not plain figures or years", () => {
    expect(ordinalFigures("the 40th meeting, le 1er sommet, la 12e session, 2024, 300 troops")).toEqual([
      { figure: "40", words: ["fortieth", "quarantième"] },
      { figure: "1", words: ["first", "premier"] },
      { figure: "12", words: ["twelfth", "douzième"] },
    ]);
  });

  it("widens a question's ordinal figure with its words, and an ordinal word with its figure", () => {
    // As the index reads words: figures apart from letters ("40th" → 40, th).
    const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
    expect(expandQuestion("who opened the 40th session", "en", undefined, words)["40"]).toEqual([
      "fortieth",
      "quarantième",
    ]);
    expect(expandQuestion("qui a ouvert la quarantième session", "fr", undefined, words).quarantième).toEqual(["40"]);
  });
});
