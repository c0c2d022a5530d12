import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteEventDedupe } from "../../src/infra/store/sqlite-event-dedupe.js";
import { SqliteFeedbackStore } from "../../src/infra/store/sqlite-feedback-store.js";
import { SqlitePreferenceStore } from "../../src/infra/store/sqlite-preferences-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";
import { makeBrief } from "../helpers/slack-blocks.js";

/** The stores behind the chat adapters (migration 5): preferences, 👍/👎 with the brief, seen event ids. */
async function setup() {
  const db = openDatabase(":memory:");
  const store = new SqliteReleaseStore(db);
  const { release } = await store.saveRelease({
    contentHash: "h1",
    sourceLanguage: "fr",
    published: "2024-02-13",
    texts: { fr: { lang: "fr", title: "Titre", paragraphs: ["Texte."], official: true } },
  });
  const brief = makeBrief({ id: release.id, contentHash: "h1" });
  await store.saveBrief(brief);
  const key = { contentHash: "h1", engine: brief.engine, promptVersion: brief.promptVersion };
  return { db, store, release, key };
}

describe("migration 5 stores", () => {
  it("keeps one language choice per user, replaced by the next", async () => {
    const prefs = new SqlitePreferenceStore((await setup()).db);
    expect(await prefs.getLanguage("slack:T1:U1")).toBeUndefined();
    await prefs.setLanguage("slack:T1:U1", "fr");
    await prefs.setLanguage("slack:T1:U1", "both");
    await prefs.setLanguage("teams:29:x", "en");
    expect(await prefs.getLanguage("slack:T1:U1")).toBe("both");
    expect(await prefs.getLanguage("teams:29:x")).toBe("en");
  });

  it("stores one vote per user per brief, refuses unknown briefs, and goes when the brief goes", async () => {
    const { db, store, release, key } = await setup();
    const feedback = new SqliteFeedbackStore(db);
    expect(await feedback.record({ brief: key, releaseId: release.id, userKey: "u1", vote: "up" })).toBe(true);
    expect(await feedback.record({ brief: key, releaseId: release.id, userKey: "u2", vote: "up" })).toBe(true);
    expect(await feedback.record({ brief: key, releaseId: release.id, userKey: "u1", vote: "down" })).toBe(true);
    expect(await feedback.tally(key)).toEqual({ up: 1, down: 1 });
    expect(
      await feedback.record({ brief: { ...key, engine: "llm:x" }, releaseId: release.id, userKey: "u3", vote: "up" }),
    ).toBe(false);
    expect(await feedback.record({ brief: key, releaseId: "other", userKey: "u3", vote: "up" })).toBe(false);
    // A new version of the page drops its briefs (sqlite-release-store) and, with them, their votes.
    db.prepare("DELETE FROM briefs WHERE release_id = ?").run(release.id);
    expect(await feedback.tally(key)).toEqual({ up: 0, down: 0 });
    await store.close();
  });

  it("says 'first' once per event id, and forgets ids after the retention period", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const dedupe = new SqliteEventDedupe((await setup()).db, () => now, 60_000);
    expect(await dedupe.firstSeen("slack:Ev1")).toBe(true);
    expect(await dedupe.firstSeen("slack:Ev1")).toBe(false);
    expect(await dedupe.firstSeen("teams:Ev1")).toBe(true);
    now = new Date(now.getTime() + 120_000);
    expect(await dedupe.firstSeen("slack:Ev2")).toBe(true);
    expect(await dedupe.firstSeen("slack:Ev1")).toBe(true);
  });
});
