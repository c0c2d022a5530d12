import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Translator } from "../../src/core/ports/translator.port.js";
import type { WordClass } from "../../src/infra/offline/morph-analyser.js";
import { type Lexicon, PartTranslator } from "../../src/infra/offline/part-translator.js";

/** A translator that returns what it is given: isolates protection, rendering and clean-up from Apertium. */
const identity: Translator = {
  status: async () => ({ available: true, pipeline: "identity" }),
  translate: async (segments: string[], _from: Lang, _to: Lang) => segments,
  close: async () => {},
};
const terms = (text: string, lang: Lang) =>
  [...text.matchAll(lang === "en" ? /\bNATO\b/g : /\bOTAN\b/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    target: lang === "en" ? "OTAN" : "NATO",
    kind: "acronym",
  }));
const translate = (text: string, from: Lang, to: Lang) =>
  new PartTranslator(identity, terms).translatePart({ headline: text, summary: "", keyPoints: [] }, from, to);

describe("PartTranslator", () => {
  it("renders figures, dates and honorifics by rule in the other language", async () => {
    const part = await translate("Le 13 février 2024, M. Breton a parlé de 10 milliards de dollars.", "fr", "en");
    expect(part.headline).toBe("On 13 February 2024, Mr Breton a parlé de 10 billion dollars.");
  });

  it("gives NATO its French article and fixes contractions the MT leaves", async () => {
    const part = await translate('The plan de le NATO. NATO said "we act," en le centre.', "en", "fr");
    expect(part.headline).toBe("The plan de l’OTAN. L’OTAN said « we act », dans le centre.");
  });

  it("keeps 'en la' (\"en la personne de\") as French writes it", async () => {
    const part = await translate("Represented en la personne de Mark Rutte.", "en", "fr");
    expect(part.headline).toContain("en la personne de");
  });
  it("protects a name at the start of a sentence when the brief uses it as a name elsewhere", async () => {
    // Stands in for word-by-word MT that knows "patriot" as a common noun.
    const dictionary: Translator = {
      ...identity,
      translate: async (segments) => segments.map((s) => s.replace(/Patriot/g, "Patriote")),
    };
    const part = await new PartTranslator(dictionary, terms).translatePart(
      { headline: "Allies buy Patriot systems", summary: "Patriot missiles arrive in 2026.", keyPoints: [] },
      "en",
      "fr",
    );
    expect(part.summary).toBe("Patriot missiles arrive in 2026.");
    expect(part.headline).toBe("Allies buy Patriot systems");
  });

  it("with a dictionary, protects people's names only: titles before them and places are left to MT", async () => {
    // What Apertium's English analyser says of these words.
    const classes: Record<string, WordClass> = {
      Admiral: "common",
      Rob: "ambiguous",
      Bauer: "unknown",
      Joint: "common",
      Meeting: "common",
      Brussels: "place",
      Peach: "common",
      Stuart: "name",
    };
    const lexicon: Lexicon = async (words) => new Map(words.map((w) => [w, classes[w] ?? "unknown"]));
    const seen: string[] = [];
    const spy: Translator = {
      ...identity,
      translate: async (segments) => {
        seen.push(...segments);
        return segments;
      },
    };
    await new PartTranslator(spy, terms, { lexicon }).translatePart(
      { headline: "Admiral Rob Bauer saw Stuart Peach at a Joint Meeting in Brussels.", summary: "", keyPoints: [] },
      "en",
      "fr",
    );
    // "Rob Bauer" and "Stuart Peach" are placeholders; "Admiral", "Joint Meeting" and "Brussels" reach MT.
    expect(seen[0]).toBe("Admiral ZXQ0ZX saw ZXQ1ZX at a Joint Meeting in Brussels.");
  });

  it("with a dictionary, writes in lower case the English capitals French does not use", async () => {
    const lexicon: Lexicon = async (words) =>
      new Map(words.map((w) => [w, (["Ministre", "Général"].includes(w) ? "common" : "unknown") as WordClass]));
    const part = await new PartTranslator(identity, terms, { lexicon }).translatePart(
      { headline: "Le Ministre et le Général Dupont ont rencontré l'OTAN.", summary: "", keyPoints: [] },
      "en",
      "fr",
    );
    expect(part.headline).toBe("Le ministre et le général Dupont ont rencontré l’OTAN.");
  });
});
