import { describe, expect, it } from "vitest";
import { findDates, isoDate, renderDate } from "../../src/core/text/dates.js";
import { findNames } from "../../src/core/text/names.js";
import { digitRuns, findQuantities, renderQuantity } from "../../src/core/text/quantities.js";
import { splitSentences } from "../../src/core/text/sentences.js";

describe("splitSentences", () => {
  it("ends a sentence after a run of end punctuation, and keeps a run with no sentence after it inside", () => {
    expect(splitSentences("Allies met again... Then they agreed?! Nothing else.")).toEqual([
      "Allies met again...",
      "Then they agreed?!",
      "Nothing else.",
    ]);
    // A long run of dots before a lower-case letter is no boundary (and is read once, not from each dot).
    const dots = `Wait${".".repeat(5_000)}and see. Done.`;
    expect(splitSentences(dots)).toEqual([`Wait${".".repeat(5_000)}and see.`, "Done."]);
  });

  it("keeps French honorifics, initials and closing quotes inside their sentence", () => {
    const s = splitSentences("M. Stoltenberg a parlé. J. Doe a répondu « oui. » Le Conseil s'est réuni.");
    expect(s).toEqual(["M. Stoltenberg a parlé.", "J. Doe a répondu « oui. »", "Le Conseil s'est réuni."]);
  });
  it("does not split decimals or English titles", () => {
    expect(splitSentences("Mr. Rutte said 2.5 per cent. Dr. Smith agreed.")).toEqual([
      "Mr. Rutte said 2.5 per cent.",
      "Dr. Smith agreed.",
    ]);
  });
  it("returns nothing for blank text", () => {
    expect(splitSentences("   ")).toEqual([]);
  });
});

describe("quantities", () => {
  it("reads magnitudes and units in French and renders them in English", () => {
    const [q] = findQuantities("pour un montant d’environ 10 milliards de dollars", "fr");
    expect(q).toMatchObject({ raw: "10 milliards de dollars", value: 10e9, unit: "usd" });
    expect(renderQuantity(q!, "en")).toBe("10 billion dollars");
  });
  it("treats English '$10 billion' and French '10 milliards de dollars' as the same value", () => {
    const [en] = findQuantities("contracts worth $10 billion", "en");
    const [fr] = findQuantities("10 milliards de dollars", "fr");
    expect(en?.value).toBe(fr?.value);
    expect(renderQuantity(en!, "fr")).toBe("10 milliards de dollars");
  });
  it("knows that a French billion is a million million", () => {
    expect(findQuantities("1 billion d'euros", "fr")[0]?.value).toBe(1e12);
  });
  it("parses grouped thousands and decimals per language", () => {
    expect(findQuantities("1 000 soldats et 1,5 %", "fr").map((q) => q.value)).toEqual([1000, 1.5]);
    expect(findQuantities("1,000 troops and 1.5%", "en").map((q) => q.value)).toEqual([1000, 1.5]);
  });
  it("renders millimetre calibres both ways", () => {
    const [en] = findQuantities("155-millimetre ammunition", "en");
    expect(renderQuantity(en!, "fr")).toBe("155 millimètres");
  });
  it("collects digit runs like a reader scanning for figures", () => {
    expect([...digitRuns("10 000 troops in 2024")].sort()).toEqual(["000", "10", "10000", "2024"].sort());
  });
});

describe("dates", () => {
  it("finds French and English dates and renders them in the other language", () => {
    const found = findDates("Ce mardi (13 février 2024), puis en janvier 2023 et le 1er mars 2025.");
    expect(found.map((d) => renderDate(d, "en"))).toEqual(["13 February 2024", "January 2023", "1 March 2025"]);
    expect(isoDate(found[0]!)).toBe("2024-02-13");
  });
  it("reads NATO's legacy 'Sep.' and US order, and rejects impossible days", () => {
    expect(findDates("19 Sep. 2025 and February 13, 2024").map(isoDate)).toEqual(["2025-09-19", "2024-02-13"]);
    expect(findDates("31 February 2024").some((d) => d.day === 31)).toBe(false);
  });
});

describe("findNames", () => {
  it("finds people and acronyms but not sentence starts or institutional words", () => {
    const names = findNames("The Secretary General, Jens Stoltenberg, met Thierry Breton at NATO Headquarters.", "en");
    expect(names.map((n) => n.text)).toEqual(["Jens", "Stoltenberg", "Thierry", "Breton", "NATO"]);
  });
  it("strips French elisions", () => {
    expect(findNames("Le secrétaire général de l’OTAN a reçu M. Breton.", "fr").map((n) => n.text)).toEqual([
      "OTAN",
      "Breton",
    ]);
  });
});
