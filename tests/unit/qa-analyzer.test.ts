import { describe, expect, it } from "vitest";
import { coverageWords, indexTerms, queryTerms, termFor, tokenize } from "../../src/infra/qa/analyzer.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";

describe("Q&A text analysis", () => {
  it("splits on anything that is not a letter or digit, figures apart from units", () => {
    expect(tokenize("l’Agence OTAN (NSPA) : 155mm, a-t-elle")).toEqual([
      "l",
      "Agence",
      "OTAN",
      "NSPA",
      "155",
      "mm",
      "a",
      "t",
      "elle",
    ]);
  });

  it("keeps a designation as one word too, so its letters count: A400M, K9, F-35 (not every 400, 9 or 35)", () => {
    expect(tokenize("quatre A400M et des K9, deux F-35 ; 155mm")).toEqual([
      ...["quatre", "A", "400", "M", "et", "des", "K", "9", "deux", "F", "35", "155", "mm"],
      ...["A400M", "K9", "F35"],
    ]);
    expect(queryTerms("a400m")).toEqual(["a400m"]);
    const index = new MiniSearchIndex();
    index.rebuild(
      [
        ["r1", "Four A400M transport planes were converted into flying intensive care units."],
        ["r2", "The 400 soldiers and 9 helicopters of the brigade arrived."],
      ].map(([id, body]) => ({
        id: `${id}:en`,
        releaseId: id!,
        lang: "en" as const,
        date: "2026-01-01",
        contentHash: id!,
        title: "",
        brief: "",
        body: body!,
      })),
    );
    expect(index.searchReleases({ texts: ["how many a400m were converted"] })[0]?.releaseId).toBe("r1");
    expect(index.searchReleases({ texts: ["combien d'a400m"] })[0]?.releaseId).toBe("r1");
  });

  it("stems each language with its own stemmer, then folds accents", () => {
    expect(termFor("autorisés", "fr")).toBe(termFor("autorisé", "fr"));
    expect(termFor("défense", "fr")).toBe(termFor("defense", "fr"));
    expect(termFor("contracts", "en")).toBe(termFor("contract", "en"));
    // American spellings meet NATO's British ones.
    expect(termFor("authorized", "en")).toBe(termFor("authorised", "en"));
    expect(termFor("defense", "en")).toBe(termFor("defence", "en"));
  });

  it("drops stop words of both languages and question words, but never an acronym", () => {
    for (const w of ["the", "what", "did", "la", "quel", "combien", "a", "l"]) expect(termFor(w, "en")).toBeNull();
    expect(termFor("US", "en")).toBe("us");
    expect(queryTerms("NSPA")).toEqual(["nspa"]);
    expect(queryTerms("contrats").length).toBeGreaterThan(0);
  });

  it("indexes an accented French word under its unaccented spelling's stem too, for questions typed without accents", () => {
    const terms = indexTerms("rénovées", "fr");
    expect(terms).toContain(termFor("rénovées", "fr"));
    for (const typed of ["renovees", "rénovées"]) expect(terms).toContain(termFor(typed, "fr"));
    expect(indexTerms("rénovées", "en")).toEqual([termFor("rénovées", "en")]);
    expect(indexTerms("le", "fr")).toEqual([]);
  });

  it("drops prepositions and auxiliaries in both languages, not only those stopword lists", () => {
    for (const w of ["during", "until", "pendant", "durant", "après", "vont"]) expect(queryTerms(w)).toEqual([]);
    expect(coverageWords("Combien de drones vont voler pendant l'exercice ?").map((w) => w.word)).toEqual([
      "drones",
      "voler",
      "exercice",
    ]);
  });

  it("judges coverage on content words, not on the words every release carries", () => {
    expect(coverageWords("What did NATO say about Patriot missiles?").map((w) => w.word)).toEqual([
      "Patriot",
      "missiles",
    ]);
    expect(coverageWords("Quel montant la NSPA a-t-elle autorisé ?").map((w) => [w.word, w.name])).toEqual([
      ["montant", false],
      ["NSPA", true],
      ["autorisé", false],
    ]);
    expect(new MiniSearchIndex().contentWords("Qu'a dit l'OTAN sur les munitions ?")).toEqual(["munitions"]);
  });
});

