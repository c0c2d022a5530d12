/**
 * What every implementation of the Q&A store ports must do (translations of releases, index snapshots and the
 * change counter), whatever the database: a function of a factory, run against SQLite here and against any other
 * store (PostgreSQL) the same way.
 */
import { describe, expect, it } from "vitest";
import type { ReleaseDraft } from "../../src/core/domain/release.js";
import { contentHash } from "../../src/core/ingest/index.js";
import type { QaSnapshotStore, ReleaseTranslationStore } from "../../src/core/ports/qa-index-store.port.js";
import type { ReleaseStore } from "../../src/core/ports/release-store.port.js";

export interface QaIndexStores {
  releases: ReleaseStore;
  translations: ReleaseTranslationStore;
  snapshots: QaSnapshotStore;
  close(): Promise<void>;
}

function draft(n: number, langs: ("en" | "fr")[] = ["fr"], body = "Les Alliés ont approuvé un plan."): ReleaseDraft {
  const texts: ReleaseDraft["texts"] = {};
  for (const lang of langs) {
    texts[lang] = {
      lang,
      title: `${lang} title ${n}`,
      paragraphs: [`${body} ${n}`],
      url: `https://www.nato.int/cps/${lang}/natohq/news_${n}.htm`,
      official: true,
    };
  }
  return {
    canonicalUrl: `https://www.nato.int/cps/${langs[0]}/natohq/news_${n}.htm`,
    contentHash: contentHash(texts),
    sourceLanguage: langs[0]!,
    published: "2025-03-01",
    texts,
  };
}

export function describeQaIndexStoreContract(name: string, open: () => Promise<QaIndexStores>): void {
  describe(`${name}: Q&A index stores`, () => {
    it("stores a translation per release and language, replaces it, and lists what is left to translate", async () => {
      const s = await open();
      try {
        const { release: fr } = await s.releases.saveRelease(draft(1, ["fr"]));
        const { release: both } = await s.releases.saveRelease(draft(2, ["en", "fr"]));
        expect(await s.translations.pending(10)).toEqual([{ releaseId: fr.id, lang: "en" }]);
        expect(await s.translations.hasPending()).toBe(true);
        const t = {
          releaseId: fr.id,
          lang: "en" as const,
          contentHash: fr.contentHash,
          title: "en title 1",
          sentences: ["The Allies approved a plan 1."],
          pipeline: "fake",
          createdAt: "2025-03-01T10:00:00.000Z",
        };
        await s.translations.save(t);
        expect(await s.translations.get(fr.id, "en")).toEqual(t);
        expect(await s.translations.get(both.id, "en")).toBeUndefined();
        expect(await s.translations.pending(10)).toEqual([]);
        expect(await s.translations.hasPending()).toBe(false);
        // Made by today's pipeline it is not stale; by another one (the rules changed since) it is.
        expect(await s.translations.stale({ en: "fake", fr: "other" }, 10)).toEqual([]);
        expect(await s.translations.stale({ en: "fake 2", fr: "other" }, 10)).toEqual([
          { releaseId: fr.id, lang: "en" },
        ]);
        expect(await s.translations.stale({ en: "fake 2", fr: "other" }, 0)).toEqual([]);
        // Its text changes: the stored translation is stale, the release pending again.
        const { release: changed } = await s.releases.saveRelease(draft(1, ["fr"], "Les Alliés ont rejeté un plan."));
        expect(changed.contentHash).not.toBe(fr.contentHash);
        expect(await s.translations.pending(10)).toEqual([{ releaseId: fr.id, lang: "en" }]);
        await s.translations.save({
          ...t,
          contentHash: changed.contentHash,
          sentences: ["The Allies rejected a plan 1."],
        });
        expect((await s.translations.get(fr.id, "en"))?.sentences).toEqual(["The Allies rejected a plan 1."]);
        // A translation of a release that is not stored is not kept.
        await s.translations.save({ ...t, releaseId: "no-such-release" });
        expect(await s.translations.get("no-such-release", "en")).toBeUndefined();
      } finally {
        await s.close();
      }
    });

    it("counts every change to releases, briefs and translations, and saves a snapshot per side unless a newer one is stored", async () => {
      const s = await open();
      try {
        const start = await s.snapshots.changeSeq();
        const { release: a } = await s.releases.saveRelease(draft(3));
        const { release: b } = await s.releases.saveRelease(draft(4));
        const after = await s.snapshots.changedSince(start);
        expect(after.releaseIds.sort()).toEqual([a.id, b.id].sort());
        expect(after.seq).toBeGreaterThan(start);
        expect(await s.snapshots.changeSeq()).toBe(after.seq);
        expect(await s.snapshots.changedSince(after.seq)).toEqual({ seq: after.seq, releaseIds: [], complete: true });

        await s.releases.saveRelease(draft(3, ["fr"], "Texte modifié."));
        await s.translations.save({
          releaseId: b.id,
          lang: "en",
          contentHash: b.contentHash,
          title: "t",
          sentences: ["s"],
          pipeline: "fake",
          createdAt: "2025-03-01T10:00:00.000Z",
        });
        expect((await s.snapshots.changedSince(after.seq)).releaseIds.sort()).toEqual([a.id, b.id].sort());

        expect(await s.snapshots.load("en")).toBeUndefined();
        const snap = {
          side: "en" as const,
          format: "f1",
          changeSeq: after.seq,
          documents: 2,
          data: "{}",
          savedAt: "now",
        };
        expect(await s.snapshots.stored("en")).toBeUndefined();
        expect(await s.snapshots.save(snap)).toBe(true);
        expect(await s.snapshots.load("en")).toEqual(snap);
        expect(await s.snapshots.stored("en")).toEqual({ changeSeq: after.seq, format: "f1" });
        expect(await s.snapshots.load("fr")).toBeUndefined();
        // An older snapshot of the same side and format does not replace a newer one.
        expect(await s.snapshots.save({ ...snap, changeSeq: after.seq - 1, data: "old" })).toBe(false);
        expect((await s.snapshots.load("en"))?.data).toBe("{}");
        // Nor does one of another format (a process of another version): the counters never go back.
        expect(await s.snapshots.save({ ...snap, changeSeq: after.seq - 1, format: "f2", data: "other" })).toBe(false);
        expect((await s.snapshots.load("en"))?.format).toBe("f1");
        // Changes after the oldest side's snapshot are kept for the side that needs them.
        const seq = await s.snapshots.changeSeq();
        expect(await s.snapshots.save({ ...snap, side: "fr", changeSeq: seq })).toBe(true);
        expect(await s.snapshots.changedSince(after.seq)).toMatchObject({ complete: true });
        expect((await s.snapshots.changedSince(after.seq)).releaseIds.length).toBe(2);
        expect(await s.snapshots.changeSeq()).toBe(seq);
        // Once both sides are saved past them, the changes before are forgotten, and a reader from there is told.
        expect(await s.snapshots.save({ ...snap, format: "f2", changeSeq: seq })).toBe(true);
        expect(await s.snapshots.changedSince(after.seq)).toEqual({ seq, releaseIds: [], complete: false });
        expect(await s.snapshots.changedSince(seq)).toEqual({ seq, releaseIds: [], complete: true });
      } finally {
        await s.close();
      }
    });
  });
}
