import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import type { PartOfSpeech, PosTagger, TaggedWord } from "../../src/core/ports/pos-tagger.port.js";
import { WordUsage } from "../../src/core/qa/word-usage.js";
import { oneLanguageRelease as release } from "../helpers/releases.js";

// The homographs the check is for: the French month « mars » and the English planet, « Nice » the city and "nice".
const WORDS: Record<Lang, Record<string, PartOfSpeech>> = {
  en: { mars: "proper", the: "other", mission: "noun", to: "other", nice: "adjective", a: "other", day: "noun" },
  fr: { mars: "noun", la: "other", mission: "noun", partira: "verb", en: "other", nice: "proper", à: "other" },
};
const calls: string[] = [];
const tagger: PosTagger = {
  available: async () => true,
  tag: async (text, lang) => {
    calls.push(text);
    return (text.match(/[\p{L}\p{N}'-]+/gu) ?? []).map(
      (surface): TaggedWord => ({ surface, lemma: surface, pos: WORDS[lang][surface.toLowerCase()] ?? "unknown" }),
    );
  },
  close: async () => {},
};

describe("WordUsage.sameKindSomewhere", () => {
  const usage = new WordUsage(tagger);

  it("does not take the French month « mars » for the planet an English question names", async () => {
    const month = release("d", "fr", "La mission", "La mission partira en mars.");
    expect(await usage.sameKindSomewhere(month, ["Mars"], "name", "en")).toBe(false);
  });

  it("does not take the English planet for the month a French question asks about", async () => {
    const planet = release("e", "en", "The mission", "The mission to Mars.");
    expect(await usage.sameKindSomewhere(planet, ["mars"], "common", "fr")).toBe(false);
  });

  it("takes a name used as a name in the other language: « Nice » the city, Nice in an English question", async () => {
    const city = release("f", "fr", "La mission", "La mission partira à Nice.");
    expect(await usage.sameKindSomewhere(city, ["Nice"], "name", "en")).toBe(true);
    const adjective = release("g", "en", "A day", "A nice day.");
    expect(await usage.sameKindSomewhere(adjective, ["Nice"], "name", "fr")).toBe(false);
  });

  it("holds nothing against a release of the question's own language, and tags each sentence once", async () => {
    const own = release("h", "fr", "La mission", "La mission partira en mars.");
    expect(await usage.sameKindSomewhere(own, ["Mars"], "name", "fr")).toBe(true);
    const month = release("i", "fr", "Le mois", "Elle partira en mars, en mars.");
    calls.length = 0;
    await usage.sameKindSomewhere(month, ["Mars"], "name", "en");
    await usage.sameKindSomewhere(month, ["Mars"], "name", "en");
    expect(calls).toEqual(["Elle partira en mars, en mars."]);
  });
});

describe("WordUsage.spellsOut", () => {
  const usage = new WordUsage(tagger);
  const twoLanguages = (id: string, en: string, fr: string): Release => ({
    ...release(id, "en", "Talks", en),
    texts: {
      en: { lang: "en", title: "Talks", paragraphs: [en], official: true },
      fr: { lang: "fr", title: "Entretiens", paragraphs: [fr], official: true },
    },
  });

  it("finds an English acronym the release spells out, in either language", async () => {
    expect(usage.spellsOut(release("a", "en", "Talks", "Latvia spoke at the United Nations."), "UN")).toBe(true);
    expect(usage.spellsOut(release("b", "en", "Talks", "Latvia spoke at the meeting."), "UN")).toBe(false);
  });

  it("finds a French acronym the release spells out, and not a word too long to be one", async () => {
    const fr = release("c", "fr", "Entretiens", "La Lettonie a parlé à l'Union européenne.");
    expect(usage.spellsOut(fr, "UE")).toBe(true);
    expect(usage.spellsOut(fr, "ONU")).toBe(false);
    const both = twoLanguages("d", "Allies met.", "Les Alliés ont parlé avec l'Organisation des Nations unies.");
    expect(usage.spellsOut(both, "onu")).toBe(true);
    expect(usage.spellsOut(both, "Lettonie")).toBe(false);
  });
});
