import { describe, expect, it } from "vitest";
import { asksSuperlative, ranks } from "../../src/core/qa/focus-superlative.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { pickForExtract } from "../../src/core/qa/selection.js";
import { sentence as passage } from "../helpers/releases.js";

describe("superlative questions prefer the sentence that ranks", () => {
  it("asks which ranks first or last, in both languages, accents or not", () => {
    expect(asksSuperlative("which country sends the most soldiers?")).toBe(true);
    expect(asksSuperlative("Which ally gets the largest share?")).toBe(true);
    expect(asksSuperlative("quel pays envoie le plus de troupes ?")).toBe(true);
    expect(asksSuperlative("quels pays paient le moins")).toBe(true);
    expect(asksSuperlative("which country hosts the exercise?")).toBe(false);
    expect(asksSuperlative("combien de pays de plus ?")).toBe(false);
  });

  it("a sentence ranks with a superlative, or the sentence it translates does", () => {
    expect(ranks(passage("Norway provides the largest contingent, with 3,100 soldiers.", "en"))).toBe(true);
    expect(ranks(passage("La Pologne recevra la plus grande part, soit dix systèmes.", "fr"))).toBe(true);
    expect(ranks(passage("C’est l’Allemagne qui fournit le contingent le plus important.", "fr"))).toBe(true);
    expect(ranks(passage("Some 9,000 troops from 14 countries began the exercise.", "en"))).toBe(false);
    const translated: Passage = {
      ...passage("Poland will receive the part bigger, that is to say ten systems.", "en"),
      kind: "translation",
      original: { lang: "fr", text: "La Pologne recevra la plus grande part, soit dix systèmes." },
    };
    expect(ranks(translated)).toBe(true);
  });
});

describe("the extract of a superlative question", () => {
  it("quotes first the sentence that ranks, though another matches more of the question", () => {
    const match = (text: string, matched: number, score: number): PassageMatch => ({
      passage: { ...passage(text, "en"), id: `r:en:body:${matched}` },
      score,
      coverage: 0.8,
      matched,
      matchedName: false,
    });
    const counts = match("Some 9,000 troops from 14 countries began Nordic Bastion.", 4, 30);
    const ranking = match("Norway provides the largest contingent, with 3,100 soldiers.", 2, 10);
    const prefer = (m: PassageMatch) => ranks(m.passage);
    expect(pickForExtract([counts, ranking], undefined, undefined, () => true, undefined, prefer)[0]).toBe(ranking);
    expect(pickForExtract([counts, ranking])[0]).toBe(counts);
  });
});
