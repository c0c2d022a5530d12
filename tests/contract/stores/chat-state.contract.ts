import { afterEach, describe, expect, it } from "vitest";
import { brief, draft, type FixtureFactory, type StoreFixture } from "./fixture.js";

/** ConversationRefStore, PreferenceStore, FeedbackStore, EventDedupe: the chat adapters' state. */
export function chatStateContract(open: FixtureFactory): void {
  let f: StoreFixture;
  afterEach(async () => f?.close());

  describe("ConversationRefStore", () => {
    it("saves, refreshes (keeping the team it knew), lists per platform and forgets a team", async () => {
      f = await open();
      const r = f.stores.conversationRefs;
      const base = { platform: "teams", reference: { serviceUrl: "https://s1/" } };
      expect(
        await r.save({ ...base, key: "teams:19:a", teamId: "T1", tenantId: "X", conversationType: "channel" }),
      ).toBe("created");
      expect(await r.save({ ...base, key: "teams:19:b", teamId: "T1" })).toBe("created");
      expect(await r.save({ ...base, key: "teams:29:p", conversationType: "personal" })).toBe("created");
      expect(await r.save({ key: "teams:19:a", platform: "teams", reference: { serviceUrl: "https://s2/" } })).toBe(
        "updated",
      );
      expect(await r.get("teams:19:a")).toMatchObject({
        teamId: "T1",
        tenantId: "X",
        conversationType: "channel",
        reference: { serviceUrl: "https://s2/" },
      });
      await r.save({ key: "slack:T1:C1", platform: "slack", reference: {} });
      expect((await r.list("teams")).map((x) => x.key)).toEqual(["teams:19:a", "teams:19:b", "teams:29:p"]);
      expect(await r.list()).toHaveLength(4);
      expect(await r.removeTeam("teams", "T1")).toBe(2);
      expect(await r.remove("teams:29:p")).toBe(true);
      expect(await r.remove("teams:29:p")).toBe(false);
      expect((await r.list()).map((x) => x.key)).toEqual(["slack:T1:C1"]);
    });
  });

  describe("PreferenceStore", () => {
    it("remembers each user's language, the last choice winning", async () => {
      f = await open();
      const p = f.stores.preferences;
      expect(await p.getLanguage("slack:T1:U1")).toBeUndefined();
      await p.setLanguage("slack:T1:U1", "fr");
      await p.setLanguage("slack:T1:U1", "both");
      await p.setLanguage("teams:29:x", "en");
      expect(await p.getLanguage("slack:T1:U1")).toBe("both");
      expect(await p.getLanguage("teams:29:x")).toBe("en");
    });
  });

  describe("FeedbackStore", () => {
    it("keeps one vote per user per stored brief, refuses a brief that is not stored", async () => {
      f = await open();
      const { release } = await f.stores.releases.saveRelease(draft("h1"));
      await f.stores.releases.saveBrief(brief(release.id, "h1"));
      const key = { contentHash: "h1", engine: "offline", promptVersion: "1" };
      const fb = f.stores.feedback;
      expect(await fb.record({ brief: key, releaseId: release.id, userKey: "u1", vote: "up" })).toBe(true);
      expect(await fb.record({ brief: key, releaseId: release.id, userKey: "u2", vote: "up" })).toBe(true);
      expect(await fb.record({ brief: key, releaseId: release.id, userKey: "u1", vote: "down" })).toBe(true);
      expect(await fb.tally(key)).toEqual({ up: 1, down: 1 });
      expect(
        await fb.record({ brief: { ...key, engine: "llm:x" }, releaseId: release.id, userKey: "u3", vote: "up" }),
      ).toBe(false);
      expect(await fb.record({ brief: key, releaseId: "other", userKey: "u3", vote: "up" })).toBe(false);
      // New content drops the old briefs, and their votes with them.
      await f.stores.releases.saveRelease({ ...draft("h2"), canonicalUrl: undefined, contentHash: "h1" });
      expect(await fb.tally({ ...key, contentHash: "nope" })).toEqual({ up: 0, down: 0 });
    });
  });

  describe("EventDedupe", () => {
    it("says first once per key, across processes, and forgets keys older than a day", async () => {
      f = await open();
      const d = f.stores.seenEvents;
      const other = (await f.other()).seenEvents;
      expect(await d.firstSeen("slack:Ev1")).toBe(true);
      expect(await d.firstSeen("slack:Ev1")).toBe(false);
      expect(await other.firstSeen("slack:Ev1")).toBe(false);
      expect(await other.firstSeen("teams:Ev1")).toBe(true);
      f.clock.advance(25 * 3600_000);
      expect(await d.firstSeen("slack:Ev2")).toBe(true);
      expect(await d.firstSeen("slack:Ev1")).toBe(true);
    });

    it("of many deliveries of one event racing, one is first", async () => {
      f = await open();
      const all = [f.stores, await f.other(), await f.other()];
      const firsts = await Promise.all(
        all.flatMap((s) => [s.seenEvents.firstSeen("slack:Race"), s.seenEvents.firstSeen("slack:Race")]),
      );
      expect(firsts.filter(Boolean)).toHaveLength(1);
    });
  });
}
