import { describe, expect, it } from "vitest";
import type { IndexDocument } from "../../src/core/qa/search-index.port.js";
import { queryTerms, termFor } from "../../src/infra/qa/analyzer.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";
import { oneEditAway } from "../../src/infra/qa/spelling.js";

describe("typos in questions", () => {
  it("makes the spellings one edit away that are cheap to look up: swapped neighbours, a letter too many", () => {
    const near = oneEditAway("hangrar");
    for (const w of ["hangarr", "hangar", "hangra", "angrar"]) expect(near).toContain(w);
    expect(near).not.toContain("hangrar");
    expect(near.length).toBeLessThanOrEqual(2 * "hangrar".length);
    expect(oneEditAway("fuel")).toEqual([]);
  });

  it("offers the index's words for a word it does not know, and nothing for one it knows", () => {
    const doc = (id: string, body: string): IndexDocument => ({
      id: `${id}:en`,
      releaseId: id,
      lang: "en",
      date: "2026-01-10",
      contentHash: id,
      title: "Depot",
      brief: "",
      body,
    });
    const index = new MiniSearchIndex();
    index.rebuild([doc("a", "The new hangar holds six aircraft."), doc("b", "A second hangar opened in the north.")]);
    const spellings = index.spellings("hangra");
    expect(spellings).toHaveLength(1);
    expect(queryTerms(spellings[0]!)).toContain(termFor("hangar", "en"));
    expect(index.spellings("hangar")).toEqual([]);
    expect(index.spellings("zzzzzz")).toEqual([]);
  });

  it("knows the words of the store, stems aside, on either side, and not the words it lacks", () => {
    const index = new MiniSearchIndex();
    index.rebuild([
      {
        id: "a:en",
        releaseId: "a",
        lang: "en",
        date: "2026-01-10",
        contentHash: "a",
        title: "Depot",
        brief: "",
        body: "The hangars hold six aircraft.",
      },
      {
        id: "b:fr",
        releaseId: "b",
        lang: "fr",
        date: "2026-01-10",
        contentHash: "b",
        title: "Dépôt",
        brief: "",
        body: "Les voitures blindées sont arrivées.",
      },
    ]);
    expect(index.knows("hangar")).toBe(true);
    expect(index.knows("voiture")).toBe(true);
    expect(index.knows("migration")).toBe(false);
    expect(index.knows("cuisine")).toBe(false);
  });
});
