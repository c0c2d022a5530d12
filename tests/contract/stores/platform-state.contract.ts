import { afterEach, describe, expect, it } from "vitest";
import type { FixtureFactory, StoreFixture } from "./fixture.js";

/** InstallationRecordStore, BriefRejectionStore, SourceStateStore. */
export function platformStateContract(open: FixtureFactory): void {
  let f: StoreFixture;
  afterEach(async () => f?.close());

  describe("InstallationRecordStore", () => {
    it("saves an installation, replaces it keeping its install time, lists oldest first, removes", async () => {
      f = await open();
      const i = f.stores.installations;
      const base = { platform: "slack", isEnterpriseInstall: false, keyId: "k1", sealed: "sealed-1" };
      expect(await i.save({ ...base, installKey: "T1", teamId: "T1", name: "One", botUserId: "U1" })).toBe("created");
      f.clock.advance(1000);
      expect(await i.save({ ...base, installKey: "E1", enterpriseId: "E1", isEnterpriseInstall: true })).toBe(
        "created",
      );
      const first = await i.get("slack", "T1");
      f.clock.advance(1000);
      expect(await i.save({ ...base, installKey: "T1", teamId: "T1", keyId: "k2", sealed: "sealed-2" })).toBe(
        "updated",
      );
      const replaced = await i.get("slack", "T1");
      expect(replaced).toMatchObject({
        keyId: "k2",
        sealed: "sealed-2",
        installedAt: first?.installedAt,
        name: undefined,
      });
      expect(replaced?.updatedAt).not.toBe(first?.updatedAt);
      expect(await i.get("slack", "E1")).toMatchObject({
        isEnterpriseInstall: true,
        enterpriseId: "E1",
        teamId: undefined,
      });
      expect((await i.list("slack")).map((x) => x.installKey)).toEqual(["T1", "E1"]);
      expect(await i.list("other")).toEqual([]);
      expect(await i.remove("slack", "T1")).toBe(true);
      expect(await i.remove("slack", "T1")).toBe(false);
      expect(await i.get("slack", "T1")).toBeUndefined();
    });
  });

  describe("BriefRejectionStore", () => {
    it("remembers a rejection by brief key and replaces it", async () => {
      f = await open();
      const r = f.stores.briefRejections;
      const key = { contentHash: "h", engine: "llm:m", promptVersion: "2" };
      expect(await r.get(key)).toBeUndefined();
      await r.save({ key, releaseId: "r1", reason: "first", findings: [], rejectedAt: "2026-01-01T00:00:00.000Z" });
      await r.save({ key, releaseId: "r1", reason: "second", findings: [], rejectedAt: "2026-01-02T00:00:00.000Z" });
      expect(await r.get(key)).toEqual({
        key,
        releaseId: "r1",
        reason: "second",
        findings: [],
        rejectedAt: "2026-01-02T00:00:00.000Z",
      });
      expect(await r.get({ ...key, promptVersion: "3" })).toBeUndefined();
    });
  });

  describe("SourceStateStore", () => {
    it("keeps validators per URL (forgetting them when none came) and back-off per target", async () => {
      f = await open();
      const s = f.stores.sourceState;
      await s.saveValidators("https://a/", { etag: '"e1"', body: "<rss/>" });
      expect(await s.validators("https://a/")).toEqual({ etag: '"e1"', lastModified: undefined, body: "<rss/>" });
      await s.saveValidators("https://a/", { lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" });
      expect(await s.validators("https://a/")).toEqual({
        etag: undefined,
        lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
        body: undefined,
      });
      await s.saveValidators("https://a/", {});
      expect(await s.validators("https://a/")).toBeUndefined();
      expect(await s.backoff("host:x")).toBeUndefined();
      await s.saveBackoff("host:x", { failures: 1, retryAt: "2026-01-01T00:01:00.000Z", lastStatus: 429 });
      await s.saveBackoff("host:x", { failures: 2, retryAt: "2026-01-01T00:02:00.000Z" });
      expect(await s.backoff("host:x")).toEqual({
        failures: 2,
        retryAt: "2026-01-01T00:02:00.000Z",
        lastStatus: undefined,
      });
      await s.clearBackoff("host:x");
      expect(await s.backoff("host:x")).toBeUndefined();
    });
  });
}
