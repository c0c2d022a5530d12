/**
 * Stored offline translations are made once per content and pipeline: after the offline rules or the glossary
 * change, resume() (start-up) makes again those an older pipeline made, serving them as they are meanwhile; an
 * up-to-date one is never made again.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { contentHash, draftFromText } from "../../src/core/ingest/index.js";
import type { Translator } from "../../src/core/ports/translator.port.js";
import { TranslationQueue } from "../../src/core/qa/translation-queue.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseTranslations } from "../../src/infra/store/sqlite-qa-index-store.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

const FR_ONLY = `Des plongeurs nettoient le port
Bruxelles, 2 mai 2025 – Des plongeurs de trois marines ont retiré de vieilles ancres du fond du port.
Le travail a duré dix jours et a rendu le quai nord de nouveau accessible aux navires de ravitaillement.`;

/** A translator whose pipeline name is its version; it marks what it made with that version. */
function versioned(version: string): Translator & { calls: number } {
  const t = {
    calls: 0,
    async status(from: Lang, to: Lang) {
      return { available: true as const, pipeline: `fake ${from}-${to} v${version}` };
    },
    async translate(segments: string[]) {
      t.calls++;
      return segments.map((s) => `[v${version}] ${s}`);
    },
    async close() {},
  };
  return t;
}

async function setUp() {
  const db = openDatabase(":memory:");
  const store = new SqliteReleaseStore(db);
  const translations = new SqliteReleaseTranslations(db);
  const { release } = await store.saveRelease(
    draftFromText(FR_ONLY, { url: "https://www.nato.int/cps/fr/natohq/news_1.htm" }),
  );
  const queue = (translator: Translator, translated: string[] = []) =>
    new TranslationQueue({ store, translations, translator, onTranslated: (id) => translated.push(id) });
  // The first run translates the release with version 1.
  const first = queue(versioned("1"));
  expect(await first.resume()).toBe(1);
  await first.idle();
  return { db, store, translations, release, queue };
}

describe("offline translations made by an older pipeline", () => {
  it("are made again at start-up with today's pipeline, and served as they are until then", async () => {
    const { translations, release, queue } = await setUp();
    const before = await translations.get(release.id, "en");
    expect(before?.pipeline).toBe("fake fr-en v1");
    expect(before?.title).toMatch(/^\[v1\]/);

    const translator = versioned("2");
    const translated: string[] = [];
    const next = queue(translator, translated);
    expect(await translations.stale({ en: "fake fr-en v2", fr: "fake en-fr v2" }, 10)).toEqual([
      { releaseId: release.id, lang: "en" },
    ]);
    expect(await next.resume()).toBe(1);
    await next.idle();
    const after = await translations.get(release.id, "en");
    expect(after?.pipeline).toBe("fake fr-en v2");
    expect(after?.sentences.every((s) => s.startsWith("[v2]"))).toBe(true);
    expect(after?.sentences).toHaveLength(before?.sentences.length ?? -1);
    expect(translated).toEqual([release.id]);
  });

  it("are not made again when today's pipeline made them", async () => {
    const { queue } = await setUp();
    const translator = versioned("1");
    const again = queue(translator);
    expect(await again.resume()).toBe(0);
    await again.idle();
    expect(translator.calls).toBe(0);
  });

  it("are not listed once NATO's own text in that language is stored", async () => {
    const { store, translations, release } = await setUp();
    const en = {
      lang: "en" as const,
      title: "Divers clear the harbour",
      paragraphs: ["Divers from three navies removed old anchors from the harbour floor."],
      url: "https://www.nato.int/cps/en/natohq/news_1.htm",
      official: true,
    };
    const texts = { fr: release.texts.fr!, en };
    await store.saveRelease({ ...release, texts, contentHash: contentHash(texts) });
    expect((await store.getRelease(release.id))?.texts.en?.title).toBe(en.title);
    // Even a translation of exactly this content (so that only NATO's text decides) is not made again.
    const old = (await translations.get(release.id, "en"))!;
    await translations.save({ ...old, contentHash: contentHash(texts) });
    expect((await translations.get(release.id, "en"))?.contentHash).toBe(contentHash(texts));
    expect(await translations.stale({ en: "fake fr-en v2", fr: "fake en-fr v2" }, 10)).toEqual([]);
  });
});
