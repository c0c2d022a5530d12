import { describe, expect, it } from "vitest";
import { CHRF_DEFAULTS, chrfScore, chrfStats, corpusChrf, describeChrf } from "../../bench/translation/chrf.js";

const sentence = (h: string, r: string, beta = 2) => chrfScore(chrfStats(h, r), { ...CHRF_DEFAULTS, beta });

describe("chrF (sacrebleu's definition)", () => {
  it("is 100 for an identical line and 0 when no character is shared", () => {
    expect(sentence("Niemand hat die Absicht", "Niemand hat die Absicht")).toBe(100);
    expect(sentence("abcdefg", "hijklmnop")).toBe(0);
    expect(sentence("", "reference")).toBe(0);
  });

  it("ignores whitespace entirely", () => {
    expect(sentence("a b c", "abc")).toBe(100);
  });

  it("averages precision and recall over the orders both sides reach, then takes F-beta", () => {
    // "aa"/"ab": unigrams P = R = 1/2, bigrams P = R = 0, no higher orders → P = R = 1/4 for any β.
    expect(sentence("aa", "ab")).toBeCloseTo(25, 10);
    expect(sentence("aa", "ab", 3)).toBeCloseTo(25, 10);
    // "ab"/"abc": unigrams P = 1, R = 2/3; bigrams P = 1, R = 1/2 → P = 1, R = 7/12; F2 = 5·(7/12)/(4 + 7/12) = 7/11.
    expect(sentence("ab", "abc")).toBeCloseTo(700 / 11, 10);
    // Recall weighs more than precision with β = 2: the reverse pair (P = 7/12, R = 1) scores higher.
    expect(sentence("abc", "ab")).toBeCloseTo((100 * 5 * (7 / 12)) / (4 * (7 / 12) + 1), 10);
  });

  it("sums the statistics over the corpus before scoring", () => {
    // Unigrams only: 1 of 2 matched on each side → 50, not the mean of the lines' scores (100 and 0).
    expect(corpusChrf(["a", "b"], ["a", "c"])).toBeCloseTo(50, 10);
  });

  it("counts code points, so an accented letter is one character", () => {
    // Unigrams match 1 of 3 ("t"), no bigram or trigram matches: P = R = 1/9.
    expect(sentence("été", "ete")).toBeCloseTo(100 / 9, 10);
  });

  it("gives sacrebleu's published scores for its documented examples", () => {
    expect(
      sentence(
        "The relationship between Obama and Netanyahu is not exactly friendly.",
        "The ties between Obama and Netanyahu are not particularly friendly.",
      ),
    ).toBeCloseTo(61.576379378113785, 9);
    expect(
      corpusChrf(
        [
          "The relationship between cats and dogs is not exactly friendly.",
          "a good bookshop is just a genteel black hole that knows how to read.",
        ],
        [
          "The relationship between dogs and cats is not exactly friendly.",
          "A good bookshop is just a genteel Black Hole that knows how to read.",
        ],
      ),
    ).toBeCloseTo(84.64214891738334, 9);
  });

  it("refuses unaligned lines and states its parameters", () => {
    expect(() => corpusChrf(["a"], [])).toThrow(/aligned/);
    expect(describeChrf()).toContain("character n-grams 1..6, word n-grams 0, β = 2");
  });
});
