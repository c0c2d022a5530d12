import { describe, expect, it } from "vitest";
import type { IndexDocument } from "../../src/core/qa/search-index.port.js";
import { queryTerms, termFor } from "../../src/infra/qa/analyzer.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";
import { oneEditAway } from "../../src/infra/qa/spelling.js";

describe("typos in questions", () => {
  it("makes the spellings one edit away: swapped neighbours, a letter missing, extra or wrong", () => {
    const near = oneEditAway("hangra");
    for (const w of ["hangar", "hanga", "hangrar", "hangrb"]) expect(near).toContain(w);
    expect(near).not.toContain("hangra");
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
});
