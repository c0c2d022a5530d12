/**
 * The search index saved as arrays (compact-index.ts) loads back into an engine that ranks exactly as the one
 * saved: same documents, stored fields, scores for exact, fuzzy and prefix searches, and same later additions;
 * through MiniSearch's maps (its version 7) and through its public serialisation (any other version), either way.
 */
import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { compactIndex, loadCompactIndex, termsPerDocument } from "../../src/infra/qa/compact-index.js";
import { LazyPostings } from "../../src/infra/qa/posting-lists.js";

const STORED = ["releaseId", "date"];
const OPTIONS: Options = { fields: ["title", "body"], storeFields: STORED };

function built(): MiniSearch {
  const mini = new MiniSearch(OPTIONS);
  mini.addAll([
    { id: "a", releaseId: "r1", date: "2026-01-02", title: "Harbour inspection", body: "Cranes damaged at the pier" },
    { id: "b", releaseId: "r2", date: "2026-01-03", title: "Les plongeurs", body: "Le port est de nouveau ouvert" },
    {
      id: "c",
      releaseId: "r3",
      date: "2026-01-04",
      title: "Radar station",
      body: "The harbour radar watches the coast",
    },
    { id: "d", title: "No stored fields", body: "harbour harbour pilot" },
  ]);
  mini.discard("c");
  return mini;
}

const ranking = (mini: MiniSearch, q: string, options = {}) =>
  mini.search(q, options).map((r) => [r.id, r.score, r.releaseId, r.date, [...r.terms].sort()]);

const SEARCHES: [string, object][] = [
  ["harbour pilot", {}],
  ["harbor", { fuzzy: 0.2 }],
  ["plong", { prefix: true }],
  ["port ouvert", {}],
];

describe("compact search index", () => {
  for (const save of [true, false])
    for (const load of [true, false])
      it(`ranks as the index it was saved from (saved ${save ? "directly" : "publicly"}, loaded ${load ? "directly" : "publicly"})`, () => {
        const original = built();
        const data = JSON.parse(JSON.stringify(compactIndex(original, STORED, save)));
        const loaded = loadCompactIndex(data, OPTIONS, STORED, load);
        expect(loaded.documentCount).toBe(original.documentCount);
        expect(loaded.dirtCount).toBe(original.dirtCount);
        for (const [q, o] of SEARCHES) expect(ranking(loaded, q, o)).toEqual(ranking(original, q, o));
        expect(loaded.has("a") && !loaded.has("c")).toBe(true);
        // Later changes go on from the same ids.
        for (const mini of [original, loaded]) mini.add({ id: "e", releaseId: "r5", title: "Pilot boats", body: "" });
        expect(ranking(loaded, "pilot")).toEqual(ranking(original, "pilot"));
      });

  it("writes the same arrays either way, and lists each live document's terms", () => {
    const mini = built();
    expect(compactIndex(mini, STORED, false)).toEqual(compactIndex(mini, STORED, true));
    const terms = termsPerDocument(compactIndex(mini, STORED));
    expect(terms.get("d")?.sort()).toEqual(["fields", "harbour", "no", "pilot", "stored"]);
    // A discarded document's postings stay until a vacuum, but it is no longer a document.
    expect(terms.has("c")).toBe(false);
  });

  it("decodes a term's postings when a search reads it, and saves the terms never read as they were loaded", () => {
    const saved = JSON.parse(JSON.stringify(compactIndex(built(), STORED)));
    const loaded = loadCompactIndex(saved, OPTIONS, STORED);
    const index = (loaded as unknown as { _index: Iterable<[string, Map<number, unknown>]> })._index;
    const opened = () =>
      [...index]
        .filter(([, fields]) => !(fields instanceof LazyPostings) || fields.sealed === undefined)
        .map(([term]) => term);
    expect(opened()).toEqual([]);
    loaded.search("pilot");
    expect(opened()).toEqual(["pilot"]);
    // The engine's tree lists its terms in an order of its own: compared term by term.
    const byTerm = (c: typeof saved) => new Map(c.terms.map((t: string, i: number) => [t, c.postings[i]]));
    const again = JSON.parse(JSON.stringify(compactIndex(loaded, STORED)));
    expect({ ...again, terms: [], postings: [] }).toEqual({ ...saved, terms: [], postings: [] });
    expect(byTerm(again)).toEqual(byTerm(saved));
  });

  it("refuses data of another shape", () => {
    const data = compactIndex(built(), STORED);
    expect(() => loadCompactIndex({ ...data, ids: data.ids.slice(1) }, OPTIONS, STORED)).toThrow(/compact/);
    expect(() => loadCompactIndex({ ...data, terms: undefined } as never, OPTIONS, STORED)).toThrow(/compact/);
    expect(() => loadCompactIndex({} as never, OPTIONS, STORED)).toThrow(/compact/);
    // The format before (compact-1) kept each term's postings as an array of numbers: rebuilt, never misread.
    const numbers = { ...data, postings: data.postings.map(() => [0, 1, 0, 1]) };
    expect(() => loadCompactIndex(numbers as never, OPTIONS, STORED)).toThrow(/compact/);
  });
});
