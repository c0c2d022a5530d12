import type { Brief } from "../domain/brief.js";
import { LANGS, type Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { QaSnapshotStore, ReleaseTranslation, ReleaseTranslationStore } from "../ports/qa-index-store.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import { indexDocuments, type ReleaseExtras } from "./passages.js";
import type { SearchIndex } from "./search-index.port.js";

export interface QaIndexerStores {
  /** Offline translations of releases: indexed as the release's other language. */
  translations?: ReleaseTranslationStore | undefined;
  /** Where the index is saved, so a restart or a CLI `ask` loads it instead of rebuilding it. */
  snapshots?: QaSnapshotStore | undefined;
  /** Wait after a change before the snapshot is saved again (changes come in bursts: a poll, an ingest). */
  persistDelayMs?: number | undefined;
}

/** Past this share of releases changed since the snapshot, re-reading them all is as cheap as a rebuild. */
const CATCH_UP_SHARE = 0.3;
/** ...and a few releases are always re-read rather than rebuilt for, however small the store. */
const CATCH_UP_MIN = 50;

/**
 * Keeps the search index in step with the store. At start-up (`warmUp`, or the first question) it loads the saved
 * snapshot and re-indexes only the releases changed since (the store's change counter); without a usable snapshot
 * it builds from the store, in slices so the process keeps serving, and saves one. Then each release, brief or
 * translation saved refreshes its release, and the snapshot is saved again shortly after.
 */
export class QaIndexer {
  /** The sides (languages) of the index that are ready: loaded from their snapshot or built. */
  private readonly loaded = new Set<Lang>();
  private loading: Promise<void> = Promise.resolve();
  private building = false;
  /** Releases saved while a build runs: re-read once it is done. */
  private readonly savedDuringBuild = new Set<string>();
  private readonly logger: Logger;
  /** Per side, the store's change counter it reflects every change up to, and whether it changed since saved. */
  private readonly appliedSeq: Record<Lang, number> = { en: 0, fr: 0 };
  private readonly changed: Record<Lang, boolean> = { en: false, fr: false };
  private pendingWork: Promise<unknown> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** How the index came to be, for logs and tests: full builds from the store, side snapshots loaded, releases re-read. */
  readonly counts = { rebuilds: 0, loads: 0, refreshed: 0 };

  constructor(
    readonly index: SearchIndex,
    private readonly store: ReleaseStore,
    logger?: Logger,
    private readonly stores: QaIndexerStores = {},
  ) {
    this.logger = logger ?? silentLogger;
  }

  /** Both sides are ready. */
  get ready(): boolean {
    return LANGS.every((l) => this.loaded.has(l));
  }

  /** Loads or builds the index unless it already was (command line, tests); resolves when it is ready. */
  ensureReady(): Promise<void> {
    return this.whenReady();
  }

  /**
   * Resolves once these sides are ready, loading them from their snapshots (or building the index) when nobody
   * did yet. The command line asks for the question's language only: half the index to load.
   */
  whenReady(sides: readonly Lang[] = LANGS): Promise<void> {
    if (sides.every((l) => this.loaded.has(l))) return Promise.resolve();
    this.loading = this.loading.then(() => this.prepare(sides, undefined));
    return this.loading;
  }

  /**
   * Start-up: each side from its snapshot when there is a usable one, else a build in slices of `sliceSize`
   * releases that yields to the event loop between slices (10,000 releases take seconds; the HTTP server and chat
   * answer meanwhile). Questions wait for it.
   */
  warmUp(sliceSize = 200): Promise<void> {
    if (this.ready) return Promise.resolve();
    this.loading = this.loading.then(() => this.prepare(LANGS, sliceSize));
    return this.loading;
  }

  private async prepare(sides: readonly Lang[], sliceSize: number | undefined): Promise<void> {
    const missing = sides.filter((l) => !this.loaded.has(l));
    if (missing.length === 0) return;
    let usable = true;
    for (const side of missing) if (usable) usable = await this.loadSnapshot(side);
    if (usable) return;
    if (sliceSize === undefined) await this.rebuild();
    else await this.buildInSlices(sliceSize);
    // Saved after the question that asked for it is answered: soon on a server, at exit on the command line.
    this.schedulePersist();
  }

  /** One side's snapshot, brought up to date with the releases changed since; false when there is none usable. */
  private async loadSnapshot(side: Lang): Promise<boolean> {
    const snapshots = this.stores.snapshots;
    if (!snapshots) return false;
    const started = performance.now();
    try {
      const snapshot = await snapshots.load(side);
      if (!snapshot || !this.index.restore(side, snapshot.format, snapshot.data)) {
        if (snapshot)
          this.logger.info("search index snapshot is of another format; rebuilding", { format: snapshot.format });
        return false;
      }
      const since = await snapshots.changedSince(snapshot.changeSeq);
      const total = Math.max(1, await this.store.countReleases());
      if (since.releaseIds.length > Math.max(CATCH_UP_MIN, total * CATCH_UP_SHARE)) {
        this.logger.info("most releases changed since the search index snapshot; rebuilding", {
          changed: since.releaseIds.length,
        });
        return false;
      }
      for (const id of since.releaseIds) await this.reindex(id, [side]);
      this.loaded.add(side);
      this.appliedSeq[side] = since.seq;
      this.changed[side] = since.releaseIds.length > 0;
      this.counts.loads++;
      this.logger.info("search index loaded from its snapshot", {
        side,
        documents: snapshot.documents,
        caughtUp: since.releaseIds.length,
        ms: Math.round(performance.now() - started),
      });
      return true;
    } catch (err) {
      this.logger.warn("could not load the search index snapshot; rebuilding", { side, error: err });
      return false;
    }
  }

  /** Re-reads every stored release, its latest brief and its translations, at once. */
  async rebuild(): Promise<{ releases: number; documents: number; ms: number }> {
    const started = performance.now();
    const seq = (await this.stores.snapshots?.changeSeq()) ?? 0;
    const releases = await this.allReleases();
    const documents = [];
    for (const r of releases) documents.push(...indexDocuments(r, await this.extras(r)));
    this.index.rebuild(documents);
    this.builtAt(seq);
    return this.report(releases.length, started);
  }

  private async buildInSlices(sliceSize: number): Promise<void> {
    const started = performance.now();
    const seq = (await this.stores.snapshots?.changeSeq()) ?? 0;
    const releases = await this.allReleases();
    this.building = true;
    this.index.rebuild([]);
    try {
      for (let i = 0; i < releases.length; i += sliceSize) {
        for (const r of releases.slice(i, i + sliceSize)) {
          this.index.replaceRelease(r.id, indexDocuments(r, await this.extras(r)));
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.building = false;
    }
    this.builtAt(seq);
    for (const id of this.savedDuringBuild) await this.reindex(id, LANGS);
    this.savedDuringBuild.clear();
    this.report(releases.length, started);
  }

  private builtAt(seq: number): void {
    for (const l of LANGS) {
      this.loaded.add(l);
      this.appliedSeq[l] = seq;
      this.changed[l] = true;
    }
  }

  private async allReleases(): Promise<Release[]> {
    this.counts.rebuilds++;
    // Counted, then listed: a release saved in between must not push the oldest one out of a list cut at the
    // count, so the list asks for some more, and again if even those were all taken.
    for (let extra = 64; ; extra *= 4) {
      const limit = (await this.store.countReleases()) + extra;
      const releases = await this.store.listReleases({ limit });
      if (releases.length < limit) return releases;
    }
  }

  private report(releases: number, started: number) {
    const stats = { releases, documents: this.index.documentCount, ms: Math.round(performance.now() - started) };
    this.logger.info("search index built from the store", stats);
    return stats;
  }

  /** The brief and the translations a release is indexed with. */
  async extras(release: Release): Promise<ReleaseExtras> {
    const translations: ReleaseTranslation[] = [];
    const store = this.stores.translations;
    if (store) {
      for (const lang of LANGS) {
        if (release.texts[lang]) continue;
        const t = await store.get(release.id, lang);
        if (t) translations.push(t);
      }
    }
    return { brief: await this.store.latestBriefFor(release.id), translations };
  }

  /** Whether some release is not yet indexed in both languages (its offline translation is pending). */
  async hasUntranslated(): Promise<boolean> {
    const store = this.stores.translations;
    return store ? store.hasPending() : true;
  }

  /**
   * Re-indexes one release from the store (or drops it when it is gone) on the sides that are ready; a side not
   * loaded yet catches up from the change counter when it loads.
   */
  async refresh(releaseId: string): Promise<void> {
    if (this.building) this.savedDuringBuild.add(releaseId);
    const sides = LANGS.filter((l) => this.loaded.has(l));
    if (sides.length === 0) return;
    await this.reindex(releaseId, sides);
    for (const l of sides) this.changed[l] = true;
    this.schedulePersist();
  }

  private async reindex(releaseId: string, sides: readonly Lang[]): Promise<void> {
    this.counts.refreshed++;
    const release = await this.store.getRelease(releaseId);
    const documents = release ? indexDocuments(release, await this.extras(release)) : [];
    this.index.replaceRelease(
      releaseId,
      documents.filter((d) => sides.includes(d.lang)),
      sides,
    );
  }

  /** Resolves once the release is re-indexed (refreshes run one at a time, in the order asked). */
  onReleaseSaved(release: Release): Promise<void> {
    return this.safely(() => this.refresh(release.id), release.id);
  }

  onBriefSaved(brief: Brief): Promise<void> {
    return this.safely(() => this.refresh(brief.release.id), brief.release.id);
  }

  /** A translation of the release was stored (the translation queue). */
  onTranslationSaved(releaseId: string): Promise<void> {
    return this.safely(() => this.refresh(releaseId), releaseId);
  }

  /** Resolves once the refreshes asked for so far are done. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.pendingWork;
      await seen;
    } while (seen !== this.pendingWork);
  }

  /**
   * Saves the snapshot when the index changed since it was loaded or saved. Changes by other processes (a CLI
   * ingest beside the server) are re-read first, so the snapshot covers every change up to the counter it records.
   */
  async persist(): Promise<boolean> {
    const snapshots = this.stores.snapshots;
    if (!snapshots) return false;
    let saved = false;
    for (const side of LANGS) {
      if (!this.loaded.has(side) || !this.changed[side]) continue;
      const since = await snapshots.changedSince(this.appliedSeq[side]);
      for (const id of since.releaseIds) await this.reindex(id, [side]);
      this.appliedSeq[side] = since.seq;
      const started = performance.now();
      const { format, data } = this.index.snapshot(side);
      const documents = this.index.sideCount(side);
      const ok = await snapshots.save({
        side,
        format,
        data,
        changeSeq: since.seq,
        documents,
        savedAt: new Date().toISOString(),
      });
      this.changed[side] = false;
      saved ||= ok;
      this.logger.info("search index snapshot saved", {
        side,
        saved: ok,
        documents,
        bytes: data.length,
        ms: Math.round(performance.now() - started),
      });
    }
    return saved;
  }

  /** Waits for pending refreshes and saves the snapshot if the index changed: before the process exits. */
  async flush(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    await this.idle();
    try {
      await this.persist();
    } catch (err) {
      this.logger.warn("could not save the search index snapshot", { error: err });
    }
  }

  private schedulePersist(): void {
    const delay = this.stores.persistDelayMs;
    if (!this.stores.snapshots || delay === undefined || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      this.persist().catch((err: unknown) =>
        this.logger.warn("could not save the search index snapshot", { error: err }),
      );
    }, delay);
    this.persistTimer.unref?.();
  }

  // Indexing must never fail an ingest or a brief: a missed update is repaired by the next one or a restart.
  private safely(work: () => Promise<void>, releaseId: string): Promise<void> {
    const done = this.pendingWork
      .then(work)
      .catch((err: unknown) => this.logger.warn("could not update the search index", { releaseId, error: err }));
    this.pendingWork = done;
    return done;
  }
}

/**
 * The same store, telling `listener` after each release or brief it saved, whoever saved it (ingest, the source
 * poller, the brief service). A Proxy rather than a wrapper class so the store's own extra methods stay reachable.
 */
export function observeSaves<T extends ReleaseStore>(
  store: T,
  listener: Pick<QaIndexer, "onReleaseSaved" | "onBriefSaved">,
): T {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === "saveRelease") {
        return async (draft: Parameters<ReleaseStore["saveRelease"]>[0]) => {
          const result = await target.saveRelease(draft);
          if (result.outcome !== "unchanged") await listener.onReleaseSaved(result.release);
          return result;
        };
      }
      if (prop === "saveBrief") {
        return async (brief: Brief) => {
          await target.saveBrief(brief);
          await listener.onBriefSaved(brief);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
