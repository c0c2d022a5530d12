import { describe, expect, it } from "vitest";
import { regExpsOnUse, unicodeBoundaries, withUnicodeBoundaries } from "../../src/core/text/regexp.js";

// The boundary as it was first written, four classes for every `\b`: what the shorter forms must match the same as.
const FULL = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
const full = (re: RegExp) => new RegExp(re.source.replaceAll(String.raw`\b`, FULL), re.flags);

const PATTERNS: RegExp[] = [
  /\bhow long\b|\bhow many (?:years|months|weeks|days|hours)\b|\buntil when\b/u,
  /\bcombien de (?:temps|jours|semaines|mois|ans|années)\b|\bjusqu[’']?(?:à|a) quand\b|\bdurée\b/u,
  /\boù\b|\bdans quel(?:le)?s? (?:pays|ville|région|lieu)\b|\bà quel endroit\b/iu,
  /\b(?:\d+|one|two|un|une)[\s-]+(?:years?|ans?|années?)\b|\bfrom \d{1,2}(?: \p{L}+)? to \d{1,2}\b/iu,
  /\bs?elle\b|\bé*t[ée]\b|\b\u00e9t\u00e9\b|\b\x41\b|\b\p{Lu}\p{L}+\b|\b[\p{L}]+\b/gu,
];
const TEXTS = [
  "How long did the mission last? Until when, and how many days?",
  "Combien de temps durera la mission ? Jusqu'à quand ? Sa durée : trois ans, jusqu’a quand.",
  "Où ? Dans quelle ville, à quel endroit : Bordeaux, ou Nice. OÙ DONC ? Dans QUELS pays ?",
  "It lasts two years, from 3 to 12 May; elle dure deux années, du 1er au 3 juin. 12ans, onetwo years.",
  "Elle a été là cet été, selle et sel. Été 2024. A, Alpha, l'Été, ÉTÉ, étés.",
  "durées, adurée, 2durée, durée2, howlong, où2, 3où, _où, où_",
];

describe("unicodeBoundaries", () => {
  it("bounds English words by any letter, accented or not", () => {
    const re = unicodeBoundaries(/\bhow long\b/u);
    expect(re.test("How long? how long")).toBe(true);
    expect(re.test("show longer")).toBe(false);
    expect(re.test("éhow long")).toBe(false);
    expect(re.test("how longé")).toBe(false);
  });

  it("bounds French words that begin or end with an accent, where \\b would not", () => {
    expect(unicodeBoundaries(/\boù\b/u).test("Où est-ce ? où")).toBe(true);
    expect(unicodeBoundaries(/\boù\b/u).test("oùe")).toBe(false);
    expect(unicodeBoundaries(/\bdurée\b/u).test("la durée du mandat")).toBe(true);
    expect(unicodeBoundaries(/\bdurée\b/u).test("les durées")).toBe(false);
    expect(unicodeBoundaries(/\bété\b/iu).test("Cet ÉTÉ-là")).toBe(true);
  });

  it("matches exactly what the four-class boundary matches, in English and French", () => {
    for (const re of PATTERNS) {
      const g = (r: RegExp) => new RegExp(r.source, r.flags.includes("g") ? r.flags : `${r.flags}g`);
      for (const text of TEXTS) {
        const mine = [...text.matchAll(g(unicodeBoundaries(re)))].map((m) => [m.index, m[0]]);
        const theirs = [...text.matchAll(g(full(re)))].map((m) => [m.index, m[0]]);
        expect(mine, `${re} on ${text}`).toEqual(theirs);
      }
    }
  });

  it("writes one class beside a letter of the pattern, and the whole boundary elsewhere", () => {
    expect(withUnicodeBoundaries(String.raw`\bwhen\b`)).toBe(String.raw`(?<![\p{L}\p{N}])when(?![\p{L}\p{N}])`);
    expect(withUnicodeBoundaries(String.raw`\bquand\b`)).toBe(String.raw`(?<![\p{L}\p{N}])quand(?![\p{L}\p{N}])`);
    // An optional letter, a group, an escape and a class decide nothing: the full boundary stays.
    for (const source of [String.raw`\bs?x`, String.raw`\b(?:a)`, String.raw`\u0020\b`, String.raw`[a]\b`])
      expect(withUnicodeBoundaries(source)).toContain(FULL);
    // A `\b` inside a class is a backspace, not a boundary.
    expect(withUnicodeBoundaries(String.raw`[\b]`)).toBe(String.raw`[\b]`);
  });
});

describe("regExpsOnUse", () => {
  it("builds each regex the first time it is read, once, and never one that is not read", () => {
    const built: string[] = [];
    const rules = regExpsOnUse({
      en: () => {
        built.push("en");
        return unicodeBoundaries(/\bwhere\b/u);
      },
      fr: () => {
        built.push("fr");
        return unicodeBoundaries(/\boù\b/u);
      },
    });
    expect(built).toEqual([]);
    expect(Object.keys(rules)).toEqual(["en", "fr"]);
    const first = rules.fr;
    expect(rules.fr).toBe(first);
    expect(first.test("Et où est-ce ?")).toBe(true);
    expect(rules.fr.test("cou")).toBe(false);
    expect(built).toEqual(["fr"]);
    expect(rules.en.source).toBe(unicodeBoundaries(/\bwhere\b/u).source);
    expect(built).toEqual(["fr", "en"]);
  });
});
