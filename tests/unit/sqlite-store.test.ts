import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Brief } from "../../src/core/domain/brief.js";
import type { ReleaseDraft } from "../../src/core/domain/release.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

const draft = (hash: string, url?: string, title = "Allies meet"): ReleaseDraft => ({
  canonicalUrl: url,
  contentHash: hash,
  sourceLanguage: "en",
  published: "2024-02-13",
  texts: { en: { lang: "en", title, paragraphs: ["One.", "Two."], url, official: true } },
});

const brief = (releaseId: string, contentHash: string, engine = "offline"): Brief => ({
  release: { id: releaseId, sourceLanguage: "en", titles: {}, urls: {} },
  en: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  fr: { headline: "h", summary: "s", keyPoints: ["a", "b", "c"] },
  provenance: { en: { kind: "source", label: "x" }, fr: { kind: "machine-offline", label: "y" } },
  engine,
  promptVersion: "1",
  contentHash,
  usage: null,
  checks: { ok: true, checkedAt: "2024-01-01T00:00:00Z", findings: [] },
  createdAt: new Date().toISOString(),
});

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
function store() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-"));
  return new SqliteReleaseStore(openDatabase(path.join(dir, "sub", "t.db")));
}

describe("SqliteReleaseStore", () => {
  it("stores the same content once", async () => {
    const s = store();
    const a = await s.saveRelease(draft("h1"));
    const b = await s.saveRelease(draft("h1"));
    expect(a.outcome).toBe("new");
    expect(b).toMatchObject({ outcome: "unchanged", release: { id: a.release.id } });
    expect(await s.countReleases()).toBe(1);
  });

  it("updates a page in place when its content changes, dropping stale briefs", async () => {
    const s = store();
    const a = await s.saveRelease(draft("h1", "https://www.nato.int/a"));
    await s.saveBrief(brief(a.release.id, "h1"));
    const b = await s.saveRelease(draft("h2", "https://www.nato.int/a", "Allies meet again"));
    expect(b.outcome).toBe("updated");
    expect(b.release.id).toBe(a.release.id);
    expect(b.release.texts.en?.title).toBe("Allies meet again");
    expect(await s.getBrief({ contentHash: "h1", engine: "offline", promptVersion: "1" })).toBeUndefined();
    expect(await s.countReleases()).toBe(1);
  });

  it("caches briefs by content hash, engine and prompt version", async () => {
    const s = store();
    const { release } = await s.saveRelease(draft("h1"));
    await s.saveBrief(brief(release.id, "h1"));
    expect((await s.getBrief({ contentHash: "h1", engine: "offline", promptVersion: "1" }))?.en.headline).toBe("h");
    expect(await s.getBrief({ contentHash: "h1", engine: "llm:x", promptVersion: "1" })).toBeUndefined();
    expect((await s.latestBriefFor(release.id))?.engine).toBe("offline");
  });

  it("keeps data across reopen and lists newest first", async () => {
    const s = store();
    await s.saveRelease({ ...draft("h1"), published: "2024-01-01" });
    await s.saveRelease({ ...draft("h2", undefined, "Later"), published: "2024-03-01" });
    await s.close();
    const reopened = new SqliteReleaseStore(openDatabase(path.join(dir, "sub", "t.db")));
    expect((await reopened.listReleases()).map((r) => r.published)).toEqual(["2024-03-01", "2024-01-01"]);
    expect(await reopened.listReleases({ since: "2024-02-01T00:00:00Z" })).toHaveLength(1);
    await reopened.close();
  });

  it("rolls back a failed write without losing stored data", async () => {
    const s = store();
    await s.saveRelease(draft("h1"));
    const bad = { ...draft("h3"), sourceLanguage: "de" } as unknown as ReleaseDraft;
    await expect(s.saveRelease(bad)).rejects.toThrow();
    expect(await s.countReleases()).toBe(1);
  });
});
