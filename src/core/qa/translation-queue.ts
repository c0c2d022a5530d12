import { LANGS, type Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseTranslationStore } from "../ports/qa-index-store.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import type { Translator } from "../ports/translator.port.js";
import { originalSentences } from "./passages.js";

export interface TranslationQueueDeps {
  store: ReleaseStore;
  translations: ReleaseTranslationStore;
  /** The protected offline pipeline (names, figures, dates and official terms by rule); undefined: translation off. */
  translator: Translator | undefined;
  /** Told after each translation stored (the index re-reads the release). */
  onTranslated: (releaseId: string) => void;
  logger?: Logger | undefined;
}

/** Sentences translated in one call: long releases in a few calls, so one failure loses little. */
const BATCH = 40;

/**
 * Offline translation of stored releases into the language NATO did not publish them in, off the request path:
 * a save enqueues the release, one worker translates in the background, in order, and stores the result; the
 * index then covers both languages. A release waiting for its turn is searchable in its own language meanwhile.
 * Made once per content and pipeline: a release whose text changes is translated again, and so is one an older
 * pipeline translated (resume); an unchanged one never.
 */
export class TranslationQueue {
  private readonly queue: { releaseId: string; lang: Lang }[] = [];
  private readonly queued = new Set<string>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly logger: Logger;
  readonly counts = { translated: 0, failed: 0 };

  constructor(private readonly deps: TranslationQueueDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** Queues the languages this release lacks (after a save). Returns at once. */
  onReleaseSaved(release: Release): void {
    if (!this.deps.translator) return;
    for (const lang of LANGS) if (!release.texts[lang]) this.add(release.id, lang);
  }

  /**
   * Queues what earlier runs left untranslated (at start-up of the server), then the translations an older
   * pipeline made (the offline rules or the glossary changed since): those are served as they are until their turn.
   */
  async resume(limit = 10_000): Promise<number> {
    if (!this.deps.translator) return 0;
    const pending = await this.deps.translations.pending(limit);
    for (const p of pending) this.add(p.releaseId, p.lang);
    const current = await this.currentPipelines();
    const stale = current ? await this.deps.translations.stale(current, Math.max(0, limit - pending.length)) : [];
    if (stale.length > 0) {
      this.logger.info("stored offline translations were made by an older pipeline; making them again", {
        count: stale.length,
        pipelines: current,
      });
    }
    for (const p of stale) this.add(p.releaseId, p.lang);
    return pending.length + stale.length;
  }

  /** Today's pipeline into each language; undefined while a direction is unavailable (nothing to compare). */
  private async currentPipelines(): Promise<Record<Lang, string> | undefined> {
    const translator = this.deps.translator;
    if (!translator) return undefined;
    const [intoEn, intoFr] = await Promise.all([translator.status("fr", "en"), translator.status("en", "fr")]);
    return intoEn.available && intoFr.available ? { en: intoEn.pipeline, fr: intoFr.pipeline } : undefined;
  }

  /** Resolves when the queue is empty (tests, and the CLI before it exits after an ingest). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Stops taking work; the translation in progress finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.idle();
  }

  get size(): number {
    return this.queue.length;
  }

  private add(releaseId: string, lang: Lang): void {
    const key = `${releaseId}:${lang}`;
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push({ releaseId, lang });
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
  }

  private async work(): Promise<void> {
    // Let the save that queued this return first: ingest answers before any translating starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      this.queued.delete(`${next.releaseId}:${next.lang}`);
      try {
        if (await this.translate(next.releaseId, next.lang)) this.deps.onTranslated(next.releaseId);
      } catch (err) {
        this.counts.failed++;
        this.logger.warn("offline translation of a stored release failed; it stays searchable in its own language", {
          releaseId: next.releaseId,
          lang: next.lang,
          error: err,
        });
      }
    }
  }

  /** true when a translation was stored. */
  private async translate(releaseId: string, lang: Lang): Promise<boolean> {
    const translator = this.deps.translator;
    const release = await this.deps.store.getRelease(releaseId);
    if (!translator || !release || release.texts[lang]) return false;
    const source = originalSentences(release);
    if (source.lang === lang || source.sentences.length === 0) return false;
    const status = await translator.status(source.lang, lang);
    if (!status.available) {
      this.logger.info("offline translation unavailable; release indexed in its own language only", {
        releaseId,
        reason: status.reason,
      });
      return false;
    }
    // Made once per content and pipeline: the same text under other rules or another glossary is made again.
    const existing = await this.deps.translations.get(releaseId, lang);
    if (existing?.contentHash === release.contentHash && existing.pipeline === status.pipeline) return false;
    const [title = ""] = await translator.translate([source.title], source.lang, lang);
    const sentences: string[] = [];
    for (let i = 0; i < source.sentences.length; i += BATCH) {
      const batch = source.sentences.slice(i, i + BATCH);
      const out = await translator.translate(batch, source.lang, lang);
      if (out.length !== batch.length) throw new Error("the translator returned another number of sentences");
      sentences.push(...out);
    }
    // The text may have changed while we translated: a stale translation is not stored (the new save queued it).
    const now = await this.deps.store.getRelease(releaseId);
    if (!now || now.contentHash !== release.contentHash) return false;
    await this.deps.translations.save({
      releaseId,
      lang,
      contentHash: release.contentHash,
      title,
      sentences,
      pipeline: status.pipeline,
      createdAt: new Date().toISOString(),
    });
    this.counts.translated++;
    return true;
  }
}
