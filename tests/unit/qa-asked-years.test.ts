import { describe, expect, it } from "vitest";
import type { Release } from "../../src/core/domain/release.js";
import { speaksOfYearsAsked } from "../../src/core/qa/asked-years.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";

/** A retrieval of releases (id → text, and its publication date when it has one), best first. */
function retrieval(releases: Record<string, { text: string; published?: string }>): Retrieval {
  const ids = Object.keys(releases);
  const stored = ids.map((id) => [id, { id, published: releases[id]?.published } as unknown as Release] as const);
  return {
    query: { texts: ["q"], alternatives: {} },
    matches: ids.map((releaseId) => ({ releaseId, contentHash: releaseId, score: 1, coverage: 1 })),
    releases: new Map(stored),
    passages: [],
    weights: new Map(ids.map((id) => [id, 1])),
    texts: new Map(ids.map((id) => [id, releases[id]?.text ?? ""])),
  };
}
const ids = (r: Retrieval) => r.matches.map((m) => m.releaseId);
const in2028 = { from: "2028-01-01", to: "2028-12-31" };

describe("a question that names a year is about that year", () => {
  it("keeps the releases that speak of the year or were published in the range; drops the others", () => {
    const found = retrieval({
      past: { text: "Blue Hatch 2026 ended off Cagliari.", published: "2026-09-11" },
      plans: { text: "The 2028 edition will be held in Gdynia." },
      dated: { text: "The exercise begins on Monday.", published: "2028-05-02" },
    });
    expect(ids(speaksOfYearsAsked(found, "where will Blue Hatch be held in 2028?", in2028))).toEqual([
      "plans",
      "dated",
    ]);
  });

  it("a year inside another figure is not the year; a question without a year changes nothing", () => {
    const found = retrieval({ big: { text: "It costs 120280 euros." }, other: { text: "In 2028 it opens." } });
    expect(ids(speaksOfYearsAsked(found, "how much in 2028?", in2028))).toEqual(["other"]);
    expect(ids(speaksOfYearsAsked(found, "how much in February?", in2028))).toEqual(["big", "other"]);
  });
});
