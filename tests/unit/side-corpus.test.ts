import type MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import type { IndexQuery } from "../../src/core/qa/search-index.port.js";
import { BoundedMemo } from "../../src/core/text/bounded-memo.js";
import { evaluate, ranked } from "../../src/infra/qa/bm25-query.js";
import { createMiniSearch, FUZZY, IndexSide } from "../../src/infra/qa/index-side.js";
import { fieldName, planQuery } from "../../src/infra/qa/query-plan.js";
import { type FuzzyNeighbours, sideCorpus } from "../../src/infra/qa/side-corpus.js";
import { seededRandom } from "../helpers/seeded-random.js";

// A side's search evaluated in place (side-corpus.ts + bm25-query.ts) must rank exactly as MiniSearch's own search:
// same documents, order, scores and matched terms, with discarded documents, boosts, fuzzy neighbours and filters.
// Each case runs on two identical indexes (a search drops the discarded postings it meets, on either path).

const WORDS = {
  en: "allies agreed deploy troops eastern flank ammunition contracts agency signed billion euros ministers brussels readiness exercise fighter jets maritime patrol aircraft warships stoltenberg sweden accession baltic".split(
    " ",
  ),
  fr: "alliés convenu déployer militaires flanc est munitions contrats agence signé milliard euros ministres bruxelles préparation exercice avions chasse patrouille maritime navires guerre suède adhésion baltique".split(
    " ",
  ),
};
const STORED = ["releaseId", "date", "contentHash"];

function twins(seed: number): [MiniSearch, MiniSearch, string[]] {
  const rng = seededRandom(seed);
  const words = (lang: "en" | "fr", n: number) =>
    Array.from({ length: n }, () => WORDS[lang][Math.floor(rng() * WORDS[lang].length)]).join(" ");
  const docs = Array.from({ length: 30 + Math.floor(rng() * 40) }, (_, i) => {
    const lang = rng() < 0.5 ? "en" : "fr";
    return {
      id: `d${i}`,
      releaseId: `r${Math.floor(i / 2)}`,
      date: `2026-0${1 + Math.floor(rng() * 9)}-01`,
      contentHash: `h${i}`,
      [fieldName("title", lang)]: words(lang, 3 + Math.floor(rng() * 5)),
      ...(rng() < 0.3 ? { [fieldName("brief", lang)]: words(lang, 8) } : {}),
      [fieldName("body", lang)]: `${words(lang, 10 + Math.floor(rng() * 30))} Stoltenberg`,
    };
  });
  const discarded = docs.filter(() => rng() < 0.15).map((d) => d.id);
  const make = () => {
    const mini = createMiniSearch(STORED);
    mini.addAll(docs);
    for (const id of discarded) mini.discard(id);
    return mini;
  };
  return [make(), make(), discarded];
}

const QUESTIONS: IndexQuery[] = [
  { texts: ["How many troops on the eastern flank?"] },
  { texts: ["Combien de militaires sur le flanc est ?"], alternatives: { militaires: ["troops"] } },
  { texts: ["contracts signed by the agency"], context: ["ammunition"] },
  { texts: ["What did Stoltenbreg say about Sweden?"] },
  { texts: ["avions de patrouille maritime", "maritime patrol aircraft"] },
  { texts: ['"ammunition contracts"'], required: ["ammunition", "contracts"] },
];

describe("a side searched in place ranks as MiniSearch's search", () => {
  it("over sixty indexes with discarded documents, each question with and without fuzzy, boosts and a date filter", () => {
    let compared = 0;
    let results = 0;
    for (let seed = 1; seed <= 60; seed++) {
      for (const [qi, question] of QUESTIONS.entries()) {
        for (const fuzzy of [false, true]) {
          const [a, b] = twins(seed * 31 + qi);
          const plan = planQuery(question, { title: 3, brief: 2, body: 1 });
          // A boost of the kind IndexSide gives: favoured releases, others skipped, a derived term left out.
          const boost = (stored: Record<string, unknown> | undefined, term: string) =>
            term.startsWith("stolten") && term !== "stoltenberg"
              ? 0
              : stored?.releaseId === "r3"
                ? 1.5
                : Number(String(stored?.releaseId).slice(1)) % 7 === 0
                  ? 0
                  : 1;
          const filter = (date: string) => date >= "2026-03-01";
          const expected = a
            .search(plan.query, {
              fuzzy: fuzzy ? FUZZY : false,
              boostDocument: (_id, term, stored) => boost(stored as Record<string, unknown>, term),
              filter: (r) => filter(r.date as string),
            })
            .map((r) => ({ id: r.id, score: r.score, terms: r.queryTerms }));
          const corpus = sideCorpus(b, (term, stored) => boost(stored, term))!;
          const got = ranked(evaluate(corpus, plan.query, { fuzzy: fuzzy ? FUZZY : false }), (doc, score, terms) =>
            filter(corpus.stored(doc)?.date as string) ? { id: corpus.id(doc), score, terms } : undefined,
          );
          expect(got).toEqual(expected);
          compared++;
          results += expected.length;
        }
      }
    }
    expect(compared).toBe(60 * QUESTIONS.length * 2);
    expect(results).toBeGreaterThan(compared * 3);
  });

  it("drops the discarded documents' postings it meets, as MiniSearch's search does", () => {
    const [a, b, discarded] = twins(5);
    expect(discarded.length).toBeGreaterThan(0);
    const plan = planQuery({ texts: ["Stoltenberg"] }, { title: 3, brief: 2, body: 1 });
    a.search(plan.query);
    ranked(evaluate(sideCorpus(b)!, plan.query, {}), (doc, score) => ({ doc, score }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("reads fuzzy neighbours kept from earlier lookups as it reads the radix tree", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const [a, b] = twins(seed);
      const neighbours: FuzzyNeighbours = new BoundedMemo(100);
      for (const question of QUESTIONS) {
        const plan = planQuery(question, { title: 3, brief: 2, body: 1 });
        const search = (corpus: ReturnType<typeof sideCorpus>) =>
          ranked(evaluate(corpus!, plan.query, { fuzzy: FUZZY }), (doc, score, terms) => ({ doc, score, terms }));
        // Twice with the memo: filled, then read (each search cleans the discarded postings it meets, on both twins).
        for (let i = 0; i < 2; i++) expect(search(sideCorpus(b, undefined, neighbours))).toEqual(search(sideCorpus(a)));
      }
      expect(neighbours.size).toBeGreaterThan(0);
    }
  });

  it("forgets the fuzzy neighbours once a document may have added a term", () => {
    const side = new IndexSide(1_000, 0.1);
    const doc = (id: string, body: string) => ({
      id: `${id}:en`,
      releaseId: id,
      lang: "en" as const,
      date: "2026-01-01",
      contentHash: id,
      title: "",
      brief: "",
      body,
    });
    side.add(doc("r1", "Allies agreed to deploy troops."));
    const query = { texts: ["What did Stoltenbreg say?"] };
    const search = () => [
      ...side.search(planQuery(query, { title: 3, brief: 2, body: 1 }, side.stats()), query, true).keys(),
    ];
    expect(search()).toEqual([]);
    side.add(doc("r2", "Jens Stoltenberg spoke in Oslo."));
    expect(search()).toEqual(["r2"]);
    side.clear();
    expect(search()).toEqual([]);
  });

  it("is not used on an engine laid out otherwise", () => {
    expect(sideCorpus({} as MiniSearch)).toBeUndefined();
  });
});
