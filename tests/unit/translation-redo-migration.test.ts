import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/core/ingest/index.js";
import { MIGRATIONS, migrate } from "../../src/infra/store/migrations.js";
import { SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

describe("migration 10: stored offline translations are made again with the new name protection", () => {
  it("drops the translations made before it, keeps the releases, and lists them as pending", async () => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    try {
      expect(
        migrate(
          db,
          MIGRATIONS.filter((m) => m.version < 10),
        ),
      ).not.toContain(10);
      const texts = {
        fr: {
          lang: "fr" as const,
          title: "Rose Gottemoeller à Bruxelles",
          paragraphs: ["Rose Gottemoeller a parlé."],
          url: "https://www.nato.int/cps/fr/natohq/news_1.htm",
          official: true,
        },
      };
      const releases = new SqliteReleaseStore(db);
      const translations = new SqliteReleaseTranslations(db);
      const { release } = await releases.saveRelease({
        canonicalUrl: texts.fr.url,
        contentHash: contentHash(texts),
        sourceLanguage: "fr",
        published: "2025-03-01",
        texts,
      });
      await translations.save({
        releaseId: release.id,
        lang: "en",
        contentHash: release.contentHash,
        title: "Rosa Gottemoeller in Brussels",
        sentences: ["Rosa Gottemoeller spoke."],
        pipeline: "apertium:fr-es-en",
        createdAt: "2025-03-01T10:00:00.000Z",
      });
      expect(await translations.pending(10)).toEqual([]);

      expect(migrate(db)).toEqual([10]);
      expect(await translations.get(release.id, "en")).toBeUndefined();
      expect(await translations.pending(10)).toEqual([{ releaseId: release.id, lang: "en" }]);
      expect((await releases.getRelease(release.id))?.texts.fr?.title).toBe("Rose Gottemoeller à Bruxelles");
    } finally {
      db.close();
    }
  });
});
