import { describe, expect, it } from "vitest";
import type { Release } from "../../src/core/domain/release.js";
import type { BilingualLexicon } from "../../src/core/ports/bilingual-lexicon.port.js";
import type { PosTagger, TaggedWord } from "../../src/core/ports/pos-tagger.port.js";
import { Coverage } from "../../src/core/qa/coverage.js";
import { questionFocus } from "../../src/core/qa/focus.js";
import { releasePassages } from "../../src/core/qa/passages.js";
import type { Passage } from "../../src/core/qa/qa-types.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";
import { bindingOf, sentenceBinds } from "../../src/core/qa/sentence-binding.js";
import type { SpecificWord } from "../../src/core/qa/specific-words.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";
import { oneLanguageRelease } from "../helpers/releases.js";

const name = (lemma: string, extra: Partial<SpecificWord> = {}): SpecificWord => ({
  surface: lemma.toLowerCase(),
  lemma,
  kind: "name",
  ...extra,
});
const common = (lemma: string): SpecificWord => ({ surface: lemma, lemma, kind: "common" });

const release = oneLanguageRelease;

/** The release's body passage that says `words`. */
function sentence(r: Release, words: string): Passage {
  const found = releasePassages(r).find((p) => p.text.includes(words));
  if (!found) throw new Error(`no sentence with ${words}`);
  return found;
}

const gliders = release(
  "g",
  "en",
  "Baltic Allies receive training gliders",
  "Estonia leads a joint Baltic order for training gliders, signed on 3 May.",
  "Latvia will receive the first twelve gliders in June. Lithuania ordered eight more. They will be delivered in 2027.",
);

describe("sentenceBinds", () => {
  it("declines a sentence whose figure is about another country than the one asked about", () => {
    const words = [common("glider"), name("Lithuania")];
    expect(sentenceBinds(words, sentence(gliders, "twelve gliders"), gliders, "en")).toBe(false);
    expect(sentenceBinds(words, sentence(gliders, "eight more"), gliders, "en")).toBe(true);
  });

  it("takes the sentence before it, the title and the lead sentence as its context", () => {
    // "They will be delivered in 2027" follows the sentence about Lithuania's order.
    expect(sentenceBinds([name("Lithuania")], sentence(gliders, "delivered in 2027"), gliders, "en")).toBe(true);
    // Estonia is named in the lead sentence only: the release is about it as a whole.
    expect(sentenceBinds([name("Estonia")], sentence(gliders, "eight more"), gliders, "en")).toBe(true);
    const other = release("o", "en", "Exercise in the north", "Troops arrived on Monday.", "Norway hosts them.");
    expect(sentenceBinds([name("Sweden")], sentence(other, "Norway hosts"), other, "en")).toBe(false);
  });

  it("holds only names the dictionary knows: common nouns, figures and unknown words are the release's to cover", () => {
    const s = sentence(gliders, "eight more");
    expect(
      sentenceBinds([common("simulator"), { surface: "2031", lemma: "2031", kind: "figure" }], s, gliders, "en"),
    ).toBe(true);
    expect(sentenceBinds([name("Kaunass", { unknown: true })], s, gliders, "en")).toBe(true);
  });

  it("finds a name in its other-language spelling and in the sentence a stored translation translates", () => {
    const fr = release("f", "fr", "Des planeurs pour les Alliés baltes", "La Lituanie a commandé huit planeurs.");
    const lexicon: BilingualLexicon = {
      equivalents: (word, from) => (from === "en" && word === "Lithuania" ? [{ lemma: "Lituanie", pos: "np" }] : []),
      lemmas: () => [],
      available: () => true,
    };
    const translated: Passage = {
      id: "f:en:translation:0",
      releaseId: "f",
      lang: "en",
      kind: "translation",
      title: "Gliders for the Baltic Allies",
      text: "The Lithuania ordered eight gliders.",
      original: { lang: "fr", text: "La Lituanie a commandé huit planeurs." },
    };
    expect(sentenceBinds([name("Lithuania")], sentence(fr, "huit"), fr, "en", { lexicon })).toBe(true);
    expect(sentenceBinds([name("Lithuania")], sentence(fr, "huit"), fr, "en")).toBe(false);
    expect(sentenceBinds([name("Lituanie")], translated, fr, "fr")).toBe(true);
  });
});

