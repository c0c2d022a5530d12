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
    much: ["much", "other"],
    fuel: ["fuel", "noun"],
    can: ["can", "verb"],
    an: ["an", "other"],
    carry: ["carry", "verb"],
    ships: ["ship", "noun"],
    frigates: ["frigate", "noun"],
    which: ["which", "other"],
    city: ["city", "noun"],
    visit: ["visit", "verb"],
    destroyed: ["destroy", "verb"],
    mines: ["mine", "noun"],
    thanks: ["thanks", "noun"],
    charge: ["charge", "noun"],
    cold: ["cold", "adjective"],
    it: ["it", "other"],
    radar: ["radar", "noun"],
    site: ["site", "noun"],
    of: ["of", "other"],
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
    qui: ["qui", "other"],
    dirige: ["diriger", "verb"],
    les: ["le", "other"],
    pilotes: ["pilote", "noun"],
    portugais: ["portugais", "adjective"],
    à: ["à", "other"],
    base: ["base", "noun"],
    combien: ["combien", "other"],
    de: ["de", "other"],
    glissements: ["glissement", "noun"],
    navires: ["navire", "noun"],
    géorgie: ["Géorgie", "proper"],
    carburant: ["carburant", "noun"],
    emporte: ["emporter", "verb"],
    un: ["un", "other"],
    quels: ["quel", "other"],
    quelle: ["quel", "other"],
    ville: ["ville", "noun"],
    a: ["avoir", "verb"],
    visité: ["visiter", "verb"],
    avions: ["avion", "noun"],
    sont: ["être", "verb"],
    mines: ["mine", "noun"],
    détruites: ["détruire", "verb"],
    detruites: ["détruire", "verb"],
    grâce: ["grâce", "noun"],
    grace: ["grâce", "noun"],
    sein: ["sein", "noun"],
    du: ["de", "other"],
    au: ["à", "other"],
    est: ["être", "verb"],
    "l'emplacement": ["emplacement", "noun"],
    radar: ["radar", "noun"],
    comité: ["comité", "noun"],
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
    if (from === "fr" && w === "glissement") return [{ lemma: "slide", pos: "n" }];
    if (from === "fr" && w === "navire") return [{ lemma: "ship", pos: "n" }];
    if (from === "fr" && w === "géorgie") return [{ lemma: "Georgia", pos: "np" }];
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

  it("leaves out the kind of place a question asks for: the answer names the city, not the word", async () => {
    const en = specificWords(await fakeTagger.tag("which city did Radmila Shekerinska visit", "en"), "en", lexicon);
    expect(en.map((w) => w.lemma)).toEqual(["Radmila", "Shekerinska"]);
    const fr = specificWords(await fakeTagger.tag("quelle ville a visité Radmila Shekerinska", "fr"), "fr", lexicon);
    expect(fr.map((w) => w.lemma)).toEqual(["Radmila", "Shekerinska"]);
  });

  it("leaves out the words that only say where: the radar site is where the radar is", async () => {
    const en = specificWords(await fakeTagger.tag("how cold is it at the Latvia radar site", "en"), "en", lexicon);
    expect(en.map((w) => w.lemma)).toEqual(["Latvia", "radar"]);
    const fr = specificWords(await fakeTagger.tag("quelle est l'emplacement du radar en Géorgie", "fr"), "fr", lexicon);
    expect(fr.map((w) => w.lemma)).toEqual(["radar", "Géorgie"]);
  });
});

