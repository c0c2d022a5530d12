import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { WordClass } from "../../src/infra/offline/morph-analyser.js";
import { dictionaryNames, type Lexicon, nameRuns } from "../../src/infra/offline/name-protection.js";

// Invented names. What each language's dictionary would say of them: a first name that is a common word in
// one language (French "Violette", English "Olive") and a person's name in the other.
const DICTIONARIES: Record<Lang, Record<string, WordClass>> = {
  en: {
    Violette: "ambiguous",
    Olive: "common",
    Deputy: "common",
    Minister: "common",
    Admiral: "common",
    Exercise: "common",
    Steadfast: "common",
    Harbour: "common",
    Selon: "unknown",
  },
  fr: {
    Violette: "common",
    Olive: "ambiguous",
    Admiral: "unknown",
    Exercise: "unknown",
    Steadfast: "unknown",
    Harbour: "unknown",
    Selon: "common",
  },
};
const lexicon: Lexicon = async (words, lang) => new Map(words.map((w) => [w, DICTIONARIES[lang][w] ?? "unknown"]));

async function kept(text: string, lang: Lang, known: readonly string[] = []): Promise<string[]> {
  const spans = await dictionaryNames(text, nameRuns(text, lang, new Set(known)), lang, lexicon);
  return spans.map((s) => text.slice(s.start, s.end));
}

describe("name protection: a first name that is also a common word", () => {
  it("keeps a French first name the French dictionary has only as a common word", async () => {
    expect(await kept("La ministre déléguée, Violette Brandmeyer, a parlé.", "fr")).toEqual(["Violette Brandmeyer"]);
  });

  it("keeps an English first name the English dictionary has only as a common word, not the titles before it", async () => {
    expect(await kept("He met Deputy Minister Olive Quarnstrom in June.", "en")).toEqual(["Olive Quarnstrom"]);
    expect(await kept("They thanked Admiral Olive Quarnstrom.", "en")).toEqual(["Olive Quarnstrom"]);
  });

  it("keeps the first name of a name that opens the sentence", async () => {
    expect(await kept("Violette Brandmeyer a ouvert la réunion.", "fr")).toEqual(["Violette Brandmeyer"]);
    expect(await kept("Le sommet a commencé. Violette Brandmeyer a parlé.", "fr")).toEqual(["Violette Brandmeyer"]);
    expect(await kept("Olive Quarnstrom opened the meeting.", "en")).toEqual(["Olive Quarnstrom"]);
  });

  it("leaves to MT a common word before a name that no dictionary knows as a name", async () => {
    expect(await kept("Allies joined Exercise Steadfast Harbour Quarnstrom.", "en")).toEqual(["Quarnstrom"]);
    expect(await kept("Selon Brandmeyer, la réunion a commencé.", "fr")).toEqual(["Brandmeyer"]);
    expect(await kept("Exercise Quarnstrom began.", "en")).toEqual(["Quarnstrom"]);
  });
});