describe("sentenceBinds with the glossary", () => {
  const { terms } = createTrustTools(loadGlossary());

  it("takes a nationality as said by its country, and a country by its people", () => {
    const congress = release(
      "c",
      "en",
      "Secretary General addresses Congress",
      "NATO Secretary General Jens Stoltenberg addressed a joint meeting of the United States Congress on Wednesday.",
    );
    const s = sentence(congress, "joint meeting");
    // « le congrès américain »: the sentence says the country.
    const american = name("américain", { surface: "americain" });
    expect(sentenceBinds([american], s, congress, "fr")).toBe(false);
    expect(sentenceBinds([american], s, congress, "fr", { terms })).toBe(true);
    const visit = release("v", "fr", "Visite", "Le ministre a rencontré des soldats polonais à Varsovie.");
    const poland = name("Poland");
    expect(sentenceBinds([poland], sentence(visit, "polonais"), visit, "en")).toBe(false);
    expect(sentenceBinds([poland], sentence(visit, "polonais"), visit, "en", { terms })).toBe(true);
    // Another country is not said by the nationality asked.
    expect(sentenceBinds([name("Spain")], sentence(visit, "polonais"), visit, "en", { terms })).toBe(false);
  });

  it("takes an acronym typed in lower case as said by its other forms", () => {
    const coalition = release(
      "i",
      "fr",
      "Coalition",
      "L’OTAN est membre de la Coalition mondiale contre Daech depuis 2017.",
    );
    const s = sentence(coalition, "Daech");
    expect(sentenceBinds([name("isis")], s, coalition, "en", { terms })).toBe(true);
    expect(sentenceBinds([name("isis")], s, coalition, "en")).toBe(false);
  });
});

describe("bindingOf", () => {
  const tagger: PosTagger = {
    available: async () => true,
    tag: async (text) =>
      (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(
        (surface): TaggedWord =>
          /^(?:Lithuania|Latvia)$/iu.test(surface)
            ? { surface, lemma: surface, pos: "proper" }
            : { surface, lemma: surface.toLowerCase(), pos: surface === "gliders" ? "noun" : "other" },
      ),
    close: async () => {},
  };
  const lexicon: BilingualLexicon = {
    equivalents: (word) => (/^gliders?$/u.test(word) ? [{ lemma: "planeur", pos: "n" }] : []),
    lemmas: () => [],
    available: () => true,
  };
  const passages = releasePassages(gliders).map((passage) => ({
    passage,
    score: 1,
    coverage: 1,
    matched: 2,
    matchedName: true,
  }));
  const retrieval = {
    query: { texts: [], alternatives: {} },
    matches: [],
    releases: new Map([[gliders.id, gliders]]),
    passages,
    weights: new Map(),
  } as unknown as Retrieval;

  it("keeps the sentences that name what the question names", async () => {
    const coverage = new Coverage({ tagger, trust: { lexicon } });
    const binds = await bindingOf(coverage, "how many gliders did Lithuania order", "en", retrieval, lexicon);
    expect(passages.filter(binds).map((m) => m.passage.text)).toEqual([
      "Lithuania ordered eight more.",
      "They will be delivered in 2027.",
    ]);
  });

  it("with the question's focus, keeps only the sentences whose figure is in the part about the country asked", async () => {
    const order = release(
      "s",
      "en",
      "Baltic Allies order missiles",
      "Latvia, Estonia and Germany take part; Germany placed the largest order, with 500 missiles.",
      "Latvia ordered 120 missiles.",
    );
    const countries: BilingualLexicon = {
      equivalents: (word) =>
        /^(?:latvia|germany|estonia)$/iu.test(word)
          ? [{ lemma: word, pos: "np" }]
          : lexicon.equivalents(word, "en", "fr"),
      lemmas: () => [],
      available: () => true,
    };
    const all = releasePassages(order).map((passage) => ({ ...passages[0], passage }) as (typeof passages)[number]);
    const r = { ...retrieval, releases: new Map([[order.id, order]]), passages: all } as Retrieval;
    const coverage = new Coverage({ tagger, trust: { lexicon: countries } });
    const question = "how many missiles did Latvia order";
    const focus = questionFocus(question, "en");
    const { terms } = createTrustTools(loadGlossary());
    const binds = await bindingOf(coverage, question, "en", r, countries, focus, terms);
    const texts = all.filter((m) => m.passage.kind === "body" && binds(m)).map((m) => m.passage.text);
    expect(texts).toEqual(["Latvia ordered 120 missiles."]);
  });

  it("binds nothing without the tagger", async () => {
    const binds = await bindingOf(undefined, "how many gliders did Lithuania order", "en", retrieval);
    expect(passages.every(binds)).toBe(true);
  });
});
