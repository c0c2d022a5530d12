import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
function store() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-"));
  return new SqliteReleaseStore(openDatabase(path.join(dir, "sub", "t.db")));
}

// Port behaviour (dedup, updates, briefs, listing, rollback) is in tests/contract/stores, run on SQLite and
// PostgreSQL; what is left here is the SQLite file itself.
describe("SqliteReleaseStore on its file", () => {
  it("creates the file's folder and keeps data across reopen", async () => {
    const s = store();
    expect(fs.existsSync(path.join(dir, "sub", "t.db"))).toBe(true);
    await s.saveRelease({ ...draft("h1"), published: "2024-01-01" });
    await s.saveRelease({ ...draft("h2", undefined, "Later"), published: "2024-03-01" });
    await s.close();
    const reopened = new SqliteReleaseStore(openDatabase(path.join(dir, "sub", "t.db")));
    expect((await reopened.listReleases()).map((r) => r.published)).toEqual(["2024-03-01", "2024-01-01"]);
    await reopened.close();
  });
});
