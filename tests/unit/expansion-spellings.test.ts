import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { BilingualLexicon, LexiconEquivalent } from "../../src/core/ports/bilingual-lexicon.port.js";
import { dictionarySpellings, expandQuestion, spellingVariants } from "../../src/core/qa/expansion.js";

const words = (t: string) => t.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];

/** A lexicon of a few entries, `en:word` / `fr:word` → equivalents. */
function lexiconOf(entries: Record<string, LexiconEquivalent[]>): BilingualLexicon {
  const lemmas = (form: string, lang: Lang) => (entries[`${lang}:${form.toLowerCase()}`] ? [form.toLowerCase()] : []);
  return {
    equivalents: (word, from) => entries[`${from}:${word.toLowerCase()}`] ?? [],
    lemmas,
    available: () => true,
  };
}

const lexicon = lexiconOf({
  "en:pipeline": [
    { lemma: "conduite", pos: "n" },
    { lemma: "oléoduc", pos: "n" },
  ],
  "en:iraqi": [{ lemma: "irakien", pos: "adj" }],
  "fr:irakien": [{ lemma: "Iraqi", pos: "adj" }],
  "en:works": [{ lemma: "travaux", pos: "n" }],
});

describe("typos the dictionary knows the word of", () => {
  it("reads a word no release and no dictionary has as the dictionary's word one edit away", () => {
    // The store has the French release's « conduites », not "pipeline".
    const stored = (w: string) => ["conduite", "travaux", "works"].includes(w);
    expect(dictionarySpellings("pipline", "en", lexicon, stored)).toEqual(["pipeline"]);
    const alt = expandQuestion("how long will the pipline works take", "en", { lexicon }, words, stored);
    expect(alt.pipline).toEqual(expect.arrayContaining(["pipeline", "conduite"]));
  });

  it("keeps a word the store has, a short word, and a word whose neighbours the store does not speak of", () => {
    const stored = (w: string) => ["pipline", "conduite"].includes(w);
    expect(expandQuestion("the pipline", "en", { lexicon }, words, stored).pipline).toBeUndefined();
    expect(dictionarySpellings("pipe", "en", lexicon, () => true)).toEqual([]);
    expect(dictionarySpellings("pipline", "en", lexicon, () => false)).toEqual([]);
    // Without the store's vocabulary, no typo is looked for.
    expect(expandQuestion("the pipline", "en", { lexicon }, words).pipline).toBeUndefined();
  });
});

describe("French spellings of names from other alphabets", () => {
  it("writes k or qu before a vowel, k or q at the end, in French only", () => {
    expect(spellingVariants("irakien", "fr")).toContain("iraquien");
    expect(spellingVariants("iraquiennes", "fr")).toContain("irakiennes");
    expect(spellingVariants("irak", "fr")).toContain("iraq");
    expect(spellingVariants("irakien", "en")).toEqual([]);
    expect(spellingVariants("paris", "fr")).toEqual([]);
  });

  it("gives an English nationality both French spellings, and a French one in the other spelling its word", () => {
    expect(expandQuestion("where were iraqi forces trained", "en", { lexicon }, words).iraqi).toEqual(
      expect.arrayContaining(["irakien", "iraquien"]),
    );
    const stored = (w: string) => w.toLowerCase() === "iraqi";
    expect(dictionarySpellings("iraquien", "fr", lexicon, stored)).toEqual(["irakien"]);
    expect(expandQuestion("les forces iraquien", "fr", { lexicon }, words, stored).iraquien).toEqual(
      expect.arrayContaining(["irakien", "Iraqi"]),
    );
  });
});

describe("inflections of known words are no typos", () => {
  const known = lexiconOf({
    "en:large": [{ lemma: "grand", pos: "adj" }],
    "en:lager": [{ lemma: "bière", pos: "n" }],
    "en:big": [{ lemma: "grand", pos: "adj" }],
    "fr:patrouiller": [{ lemma: "patrol", pos: "vblex" }],
    "fr:patrouilles": [{ lemma: "patrols", pos: "n" }],
  });
  const stored = () => true;

  it("leaves an English comparative of a known word as asked", () => {
    expect(dictionarySpellings("larger", "en", known, stored)).toEqual([]);
    expect(dictionarySpellings("bigger", "en", known, stored)).toEqual([]);
    // A word that is no inflection is still read as a typo.
    expect(dictionarySpellings("lagger", "en", known, stored)).toEqual(["lager"]);
  });

  it("leaves a French conjugated verb of a known verb as asked", () => {
    expect(dictionarySpellings("patrouillez", "fr", known, stored)).toEqual([]);
    expect(dictionarySpellings("patrouillrs", "fr", known, stored)).toEqual(["patrouilles"]);
  });
});

describe("French participles and -oir verbs are no typos either", () => {
  const known = lexiconOf({
    "fr:choisir": [{ lemma: "choose", pos: "vblex" }],
    "fr:choisires": [{ lemma: "x", pos: "n" }],
    "fr:recevoir": [{ lemma: "receive", pos: "vblex" }],
    "fr:recit": [{ lemma: "story", pos: "n" }],
    "fr:stationner": [{ lemma: "station", pos: "vblex" }],
    "fr:stationnel": [{ lemma: "x", pos: "n" }],
    "en:receive": [{ lemma: "recevoir", pos: "vblex" }],
    "en:recite": [{ lemma: "réciter", pos: "vblex" }],
  });
  const stored = () => true;

  it("leaves « choisies », « recoit », « stationnees » typed without accents as asked", () => {
    expect(dictionarySpellings("choisies", "fr", known, stored)).toEqual([]);
    expect(dictionarySpellings("recoit", "fr", known, stored)).toEqual([]);
    expect(dictionarySpellings("stationnees", "fr", known, stored)).toEqual([]);
  });

  it('still reads an English typo as one ("recieve" is no inflection)', () => {
    expect(dictionarySpellings("recieve", "en", known, stored)).toEqual(["receive"]);
  });
});
