import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { IndexDocument } from "../../src/core/qa/search-index.port.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";

const doc = (releaseId: string, lang: Lang, title: string, body: string): IndexDocument => ({
  id: `${releaseId}:${lang}`,
  releaseId,
  lang,
  date: "2026-03-01",
  contentHash: `h-${releaseId}`,
  title,
  brief: "",
  body,
});

describe("MiniSearchIndex: release ranking across the two sides", () => {
  it("ranks a release that has every word of the question above one that repeats some of them", () => {
    const index = new MiniSearchIndex();
    index.rebuild([
      doc("bridges", "en", "Road news", "Bridge repairs began. The bridge repairs went on."),
      doc("budget", "en", "Harbour works", "Harbour works went on all year; the bridge repairs cost 12 million euros."),
      ...["Air patrols", "Naval drills", "Cyber training"].map((t, i) => doc(`other${i}`, "en", t, `${t} went on.`)),
    ]);
    const [first] = index.searchReleases({ texts: ["What did the bridge repairs cost?"], sides: ["en"] });
    expect(first?.releaseId).toBe("budget");
    expect(first?.coverage).toBe(1);
  });

  it("reads a release published in the other language on both sides: its own words count, not only its translation's", () => {
    const index = new MiniSearchIndex();
    index.rebuild([
      // An English release with two of the question's three words, twice each.
      doc(
        "radars",
        "en",
        "Radar contract signed",
        "The radar contract was signed. The contract covers radar stations.",
      ),
      // A French release: its stored English translation misses "worth", its French text has « valeur ».
      doc("fuel", "fr", "Contrat de carburant", "Le contrat de carburant, d'une valeur de 40 millions, est signé."),
      doc("fuel", "en", "Fuel contract", "The fuel contract, of an amount of 40 millions, is signed."),
    ]);
    const query = { texts: ["How much is the fuel contract worth?"], alternatives: { worth: ["valeur"] } };
    const own = index.searchReleases({ ...query, sides: ["en"] });
    expect(own[0]?.releaseId).toBe("fuel");
    expect(own[0]?.coverage).toBe(1);
  });

  it("searches the other side only for the releases its own side found", () => {
    const index = new MiniSearchIndex();
    index.rebuild([
      doc("a", "en", "Fuel depot", "A new fuel depot opened."),
      doc("b", "fr", "Dépôt", "Un dépôt de carburant a ouvert."),
    ]);
    const ids = index.searchReleases({ texts: ["fuel depot"], alternatives: { depot: ["dépôt"] }, sides: ["en"] });
    expect(ids.map((m) => m.releaseId)).toEqual(["a"]);
  });

  it("keeps a follow-up with the release the conversation is about, though it repeats few of the question's words", () => {
    const index = new MiniSearchIndex();
    index.rebuild([
      doc("course", "en", "Diving course opens", "The diving course for engineers opens in May and lasts three weeks."),
      doc("other", "en", "Sailing", "Each sailing session lasts long."),
    ]);
    const query = { texts: ["how long does each session last"], context: ["what diving course opens for engineers?"] };
    expect(index.searchReleases({ ...query, sides: ["en"] })[0]?.releaseId).toBe("other");
    const favoured = index.searchReleases({ ...query, favour: new Set(["course"]), sides: ["en"] });
    expect(favoured[0]?.releaseId).toBe("course");
  });
});
