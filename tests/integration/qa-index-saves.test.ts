/**
 * The index's snapshot is saved no more than needed: only the side whose documents changed (a translation stored
 * changes its language's side only), nothing for a release re-read unchanged, and once a burst of changes pauses
 * (or at the latest a few delays after its first change), not once per change.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { draftFromText } from "../../src/core/ingest/index.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import type { QaSnapshot, QaSnapshotStore } from "../../src/core/ports/qa-index-store.port.js";
import { QaIndexer } from "../../src/core/qa/qa-indexer.js";
import { MiniSearchIndex } from "../../src/infra/qa/minisearch-index.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteQaSnapshots, SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

const FR_ONLY = `Des plongeurs nettoient le port
Bruxelles, 2 mai 2025 – Des plongeurs de trois marines ont retiré de vieilles ancres du fond du port.
Le travail a duré dix jours et a rendu le quai nord de nouveau accessible aux navires de ravitaillement.
Les plongeurs ont aussi cartographié les épaves qui restent au large pour les prochaines équipes.`;
const URL = "https://www.nato.int/cps/fr/natohq/news_port.htm";

/** The real SQLite store, recording which side each successful save was of. */
function recording(inner: QaSnapshotStore): QaSnapshotStore & { sides: Lang[] } {
  const sides: Lang[] = [];
  return {
    sides,
    load: (side) => inner.load(side),
    stored: (side) => inner.stored(side),
    changeSeq: () => inner.changeSeq(),
    changedSince: (seq) => inner.changedSince(seq),
    async save(s: QaSnapshot) {
      const ok = await inner.save(s);
      if (ok) sides.push(s.side);
      return ok;
    },
  };
}

function setUp(persistDelayMs?: number) {
  const db = openDatabase(":memory:");
  const releases = new SqliteReleaseStore(db);
  const translations = new SqliteReleaseTranslations(db);
  const snapshots = recording(new SqliteQaSnapshots(db));
  const indexer = new QaIndexer(new MiniSearchIndex(), releases, silentLogger, {
    translations,
    snapshots,
    persistDelayMs,
  });
  return { db, releases, translations, snapshots, indexer };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("search index snapshot saves", () => {
  it("saves only the side a translation changed, and nothing for a release re-read unchanged", async () => {
    const { db, releases, translations, snapshots, indexer } = setUp();
    const { release } = await releases.saveRelease(draftFromText(FR_ONLY, { url: URL }));
    await indexer.ensureReady();
    expect(await indexer.persist()).toBe(true);
    expect(snapshots.sides.sort()).toEqual(["en", "fr"]);

    snapshots.sides.length = 0;
    await translations.save({
      releaseId: release.id,
      lang: "en",
      contentHash: release.contentHash,
      title: "Divers clean up the harbour",
      sentences: ["Divers from three navies removed old anchors from the bottom of the harbour."],
      pipeline: "test",
      createdAt: "2025-05-02T10:00:00.000Z",
    });
    await indexer.onTranslationSaved(release.id);
    expect(await indexer.persist()).toBe(true);
    expect(snapshots.sides).toEqual(["en"]);
    expect(indexer.index.searchReleases({ texts: ["old anchors harbour"], sides: ["en"] })[0]?.releaseId).toBe(
      release.id,
    );

    snapshots.sides.length = 0;
    await indexer.refresh(release.id);
    expect(await indexer.persist()).toBe(false);
    expect(snapshots.sides).toEqual([]);
    db.close();
  });

  it("saves once a burst of changes pauses, and at the latest six delays after its first change", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { db, releases, snapshots, indexer } = setUp(1_000);
    await releases.saveRelease(draftFromText(FR_ONLY, { url: URL }));
    await indexer.ensureReady();
    await indexer.persist();
    snapshots.sides.length = 0;

    // A change every 800 ms: never a pause of a whole delay.
    for (let n = 1; n <= 9; n++) {
      const { release } = await releases.saveRelease(
        draftFromText(FR_ONLY.replace("dix jours", `${10 + n} jours`), { url: URL }),
      );
      await indexer.onReleaseSaved(release);
      await vi.advanceTimersByTimeAsync(800);
      // Saved once, 6,000 ms after the first change (made at 0, the 8th comes at 5,600).
      expect(snapshots.sides.length, `after change ${n}`).toBe(n * 800 < 6_000 ? 0 : 1);
    }
    // Then a pause: the changes since are saved one delay after the last.
    await vi.advanceTimersByTimeAsync(999 - 800);
    expect(snapshots.sides.length).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(snapshots.sides.length).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(snapshots.sides.length).toBe(2);
    db.close();
  });

  it("saves over another version's snapshot at the same counter, never over one covering later changes", async () => {
    const { db, releases, snapshots, indexer } = setUp();
    const { release } = await releases.saveRelease(draftFromText(FR_ONLY, { url: URL }));
    const other = (side: Lang, changeSeq: number) => ({
      side,
      format: "another-version",
      changeSeq,
      documents: 1,
      data: "{}",
      savedAt: "2025-05-02T10:00:00.000Z",
    });
    for (const side of ["en", "fr"] as const) await snapshots.save(other(side, await snapshots.changeSeq()));
    // This version cannot read them: it builds, and its first save replaces them.
    await indexer.ensureReady();
    expect(indexer.counts.rebuilds).toBe(1);
    snapshots.sides.length = 0;
    expect(await indexer.persist()).toBe(true);
    expect(snapshots.sides.sort()).toEqual(["en", "fr"]);

    // Another version stores a change and saves both sides after it: the log before is gone. This index, told of
    // a later change only, cannot know what it missed, so it saves nothing over them (and keeps answering).
    await releases.saveRelease(draftFromText(FR_ONLY.replace("dix jours", "onze jours"), { url: URL }));
    for (const side of ["en", "fr"] as const) await snapshots.save(other(side, await snapshots.changeSeq()));
    const { release: again } = await releases.saveRelease(
      draftFromText(FR_ONLY.replace("dix jours", "douze jours"), { url: URL }),
    );
    await indexer.refresh(again.id);
    snapshots.sides.length = 0;
    expect(await indexer.persist()).toBe(false);
    expect((await snapshots.stored("fr"))?.format).toBe("another-version");
    expect(indexer.index.searchReleases({ texts: ["douze jours"], sides: ["fr"] })[0]?.releaseId).toBe(release.id);
    db.close();
  });
});
