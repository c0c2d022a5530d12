import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import type { BilingualLexicon } from "../../src/core/ports/bilingual-lexicon.port.js";
import {
  noPosTagger,
  type PartOfSpeech,
  type PosTagger,
  type TaggedWord,
} from "../../src/core/ports/pos-tagger.port.js";
import { Coverage } from "../../src/core/qa/coverage.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";
import { specificWords } from "../../src/core/qa/specific-words.js";
import { oneLanguageRelease } from "../helpers/releases.js";

// A tagger that knows a few words per language (lemma and part of speech); the others are unknown.
const WORDS: Record<Lang, Record<string, [string, PartOfSpeech]>> = {
  en: {
    how: ["how", "other"],
    many: ["many", "other"],
    gliders: ["glider", "noun"],
    glider: ["glider", "noun"],
    did: ["do", "verb"],
    latvia: ["Latvia", "proper"],
    buy: ["buy", "verb"],
    bought: ["buy", "verb"],
    the: ["the", "other"],
    drones: ["drone", "noun"],
    nato: ["NATO", "proper"],
    allies: ["ally", "noun"],
    when: ["when", "other"],
    is: ["be", "verb"],
    mission: ["mission", "noun"],
    to: ["to", "other"],
    a: ["a", "other"],
    planned: ["plan", "verb"],
    in: ["in", "other"],
    and: ["and", "other"],
    portuguese: ["portuguese", "noun"],
    pilots: ["pilot", "noun"],
    trained: ["train", "verb"],
    at: ["at", "other"],
    base: ["base", "noun"],
    who: ["who", "other"],
    leads: ["lead", "verb"],
    un: ["UN", "proper"],
    meet: ["meet", "verb"],
  },
  fr: {
    la: ["le", "other"],
    mission: ["mission", "noun"],
    partira: ["partir", "verb"],
    en: ["en", "other"],
    mars: ["mars", "noun"],
    vers: ["vers", "other"],
    lune: ["lune", "noun"],
    "l'otan": ["OTAN", "proper"],
  },
};
const fakeTagger: PosTagger = {
  available: async () => true,
  tag: async (text, lang) =>
    (text.match(/[\p{L}\p{N}'-]+/gu) ?? []).map((surface): TaggedWord => {
      const known = WORDS[lang][surface.toLowerCase()];
      if (known) return { surface, lemma: known[0], pos: known[1] };
      return { surface, lemma: surface, pos: /^\d+$/u.test(surface) ? "numeral" : "unknown" };
    }),
  close: async () => {},
};
const lexicon: BilingualLexicon = {
  equivalents: (word, from) => {
    const w = word.toLowerCase();
    if (from === "en" && (w === "glider" || w === "gliders")) return [{ lemma: "planeur", pos: "n" }];
    if (from === "en" && w === "latvia") return [{ lemma: "Lettonie", pos: "np" }];
    if (from === "en" && w === "portuguese") return [{ lemma: "portugais", pos: "n" }];
    if (from === "fr" && w === "portugais") return [{ lemma: "Portuguese", pos: "adj" }];
    if (from === "en" && w === "mars") return [{ lemma: "Mars", pos: "np" }];
    return [];
  },
  lemmas: () => [],
  available: () => true,
};

const release = oneLanguageRelease;

function retrievalOf(releases: Release[]): Retrieval {
  const text = (r: Release) =>
    Object.values(r.texts)
      .map((t) => [t!.title, ...t!.paragraphs].join("\n"))
      .join("\n");
  return {
    query: { texts: [], alternatives: {} },
    matches: releases.map((r) => ({ releaseId: r.id, contentHash: r.id, score: 1, coverage: 1 })),
    releases: new Map(releases.map((r) => [r.id, r])),
    passages: releases.map((r) => ({
      passage: { id: `${r.id}:p`, releaseId: r.id, lang: r.sourceLanguage, kind: "body", title: "", text: text(r) },
      score: 1,
      coverage: 1,
      matched: 2,
      matchedName: true,
    })) as Retrieval["passages"],
    weights: new Map(releases.map((r) => [r.id, 1])),
    texts: new Map(releases.map((r) => [r.id, text(r)])),
  };
}

const ids = (r: Retrieval) => r.matches.map((m) => m.releaseId);

describe("specificWords", () => {
  it("keeps nouns, names and figures by lemma, not verbs, grammar words or the field's generic words", async () => {
    const words = specificWords(
      await fakeTagger.tag("How many gliders did NATO Allies buy in 12 months", "en"),
      "en",
      lexicon,
    );
    expect(words.map((w) => [w.lemma, w.kind])).toEqual([
      ["glider", "common"],
      ["12", "figure"],
    ]);
  });
});

describe("Coverage", () => {
  const coverage = new Coverage({ tagger: fakeTagger, trust: { lexicon } });

  it("keeps only the releases that speak of every specific word of a short question", async () => {
    const about = release("a", "en", "Latvia receives gliders", "Latvia bought four gliders in May.");
    const near = release("b", "en", "Latvia receives drones", "Latvia bought four drones in May.");
    const out = await coverage.restrict(retrievalOf([near, about]), "how many gliders did Latvia buy", "en");
    expect(ids(out)).toEqual(["a"]);
    expect(out.passages.map((p) => p.passage.releaseId)).toEqual(["a"]);
  });

  it("finds a word in the other language through the lexicon («planeurs» for gliders)", async () => {
    const fr = release("c", "fr", "La Lettonie reçoit des planeurs", "La Lettonie a acheté quatre planeurs.");
    expect(ids(await coverage.restrict(retrievalOf([fr]), "how many gliders did Latvia buy", "en"))).toEqual(["c"]);
  });

  it("does not take a common word of the other language for the question's name (the month « mars »)", async () => {
    const month = release("d", "fr", "La mission vers la lune", "La mission partira en mars.");
    expect(ids(await coverage.restrict(retrievalOf([month]), "when is the mission to Mars planned", "en"))).toEqual([]);
    const planet = release("e", "en", "A mission to Mars", "The mission to Mars is planned for 2030.");
    expect(ids(await coverage.restrict(retrievalOf([planet]), "when is the mission to Mars planned", "en"))).toEqual([
      "e",
    ]);
  });

  it("reads a question once: coverage and the sentence binding of one answer share the tagging", async () => {
    const asked: string[] = [];
    const counting: PosTagger = {
      ...fakeTagger,
      tag: (text, lang) => {
        asked.push(text);
        return fakeTagger.tag(text, lang);
      },
    };
    const once = new Coverage({ tagger: counting, trust: { lexicon } });
    const first = await once.questionWords("how many gliders did Latvia buy", "en");
    const again = await once.questionWords("how many gliders did Latvia buy", "en");
    expect(again).toEqual(first);
    expect(asked.filter((t) => t === "how many gliders did Latvia buy")).toHaveLength(1);
    await once.questionWords("how many drones did Latvia buy", "en");
    expect(asked.filter((t) => t.includes("drones"))).toHaveLength(1);
  });

  it("changes nothing without a tagger", async () => {
    const near = release("b", "en", "Latvia receives drones", "Latvia bought four drones in May.");
    const off = new Coverage({ tagger: noPosTagger, trust: { lexicon } });
    expect(ids(await off.restrict(retrievalOf([near]), "how many gliders did Latvia buy", "en"))).toEqual(["b"]);
  });

  it("asks a follow-up about the names of the question it continues", async () => {
    const elsewhere = release("f", "en", "Gliders for Estonia", "Estonia bought six gliders.");
    const follow = await coverage.restrict(retrievalOf([elsewhere]), "and gliders", "en", {
      text: "how many drones did Latvia buy",
      lang: "en",
    });
    expect(ids(follow)).toEqual([]);
    expect(ids(await coverage.restrict(retrievalOf([elsewhere]), "and gliders", "en"))).toEqual(["f"]);
  });

  it("holds a nationality to the release like a name, and forgives one common noun of a longer question", async () => {
    const words = specificWords(
      await fakeTagger.tag("who leads the portuguese pilots at the base", "en"),
      "en",
      lexicon,
    );
    expect(words.map((w) => [w.lemma, w.kind])).toEqual([
      ["portuguese", "name"],
      ["pilot", "common"],
      ["base", "common"],
    ]);
    const noBase = release("g", "en", "Portuguese pilots", "The Portuguese pilots trained in Lithuania.");
    const noNationality = release("h", "en", "Pilots at the base", "Danish pilots trained at the base.");
    const out = await coverage.restrict(
      retrievalOf([noBase, noNationality]),
      "who leads the portuguese pilots at the base",
      "en",
    );
    expect(ids(out)).toEqual(["g"]);
  });

  it("forgives one word no dictionary knows, unless a stored release writes it as a name", async () => {
    const q = "when did latvia and carney meet";
    const latviaOnly = release("j", "en", "Latvia and Estonia", "Latvia and Estonia met in Riga.");
    // A typo or a coined spelling is forgiven: no release writes "carney" as a name.
    expect(ids(await coverage.restrict(retrievalOf([latviaOnly]), q, "en"))).toEqual(["j"]);
    // A name a stored release writes ("Mark Carney") is someone the question asks about: a release without him is
    // not an answer; the release with him is.
    const carney = release("k", "en", "Latvia and Canada", "In Latvia, Mr Rutte met Prime Minister Mark Carney.");
    expect(ids(await coverage.restrict(retrievalOf([latviaOnly, carney]), q, "en"))).toEqual(["k"]);
    // Capitalised only where a sentence opens is no name.
    const opening = release("l", "en", "Latvia", "Latvia met partners. Carney was the word of the day.");
    expect(ids(await coverage.restrict(retrievalOf([latviaOnly, opening]), q, "en"))).toEqual(["j", "l"]);
  });

  it("finds an acronym of the question that the release spells out", async () => {
    const spelled = release("i", "en", "Latvia and the United Nations", "Latvia spoke at the United Nations.");
    expect(ids(await coverage.restrict(retrievalOf([spelled]), "when did Latvia and the UN meet", "en"))).toEqual([
      "i",
    ]);
  });
});
