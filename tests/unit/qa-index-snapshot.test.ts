/**
 * A side of the search index loaded from its snapshot, then changed (releases whose text changes, releases
 * removed) and saved again, ranks exactly as a fresh index of the same releases: no document frequency of a
 * removed text survives the save, neither MiniSearch's own (postings of discarded documents) nor the query plan's.
 * On a loaded side the removed documents' terms are not known (the whole side is vacuumed); on a built one they are
 * (only their terms are cleaned up).
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { IndexDocument } from "../../src/core/qa/search-index.port.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";

function doc(n: number, body: string, title = `Notice ${n}`, lang: Lang = "en"): IndexDocument {
  return {
    id: `r${n}:${lang}`,
    releaseId: `r${n}`,
    lang,
    date: `2025-01-${String(n + 1).padStart(2, "0")}`,
    contentHash: `h${n}-${body.length}`,
    title,
    brief: "",
    body,
  };
}

// Small enough to build in a test, large enough (pruneFrom) for the query plan to leave common words out.
const OPTIONS = { pruneFrom: 6, commonShare: 0.3 };

const BEFORE = [
  doc(0, "The harbour inspection found damaged cranes at the northern pier."),
  doc(1, "Engineers repaired the harbour lights before the winter storms."),
  doc(2, "A harbour pilot guided the supply ship through the narrow channel."),
  doc(3, "The harbour authority opened a second fuel depot for the fleet."),
  doc(4, "Medical teams trained together at the field hospital near the river."),
  doc(5, "Cyber defenders rehearsed the response to an attack on the power grid."),
  doc(6, "The cranes at the rail yard loaded armoured vehicles onto wagons."),
  doc(7, "Divers cleared old mines from the channel near the coast."),
  doc(8, "A new radar station watches the northern coast and the channel."),
  doc(9, "Logistics officers counted the fuel stored at each depot."),
];

// Releases no change touches: the changed ones are a small part of the index, as they are in a real store.
const UNCHANGED = ["weather", "football", "concert", "library", "garden", "museum", "bakery", "orchestra"].flatMap(
  (topic, i) => [
    doc(10 + 2 * i, `The ${topic} committee met on Monday to plan the spring programme of the ${topic} club.`),
    doc(11 + 2 * i, `Volunteers of the ${topic} club painted the hall and repaired its old windows.`),
  ],
);
BEFORE.push(...UNCHANGED);

/** Releases 0 and 1 removed, 2, 6 and 8 rewritten: what the store holds afterwards. */
const AFTER = [
  doc(2, "A pilot guided the supply ship through the narrow channel at night."),
  ...BEFORE.slice(3, 6),
  doc(6, "The rail yard loaded armoured vehicles and cranes onto wagons for the exercise."),
  BEFORE[7]!,
  // Still about the channel: a release indexed before it (7) must not see the old text counted with the new.
  doc(8, "A new radar station watches the channel and the eastern coast."),
  BEFORE[9]!,
  ...UNCHANGED,
];

/** The changes from BEFORE to AFTER, on one side of `index`. */
function change(index: MiniSearchIndex): void {
  index.removeRelease("r0");
  index.removeRelease("r1");
  for (const d of [AFTER[0]!, AFTER[4]!, AFTER[6]!]) index.replaceRelease(d.releaseId, [d], ["en"]);
}

const QUESTIONS = [
  "harbour inspection cranes",
  "harbour fuel depot",
  "channel pilot",
  "cranes northern pier",
  "fuel depot channel mines",
  "rail yard wagons",
  "radar channel coast",
  "divers coast",
  "garden club windows",
];

function ranking(index: MiniSearchIndex, text: string) {
  return index
    .searchReleases({ texts: [text], sides: ["en"], limit: 20 })
    .map((m) => ({ releaseId: m.releaseId, score: m.score, coverage: m.coverage }))
    .sort((a, b) => a.releaseId.localeCompare(b.releaseId));
}

function expectSameRanking(actual: MiniSearchIndex, fresh: MiniSearchIndex) {
  for (const q of QUESTIONS) {
    const got = ranking(actual, q);
    const want = ranking(fresh, q);
    expect(
      got.map((m) => m.releaseId),
      q,
    ).toEqual(want.map((m) => m.releaseId));
    got.forEach((m, i) => {
      expect(m.score, `${q}: ${m.releaseId}`).toBeCloseTo(want[i]!.score, 9);
      expect(m.coverage, `${q}: ${m.releaseId}`).toBeCloseTo(want[i]!.coverage, 9);
    });
  }
}

async function reloaded(from: MiniSearchIndex): Promise<MiniSearchIndex> {
  const { format, data } = await from.snapshot("en");
  const index = new MiniSearchIndex(OPTIONS);
  expect(index.restore("en", format, data)).toBe(true);
  return index;
}

describe("search index snapshot after changes", () => {
  it("ranks as a fresh index of the same releases once changed releases are saved and loaded again", async () => {
    const built = new MiniSearchIndex(OPTIONS);
    built.rebuild(BEFORE);
    const loaded = await reloaded(built);
    // Changes on a loaded side: the documents' terms are not known to it, only the snapshot's counts.
    change(loaded);

    const fresh = new MiniSearchIndex(OPTIONS);
    fresh.rebuild(AFTER);
    const saved = await reloaded(loaded);
    expect(saved.sideCount("en")).toBe(fresh.sideCount("en"));
    expectSameRanking(saved, fresh);
    // The index that saved it ranks the same too: the save cleaned it up as well.
    expectSameRanking(loaded, fresh);
  });

  it("ranks as a fresh index after changes on a built side, saved and loaded", async () => {
    const built = new MiniSearchIndex(OPTIONS);
    built.rebuild(BEFORE);
    change(built);
    const fresh = new MiniSearchIndex(OPTIONS);
    fresh.rebuild(AFTER);
    expectSameRanking(await reloaded(built), fresh);
  });

  it("leaves a side as it is when a release is re-read unchanged, also after a save and a load", async () => {
    const built = new MiniSearchIndex(OPTIONS);
    built.rebuild(BEFORE);
    const loaded = await reloaded(built);
    expect(loaded.replaceRelease("r3", [BEFORE[3]!], ["en"])).toEqual([]);
    expect(loaded.replaceRelease("r3", [doc(3, "The harbour authority closed the fuel depot.")], ["en"])).toEqual([
      "en",
    ]);
    expect(loaded.removeRelease("r0")).toBeUndefined();
    expect(loaded.replaceRelease("r0", [], ["en"])).toEqual([]);
    expect(loaded.replaceRelease("r4", [BEFORE[4]!])).toEqual([]);
  });
});