describe("MiniSearchIndex at scale: words found in most releases", () => {
  const doc = (i: number, body: string) => ({
    id: `r${i}:en`,
    releaseId: `r${i}`,
    lang: "en" as const,
    date: "2025-01-01",
    contentHash: `h${i}`,
    title: `Release ${i}`,
    brief: "",
    body,
  });

  it("leaves a near-universal word out of the lookup and of the judgement, once the index is large", () => {
    const index = new MiniSearchIndex({ pruneFrom: 10, commonShare: 0.5 });
    const docs = Array.from({ length: 20 }, (_, i) => ({
      ...doc(i, i === 7 ? "defence ammunition Patriot" : "defence production"),
      ...(i < 3 ? { title: `Production report ${i}` } : {}),
    }));
    index.rebuild(docs);
    const [best] = index.searchReleases({ texts: ["defence ammunition"] });
    // "defence" is in every release: the question is judged on "ammunition" alone, which release 7 has.
    expect(best).toMatchObject({ releaseId: "r7", coverage: 1 });
    expect(index.searchReleases({ texts: ["defence ammunition"] })).toHaveLength(1);
    // Nothing specific: only the rarest word is looked up, in titles: the releases about it, not all that mention it.
    const about = index.searchReleases({ texts: ["defence production"], limit: 50 }).map((m) => m.releaseId);
    expect(about.sort()).toEqual(["r0", "r1", "r2"]);
  });

  it("does not let a typo's fuzzy neighbour bring back a common word the large index leaves out", () => {
    const docs = Array.from({ length: 20 }, (_, i) => doc(i, i === 7 ? "defence ammunition" : "defence Patriot"));
    const large = new MiniSearchIndex({ pruneFrom: 10, commonShare: 0.5 });
    large.rebuild(docs);
    // "Patriat" is in no release, so it is a specific word; its fuzzy neighbour "Patriot" is in 19 of 20.
    expect(large.searchReleases({ texts: ["Patriat"], limit: 50 })).toEqual([]);
    expect(large.searchReleases({ texts: ["Patriat ammunition"] }).map((m) => m.releaseId)).toEqual(["r7"]);
    // A word required as written (a quoted phrase) is looked up, common or not.
    expect(large.searchReleases({ texts: ["Patriat"], required: ["Patriot"], limit: 50 })).toHaveLength(19);
    // While the index is small, the typo still finds the word.
    const small = new MiniSearchIndex({ pruneFrom: 1_000 });
    small.rebuild(docs);
    expect(small.searchReleases({ texts: ["Patriat"], limit: 50 })).toHaveLength(19);
  });

  it("answers the same question again from what the side holds now, after every kind of change", async () => {
    const index = new MiniSearchIndex({ pruneFrom: 10, commonShare: 0.5 });
    index.rebuild(Array.from({ length: 20 }, (_, i) => doc(i, i === 7 ? "defence Patriot" : "defence production")));
    const ask = () => index.searchReleases({ texts: ["Patriot"], limit: 50 }).map((m) => m.releaseId);
    expect(ask()).toEqual(["r7"]);
    expect(ask()).toEqual(["r7"]);
    index.replaceRelease("r3", [doc(3, "Patriot batteries")]);
    expect(ask().sort()).toEqual(["r3", "r7"]);
    index.removeRelease("r7");
    expect(ask()).toEqual(["r3"]);
    const saved = await index.snapshot("en");
    index.rebuild([doc(1, "defence production")]);
    expect(ask()).toEqual([]);
    expect(index.restore("en", saved.format, saved.data)).toBe(true);
    expect(ask()).toEqual(["r3"]);
  });

  it("keeps every word while the index is small, and counts documents as they come and go", () => {
    const index = new MiniSearchIndex({ pruneFrom: 1_000 });
    index.rebuild(Array.from({ length: 20 }, (_, i) => doc(i, "defence production")));
    expect(index.searchReleases({ texts: ["defence ammunition"], limit: 50 })).toHaveLength(20);
    index.replaceRelease("r3", [doc(3, "ammunition only")]);
    index.removeRelease("r4");
    expect(index.documentCount).toBe(19);
    expect(index.searchReleases({ texts: ["ammunition"] }).map((m) => m.releaseId)).toEqual(["r3"]);
  });
});

describe("questions typed as in chat", () => {
  it("drops chat spellings of question words and what's-happening verbs, in English", () => {
    expect(coverageWords("whats happening in the Suwalki corridor").map((w) => w.word)).toEqual([
      "Suwalki",
      "corridor",
    ]);
    expect(coverageWords("what is NATO doing in Jordan").map((w) => w.word)).toEqual(["Jordan"]);
  });

  it("drops chat spellings of question words in French", () => {
    expect(coverageWords("pkoi l'OTAN renforce la Roumanie").map((w) => w.word)).toEqual(["renforce", "Roumanie"]);
    expect(coverageWords("koi de prevu en Laponie").map((w) => w.word)).toEqual(["prevu", "Laponie"]);
  });
});
