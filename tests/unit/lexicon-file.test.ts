/**
 * The lexicon's cache file (lexicon-file.ts): every word of the tables it was written from is found with its
 * entries in their order, and no other word is, whatever its letters (accents, capitals, symbols, a word named like
 * an object's property), at either end of a table or in the middle.
 */
import { describe, expect, it } from "vitest";
import { lexiconText, readLexiconText } from "../../src/infra/lexicon/lexicon-file.js";

const EN: Record<string, string[]> = {
  summit: ["sommet\tn", "cime\tn"],
  constructor: ["constructeur\tn"],
  "états-unis": ["United States\tnp"],
  zèbre: ["zebra\tn"],
  Zulu: ["zoulou\tn"],
  "a.m.": ["matin\tadv"],
  ally: [],
  œuvre: ["work\tn"],
};

describe("lexicon file", () => {
  it("finds each word written, with its entries in order, and nothing else", () => {
    // As JSON.parse reads a cache: "__proto__" an own word like any other.
    const en = JSON.parse(JSON.stringify(EN).replace("{", '{"__proto__":["proto\\tn"],')) as Record<string, string[]>;
    expect(Object.hasOwn(en, "__proto__")).toBe(true);
    const fr = { sommet: ["summit\tn"] };
    const file = readLexiconText(lexiconText({ format: 2, sources: [{ file: "/x", size: 1, mtimeMs: 2 }], en, fr }));
    expect(file.format).toBe(2);
    expect(file.sources).toEqual([{ file: "/x", size: 1, mtimeMs: 2 }]);
    for (const [word, values] of Object.entries(en)) {
      expect(file.en.has(word)).toBe(true);
      expect(file.en.get(word)).toEqual(values);
    }
    for (const missing of ["", "a", "summits", "Summit", "zz", "\u0000", "toString", "hasOwnProperty", "sommet"])
      expect([missing, file.en.has(missing), file.en.get(missing)]).toEqual([missing, false, undefined]);
    expect(file.fr.get("sommet")).toEqual(["summit\tn"]);
    expect(file.fr.has("summit")).toBe(false);
  });

  it("reads empty tables, and refuses what it did not write", () => {
    const empty = readLexiconText(lexiconText({ format: 2, sources: [], en: {}, fr: {} }));
    expect(empty.en.has("summit")).toBe(false);
    expect(empty.fr.get("sommet")).toBeUndefined();
    expect(() => readLexiconText('{"format":1,"en":{}}')).toThrow(/lexicon file/);
    expect(() => lexiconText({ format: 2, sources: [], en: { "a\nb": ["x\tn"] }, fr: {} })).toThrow(/separator/);
  });
});
