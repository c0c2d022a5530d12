import { describe, expect, it } from "vitest";
import type { Release } from "../../src/core/domain/release.js";
import type { BilingualLexicon, LexiconEquivalent } from "../../src/core/ports/bilingual-lexicon.port.js";
import { detailBinds, detailWords, readings } from "../../src/core/qa/detail-binding.js";
import { releasePassages } from "../../src/core/qa/passages.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import { formsOf } from "../../src/core/qa/sentence-binding.js";
import type { SpecificWord } from "../../src/core/qa/specific-words.js";
import { oneLanguageRelease as release } from "../helpers/releases.js";

/** A small two-way dictionary: each entry an English word, its French equivalent and their part of speech. */
const ENTRIES: [string, string, LexiconEquivalent["pos"]][] = [
  ["office", "bureau", "n"],
  ["sensor", "capteur", "n"],
  ["network", "réseau", "n"],
  ["mediator", "médiateur", "n"],
  ["start", "début", "n"],
  ["start", "commencer", "vblex"],
  ["programme", "programme", "n"],
];
const lexicon: BilingualLexicon = {
  equivalents: (word, from, to) => {
    if (from === to) return [];
    const w = word.toLowerCase().replace(/s$/u, "");
    return ENTRIES.filter(([en, fr]) => (from === "en" ? en : fr) === w).map(([en, fr, pos]) => ({
      lemma: to === "en" ? en : fr,
      pos,
    }));
  },
  lemmas: () => [],
  available: () => true,
};

const common = (surface: string, lemma = surface): SpecificWord => ({ surface, lemma, kind: "common" });
const forms = (lang: "en" | "fr") => (w: SpecificWord) => formsOf(w, lang, { lexicon });

function sentence(r: Release, words: string): Passage {
  const found = releasePassages(r).find((p) => p.text.includes(words));
  if (!found) throw new Error(`no sentence with ${words}`);
  return found;
}

const japan = release(
  "j",
  "en",
  "NATO and Japan deepen their partnership",
  "NATO and Japan agreed a new partnership programme in Tokyo on 27 January 2026.",
  "The programme covers cyber defence, space and maritime security. Delegates of both sides met twice in 2025.",
  "Ministers also discussed defence industry. Japan has kept a liaison office at NATO headquarters since 2019.",
);

describe("detailWords", () => {
  it("keeps the nouns of a question that asks for something, not a verb the question does", () => {
    const words = [common("office"), common("start"), { surface: "Japan", lemma: "Japan", kind: "name" as const }];
    expect(detailWords(words, "date", "en", lexicon).map((w) => w.surface)).toEqual(["office"]);
  });

  it("holds no detail for a question that asks for no kind of answer, or without a dictionary", () => {
    expect(detailWords([common("office")], "any", "en", lexicon)).toEqual([]);
    const none: BilingualLexicon = { equivalents: () => [], lemmas: () => [], available: () => false };
    expect(detailWords([common("office")], "date", "en", none)).toEqual([]);
  });

  it("leaves out words no dictionary knows (a typo, a coined word): the coverage check forgives those", () => {
    expect(detailWords([{ ...common("heatstrok"), unknown: true }], "figure", "en", lexicon)).toEqual([]);
  });
});

describe("detailBinds", () => {
  const office = [common("office")];

  it("declines a date of the release that is far from the office the release speaks of elsewhere", () => {
    // "When did NATO open an office in Japan?": the programme's date is not when the office opened.
    const programme = sentence(japan, "met twice in 2025");
    expect(detailBinds(office, programme, japan, { forms: forms("en") })).toBe(false);
  });

  it("accepts the sentence that says the detail, or the one just before or after it", () => {
    expect(detailBinds(office, sentence(japan, "since 2019"), japan, { forms: forms("en") })).toBe(true);
    // The sentence right before the one with the office.
    expect(detailBinds(office, sentence(japan, "defence industry"), japan, { forms: forms("en") })).toBe(true);
  });

  it("takes the title and the lead sentence as said near every sentence: the release is about them", () => {
    const programme = [common("programme")];
    expect(detailBinds(programme, sentence(japan, "since 2019"), japan, { forms: forms("en") })).toBe(true);
  });

  it("leaves a detail the release never says to the coverage check (it may say it otherwise)", () => {
    const embassy = [common("embassy")];
    expect(detailBinds(embassy, sentence(japan, "met twice in 2025"), japan, { forms: forms("en") })).toBe(true);
  });

  it("reads a French question's detail in an English release through the dictionary", () => {
    const bureau = [common("bureau")];
    expect(detailBinds(bureau, sentence(japan, "met twice in 2025"), japan, { forms: forms("fr") })).toBe(false);
    expect(detailBinds(bureau, sentence(japan, "since 2019"), japan, { forms: forms("fr") })).toBe(true);
  });

  it("reads an English question's detail in a French release, and in the sentence a stored translation renders", () => {
    const georgia = release(
      "g",
      "fr",
      "La Géorgie teste un système d'alerte",
      "Le programme SPS finance en Géorgie un projet d'alerte aux glissements de terrain.",
      "Le projet a un budget de 1,4 million d'euros et durera trois ans.",
      "Les chercheurs ont testé plusieurs modèles en 2025. Un réseau de capteurs sera installé dans trois vallées.",
    );
    const budget = sentence(georgia, "budget de 1,4 million");
    const translated: Passage = {
      ...budget,
      id: "g:en:translation:1",
      lang: "en",
      kind: "translation",
      title: "Georgia tests a warning system",
      text: "The project has a budget of 1.4 million euros and will last three years.",
      original: { lang: "fr", text: budget.text },
    };
    const sensors = [common("sensors", "sensor")];
    // "How much does Georgia pay for the sensor network?": the sensors are two sentences on.
    expect(detailBinds(sensors, translated, georgia, { forms: forms("en") })).toBe(false);
    const installed = sentence(georgia, "réseau de capteurs");
    expect(detailBinds(sensors, installed, georgia, { forms: forms("en") })).toBe(true);
  });
});

describe("readings", () => {
  it("reads the neighbourhood and the whole release in the language the sentence was published in", () => {
    const { near, whole } = readings(sentence(japan, "met twice in 2025"), japan);
    expect(near).toContain("partnership programme in Tokyo");
    expect(near).toContain("defence industry");
    expect(near).not.toContain("liaison office");
    expect(whole).toContain("liaison office");
  });
});
