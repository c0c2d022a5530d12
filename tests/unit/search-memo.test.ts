import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndexDocument } from "../../src/core/qa/search-index.port.js";
import { IndexSide } from "../../src/infra/qa/index-side.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";

// One retrieval searches the question's own side, then (nothing relevant there) both sides: the memo it carries
// makes the second round reuse the first one's search of the own side, with the same results as without it.

function doc(id: string, lang: "en" | "fr", body: string, title = ""): IndexDocument {
  return { id: `${id}:${lang}`, releaseId: id, lang, date: "2026-01-01", contentHash: id, title, brief: "", body };
}

function index(): MiniSearchIndex {
  const i = new MiniSearchIndex();
  i.rebuild([
    doc("r1", "en", "Allies agreed to deploy 300 troops to the eastern flank.", "Eastern flank"),
    doc("r1", "fr", "Les Alliés ont convenu de déployer 300 militaires sur le flanc est.", "Flanc est"),
    doc("r2", "en", "The agency signed ammunition contracts worth 1.2 billion euros."),
    doc("r2", "fr", "L'agence a signé des contrats de munitions d'une valeur de 1,2 milliard d'euros."),
    doc("r3", "fr", "Les ministres se sont réunis à Bruxelles pour parler de la préparation."),
    doc("r3", "en", "The ministers met in Brussels to talk about preparing."),
  ]);
  return i;
}

afterEach(() => vi.restoreAllMocks());

describe("search memo of one retrieval", () => {
  it("searches the own side once across both rounds, and finds what the rounds find without it", () => {
    const i = index();
    const query = { texts: ["How many troops on the eastern flank?"], limit: 20 };
    const search = vi.spyOn(IndexSide.prototype, "search");
    const plain = [i.searchReleases({ ...query, sides: ["en"] }), i.searchReleases(query)];
    const plainCalls = search.mock.calls.length;
    search.mockClear();
    const memo = i.newSearchMemo();
    const first = i.searchReleases({ ...query, sides: ["en"] }, memo);
    const second = i.searchReleases(query, memo);
    expect([first, second]).toEqual(plain);
    expect(first[0]?.releaseId).toBe("r1");
    // The second round searched the French side only: the English one came from the memo.
    expect(search.mock.calls.length).toBe(plainCalls - 1);
    expect(search.mock.contexts.filter((side) => side === search.mock.contexts[0]).length).toBe(1);
  });

  it("does not reuse a search of another question, nor of the same one with other spellings", () => {
    const i = index();
    const memo = i.newSearchMemo();
    const search = vi.spyOn(IndexSide.prototype, "search");
    i.searchReleases({ texts: ["ammunition contracts"], sides: ["en"] }, memo);
    const before = search.mock.calls.length;
    const other = i.searchReleases({ texts: ["ministers Brussels"], sides: ["en"] }, memo);
    expect(other[0]?.releaseId).toBe("r3");
    const spelled = i.searchReleases(
      { texts: ["ammunition contracts"], sides: ["en"], alternatives: { contracts: ["deals"] } },
      memo,
    );
    expect(spelled[0]?.releaseId).toBe("r2");
    expect(search.mock.calls.length).toBeGreaterThanOrEqual(before + 2);
  });
});