describe("specificWords: the noun of a preposition of several words is no content", () => {
  it("reads « grâce à » and « au sein de » as prepositions, typed with or without accents", async () => {
    for (const q of ["combien de mines détruites grâce à l'otan", "combien de mines detruites grace a l'otan"]) {
      const words = specificWords(await fakeTagger.tag(q, "fr"), "fr", lexicon);
      expect(
        words.map((w) => w.lemma),
        q,
      ).toEqual(["mine"]);
    }
    const within = specificWords(await fakeTagger.tag("qui dirige les pilotes au sein du comité", "fr"), "fr", lexicon);
    expect(within.map((w) => w.lemma)).toEqual(["pilote", "comité"]);
    // The noun alone is a noun: « la grâce » is no preposition.
    const alone = specificWords(await fakeTagger.tag("combien de mines la grâce", "fr"), "fr", lexicon);
    expect(alone.map((w) => w.lemma)).toEqual(["mine", "grâce"]);
  });

  it('reads "thanks to" and "in charge of" as prepositions', async () => {
    const thanks = specificWords(await fakeTagger.tag("how many mines destroyed thanks to NATO", "en"), "en", lexicon);
    expect(thanks.map((w) => w.lemma)).toEqual(["mine"]);
    const charge = specificWords(await fakeTagger.tag("who is in charge of the mission", "en"), "en", lexicon);
    expect(charge.map((w) => w.lemma)).toEqual(["mission"]);
    const noun = specificWords(await fakeTagger.tag("how many mines is the charge", "en"), "en", lexicon);
    expect(noun.map((w) => w.lemma)).toEqual(["mine", "charge"]);
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

  it("forgives a word no dictionary knows only when no retrieved release has it (a typo, not a name)", async () => {
    // "NCGP" is unknown to the dictionaries: a release of the question's language without it is another conference.
    const q = "when did the NCGP conference meet";
    const named = release("g", "en", "NCGP conference", "The NCGP conference met in October.");
    const other = release("h", "en", "Munich conference", "The Munich conference met in February.");
    expect(ids(await coverage.restrict(retrievalOf([other, named]), q, "en"))).toEqual(["g"]);
    // Nobody has it: a typo or a coined spelling, forgiven as before.
    expect(ids(await coverage.restrict(retrievalOf([other]), q, "en"))).toEqual(["h"]);
    // A release read through its machine translation may spell it otherwise: still forgiven.
    const translated = release("j", "fr", "Conférence", "La conférence s'est réunie en octobre.");
    expect(ids(await coverage.restrict(retrievalOf([translated, named]), q, "en"))).toEqual(["j", "g"]);
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
    // Capitalised only where a sentence opens is no name; but a release that writes the word at all says it is no
    // typo, so the release of the question's language without it is not forgiven either.
    const opening = release("l", "en", "Latvia", "Latvia met partners. Carney was the word of the day.");
    expect(ids(await coverage.restrict(retrievalOf([latviaOnly, opening]), q, "en"))).toEqual(["l"]);
  });

  it("finds an acronym of the question that the release spells out", async () => {
    const spelled = release("i", "en", "Latvia and the United Nations", "Latvia spoke at the United Nations.");
    expect(ids(await coverage.restrict(retrievalOf([spelled]), "when did Latvia and the UN meet", "en"))).toEqual([
      "i",
    ]);
  });

  it("forgives a common noun of a longer question only when some stored release has it, in either language", async () => {
    const lacksBase = { knows: (w: string) => w.toLowerCase() !== "base" };
    const strict = new Coverage({ tagger: fakeTagger, trust: { lexicon }, vocabulary: lacksBase });
    const knowing = new Coverage({ tagger: fakeTagger, trust: { lexicon }, vocabulary: { knows: () => true } });
    const en = release("g", "en", "Portuguese pilots", "The Portuguese pilots trained in Lithuania.");
    const fr = release("j", "fr", "Les pilotes portugais", "Les pilotes portugais se sont entraînés en Lituanie.");
    const asked = {
      en: "who leads the portuguese pilots at the base",
      fr: "qui dirige les pilotes portugais à la base",
    };
    for (const [lang, r] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      expect(ids(await knowing.restrict(retrievalOf([r]), asked[lang], lang))).toEqual([r.id]);
      expect(ids(await strict.restrict(retrievalOf([r]), asked[lang], lang))).toEqual([]);
    }
  });

  it("finds a French noun's English equivalent as the head of an English compound, not a short one", async () => {
    const slides = release("k", "en", "Landslides in Georgia", "Georgia records forty landslides a year.");
    expect(ids(await coverage.restrict(retrievalOf([slides]), "combien de glissements en Géorgie", "fr"))).toEqual([
      "k",
    ]);
    const partnership = release("l", "en", "A partnership with Georgia", "Georgia signed a partnership.");
    expect(ids(await coverage.restrict(retrievalOf([partnership]), "combien de navires en Géorgie", "fr"))).toEqual([]);
  });

  it("counts a name of several words once: no common noun is forgiven beside a name and one noun", async () => {
    const words = specificWords(await fakeTagger.tag("how much fuel can an A330 MRTT carry", "en"), "en", lexicon);
    expect(words.map((w) => [w.lemma, !!w.continues])).toEqual([
      ["fuel", false],
      ["A330", false],
      ["MRTT", true],
    ]);
    const fleet = release("m", "en", "Two new A330 MRTT", "NSPA ordered two A330 MRTT for the fleet.");
    expect(ids(await coverage.restrict(retrievalOf([fleet]), "how much fuel can an A330 MRTT carry", "en"))).toEqual(
      [],
    );
    const flotte = release("n", "fr", "Deux A330 MRTT", "La NSPA a commandé deux A330 MRTT pour la flotte.");
    expect(
      ids(await coverage.restrict(retrievalOf([flotte]), "combien de carburant emporte un A330 MRTT", "fr")),
    ).toEqual([]);
  });

  it("takes a release naming a member of the class for the class noun of the question, not the reverse", async () => {
    const gripens = release("o", "en", "Czech Gripens at Ämari", "Czech Gripens are based at Ämari in Estonia.");
    expect(ids(await coverage.restrict(retrievalOf([gripens]), "quels avions sont à Amari", "fr"))).toEqual(["o"]);
    const frigates = release("p", "en", "Latvia buys frigates", "Latvia bought two frigates.");
    expect(ids(await coverage.restrict(retrievalOf([frigates]), "how many ships did Latvia buy", "en"))).toEqual(["p"]);
    const ships = release("q", "en", "Latvia buys ships", "Latvia bought two ships.");
    expect(ids(await coverage.restrict(retrievalOf([ships]), "how many frigates did Latvia buy", "en"))).toEqual([]);
  });

  it("does not forgive the noun the question asks for, which it may forgive another noun", async () => {
    const words = [
      { surface: "pilots", lemma: "pilot", kind: "common" as const },
      { surface: "base", lemma: "base", kind: "common" as const },
      { surface: "portuguese", lemma: "portuguese", kind: "name" as const },
    ];
    const r = release("r", "en", "Portuguese pilots", "The Portuguese pilots trained in Lithuania.");
    const all = "Portuguese pilots\nThe Portuguese pilots trained in Lithuania.";
    expect(await coverage.covers(r, all, words, "en")).toBe(true);
    expect(await coverage.covers(r, all, [words[0]!, { ...words[1]!, asked: true }, words[2]!], "en")).toBe(false);
  });
});
