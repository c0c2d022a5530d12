import { describe, expect, it } from "vitest";
import { containsPhrases, quotedPhrases, releaseText } from "../../src/core/qa/phrases.js";
import { oneLanguageRelease as release } from "../helpers/releases.js";

describe("quoted phrases", () => {
  it("reads phrases in straight, curly and French quotation marks", () => {
    expect(quotedPhrases('Who leads the "Nordic Response" exercise?')).toEqual(["Nordic Response"]);
    expect(quotedPhrases("Who leads “Steadfast Defender”?")).toEqual(["Steadfast Defender"]);
    expect(quotedPhrases("Qui dirige « capacité industrielle » ?")).toEqual(["capacité industrielle"]);
    expect(quotedPhrases("Qui dirige l'OTAN ?")).toEqual([]);
  });

  it("matches a phrase word for word, accents, case and punctuation aside, in English and French", () => {
    expect(containsPhrases("The Nordic-Response exercise began.", ["nordic response"])).toBe(true);
    expect(containsPhrases("The Nordic exercise, a response.", ["nordic response"])).toBe(false);
    expect(containsPhrases("La Capacite industrielle de l'Alliance.", ["capacité industrielle"])).toBe(true);
    expect(containsPhrases("Les capacités industrielles.", ["capacité industrielle"])).toBe(false);
  });

  it("looks for the phrase in every title and paragraph of the release", () => {
    const r = release("a", "fr", "Exercice Nordic Response", "Il commence en mars.");
    expect(containsPhrases(releaseText(r), ["Nordic Response", "en mars"])).toBe(true);
  });
});
