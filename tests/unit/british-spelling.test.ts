import { describe, expect, it } from "vitest";
import { hasWord, wordsOf } from "../../src/core/qa/coverage-text.js";
import { britishSpelling } from "../../src/core/text/british-spelling.js";
import { termFor } from "../../src/infra/qa/analyzer.js";

const same = (a: string, b: string) => expect(britishSpelling(a)).toBe(britishSpelling(b));

describe("one spelling for British and American English", () => {
  it("folds every inflection of an -ize word the way its -ise spelling is written", () => {
    for (const [us, gb] of <[string, string][]>[
      ["organize", "organise"],
      ["organizes", "organises"],
      ["organized", "organised"],
      ["organizing", "organising"],
      ["organizer", "organiser"],
      ["organization", "organisation"],
      ["organizational", "organisational"],
      ["ionize", "ionise"],
      ["ionized", "ionised"],
      ["analyzed", "analysed"],
    ])
      same(us, gb);
  });

  it("leaves words whose -ize is no suffix as they are", () => {
    for (const w of ["size", "sized", "seize", "prize", "citizen", "citizens"]) expect(britishSpelling(w)).toBe(w);
  });

  it("folds -or / -our, -er / -re and -ense / -ence by the stem, with their inflections", () => {
    for (const [us, gb] of <[string, string][]>[
      ["honor", "honour"],
      ["honorable", "honourable"],
      ["armored", "armoured"],
      ["neighboring", "neighbouring"],
      ["behavioral", "behavioural"],
      ["center", "centre"],
      ["centers", "centres"],
      ["centered", "centred"],
      ["kilometers", "kilometres"],
      ["theater", "theatre"],
      ["defense", "defence"],
      ["offenses", "offences"],
      ["licensed", "licenced"],
      ["program", "programme"],
      ["programs", "programmes"],
      ["dialog", "dialogue"],
      ["maneuvers", "manoeuvres"],
      ["maneuvered", "manoeuvred"],
    ])
      same(us, gb);
  });

  it("keeps words of those stems that have one spelling", () => {
    for (const w of [
      "laboratory",
      "laborious",
      "honorary",
      "colonel",
      "diameter",
      "parameter",
      "literature",
      "rigorous",
    ])
      expect(britishSpelling(w)).toBe(w);
  });

  it("gives both spellings one index term and lets coverage find one spelling by the other", () => {
    expect(termFor("standardization", "en")).toBe(termFor("standardisation", "en"));
    expect(termFor("centers", "en")).toBe(termFor("centre", "en"));
    expect(termFor("program", "en")).toBe(termFor("programmes", "en"));
    expect(hasWord(wordsOf("the NATO Space Centre at Ramstein"), "center")).toBe(true);
    expect(hasWord(wordsOf("armored vehicles"), "armoured")).toBe(true);
  });
});
