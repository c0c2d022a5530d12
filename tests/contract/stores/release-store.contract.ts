import { afterEach, describe, expect, it } from "vitest";
import { brief, draft, type FixtureFactory, type StoreFixture } from "./fixture.js";

/** ReleaseStore: one release per canonical URL or content, briefs cached per key and dropped with old content. */
export function releaseStoreContract(open: FixtureFactory): void {
  describe("ReleaseStore", () => {
    let f: StoreFixture;
    afterEach(async () => f?.close());

    it("stores the same content once, and the same page's new content as an update keeping the id", async () => {
      f = await open();
      const s = f.stores.releases;
      const a = await s.saveRelease(draft("h1", "https://www.nato.int/a"));
      expect(a.outcome).toBe("new");
      expect(await s.saveRelease(draft("h1", "https://www.nato.int/a"))).toMatchObject({
        outcome: "unchanged",
        release: { id: a.release.id },
      });
      await s.saveBrief(brief(a.release.id, "h1"));
      const b = await s.saveRelease(draft("h2", "https://www.nato.int/a", "Allies meet again"));
      expect(b).toMatchObject({ outcome: "updated", release: { id: a.release.id, contentHash: "h2" } });
      expect(b.release.texts.en).toEqual({
        lang: "en",
        title: "Allies meet again",
        paragraphs: ["One.", "Two."],
        url: "https://www.nato.int/a",
        official: true,
      });
      // The old content's brief is gone with it.
      expect(await s.getBrief({ contentHash: "h1", engine: "offline", promptVersion: "1" })).toBeUndefined();
      expect(await s.countReleases()).toBe(1);
    });

    it("finds a release by id, canonical URL and linked URL", async () => {
      f = await open();
      const s = f.stores.releases;
      const { release } = await s.saveRelease(draft("h1", "https://www.nato.int/en/a"));
      await s.linkUrl(release.id, "https://www.nato.int/fr/a", "fr");
      expect((await s.getRelease(release.id))?.contentHash).toBe("h1");
      expect((await s.findByCanonicalUrl("https://www.nato.int/en/a"))?.id).toBe(release.id);
      expect(await s.findByCanonicalUrl("https://www.nato.int/fr/a")).toBeUndefined();
      expect((await s.findByUrl("https://www.nato.int/fr/a"))?.id).toBe(release.id);
      expect(await s.findByUrl("https://www.nato.int/nothing")).toBeUndefined();
      expect(await s.getRelease("nope")).toBeUndefined();
    });

    it("lists newest publication first, by date and by stored time, with a limit", async () => {
      f = await open();
      const s = f.stores.releases;
      await s.saveRelease(draft("h1", undefined, "First", "2024-01-01"));
      f.clock.advance(60_000);
      const cut = f.clock.now().toISOString();
      await s.saveRelease(draft("h2", undefined, "Later", "2024-03-01"));
      await s.saveRelease(draft("h3", undefined, "Middle", "2024-02-01"));
      const titles = (rs: { texts: { en?: { title: string } } }[]) => rs.map((r) => r.texts.en?.title);
      expect(titles(await s.listReleases())).toEqual(["Later", "Middle", "First"]);
      expect(titles(await s.listReleases({ limit: 2 }))).toEqual(["Later", "Middle"]);
      expect(titles(await s.listReleases({ since: "2024-02-01T00:00:00Z" }))).toEqual(["Later", "Middle"]);
      expect(titles(await s.listReleases({ storedSince: cut }))).toEqual(["Later", "Middle"]);
    });

    it("keeps briefs per engine and prompt version; the latest is of the current content", async () => {
      f = await open();
      const s = f.stores.releases;
      const { release } = await s.saveRelease(draft("h1"));
      await s.saveBrief(brief(release.id, "h1", "offline", "2026-01-01T00:00:00.000Z"));
      await s.saveBrief(brief(release.id, "h1", "llm:x", "2026-01-02T00:00:00.000Z"));
      expect((await s.getBrief({ contentHash: "h1", engine: "offline", promptVersion: "1" }))?.en.headline).toBe("h");
      expect(await s.getBrief({ contentHash: "h1", engine: "offline", promptVersion: "2" })).toBeUndefined();
      expect((await s.latestBriefFor(release.id))?.engine).toBe("llm:x");
      // Saving the same key again replaces it.
      await s.saveBrief({ ...brief(release.id, "h1", "offline", "2026-01-03T00:00:00.000Z"), usage: null });
      expect((await s.latestBriefFor(release.id))?.engine).toBe("offline");
      expect(await s.latestBriefFor("nope")).toBeUndefined();
    });

    it("counts briefs and tokens per engine", async () => {
      f = await open();
      const s = f.stores.releases;
      const { release } = await s.saveRelease(draft("h1"));
      const usage = { promptTokens: 100, cachedTokens: 20, completionTokens: 30 };
      await s.saveBrief({ ...brief(release.id, "h1", "llm:x"), usage } as never);
      await s.saveBrief(brief(release.id, "h1", "offline"));
      expect(await s.usageTotals()).toEqual([
        { engine: "llm:x", briefs: 1, promptTokens: 100, cachedTokens: 20, completionTokens: 30 },
        { engine: "offline", briefs: 1, promptTokens: 0, cachedTokens: 0, completionTokens: 0 },
      ]);
    });

    it("refuses a release its schema cannot hold, and keeps what was stored", async () => {
      f = await open();
      const s = f.stores.releases;
      await s.saveRelease(draft("h1"));
      const bad = { ...draft("h2"), sourceLanguage: "de" } as never;
      await expect(s.saveRelease(bad)).rejects.toThrow();
      expect(await s.countReleases()).toBe(1);
    });

    it("two writers saving one new page at once store it once", async () => {
      f = await open();
      const other = await f.other();
      const results = await Promise.all([
        f.stores.releases.saveRelease(draft("h1", "https://www.nato.int/race")),
        other.releases.saveRelease(draft("h1", "https://www.nato.int/race")),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["new", "unchanged"]);
      expect(await other.releases.countReleases()).toBe(1);
    });
  });
}
