import type { Brief } from "../domain/brief.js";
import { LANGS, type Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { QaSnapshotStore, ReleaseTranslationStore } from "../ports/qa-index-store.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import { IndexSnapshots } from "./index-snapshots.js";
import { indexDocuments, type ReleaseExtras } from "./passages.js";
import { listAllReleases, releaseExtras } from "./release-reader.js";
import type { SearchIndex } from "./search-index.port.js";

export interface QaIndexerStores {
  /** Offline translations of releases: indexed as the release's other language. */
  translations?: ReleaseTranslationStore | undefined;
  /** Where the index is saved, so a restart or a CLI `ask` loads it instead of rebuilding it. */
  snapshots?: QaSnapshotStore | undefined;
  /** Wait after a change before the snapshot is saved again (changes come in bursts: a poll, an ingest). */
  persistDelayMs?: number | undefined;
}

/**
 * Keeps the search index in step with the store. At start-up (`warmUp`, or the first question) it loads the saved
 * snapshot and re-indexes only the releases changed since (the store's change counter); without a usable snapshot
 * it builds from the store, in slices so the process keeps serving, and saves one. Then each release, brief or
 * translation saved refreshes its release, and the snapshot is saved again shortly after (see IndexSnapshots).
 */
export class QaIndexer {
  /** The sides (languages) of the index that are ready: loaded from their snapshot or built. */
  private readonly loaded = new Set<Lang>();
  private loading: Promise<void> = Promise.resolve();
  private building = false;
  /** Releases saved while a build runs: re-read once it is done. */
  private readonly savedDuringBuild = new Set<string>();
  private readonly logger: Logger;
  private readonly snapshots: IndexSnapshots;
  private pendingWork: Promise<unknown> = Promise.resolve();
  private readonly tally = { rebuilds: 0, refreshed: 0 };

  constructor(
    readonly index: SearchIndex,
    private readonly store: ReleaseStore,
    logger?: Logger,
    private readonly stores: QaIndexerStores = {},
  ) {
    this.logger = logger ?? silentLogger;
    this.snapshots = new IndexSnapshots({
      index,
      store: stores.snapshots,
      reindex: (id, sides) => this.reindex(id, sides),
      countReleases: () => store.countReleases(),
      isReady: (side) => this.loaded.has(side),
      logger: this.logger,
      persistDelayMs: stores.persistDelayMs,
    });
  }

  /** How the index came to be, for logs and tests: full builds from the store, side snapshots loaded, releases re-read. */
  get counts(): { rebuilds: number; loads: number; refreshed: number } {
    return { rebuilds: this.tally.rebuilds, loads: this.snapshots.loads, refreshed: this.tally.refreshed };
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
    for (const side of missing) {
      if (!usable) break;
      usable = await this.snapshots.load(side);
      if (usable) this.loaded.add(side);
    }
    if (usable) return;
    if (sliceSize === undefined) await this.rebuild();
    else await this.buildInSlices(sliceSize);
    // Saved after the question that asked for it is answered: soon on a server, at exit on the command line.
    this.snapshots.schedule();
  }

  /** Re-reads every stored release, its latest brief and its translations, at once. */
  async rebuild(): Promise<{ releases: number; documents: number; ms: number }> {
    const started = performance.now();
    const seq = await this.snapshots.changeSeq();
    const releases = await this.allReleases();
    const documents = [];
    for (const r of releases) documents.push(...indexDocuments(r, await this.extras(r)));
    this.index.rebuild(documents);
    this.builtAt(seq);
    return this.report(releases.length, started);
  }

  private async buildInSlices(sliceSize: number): Promise<void> {
    const started = performance.now();
    const seq = await this.snapshots.changeSeq();
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
    for (const l of LANGS) this.loaded.add(l);
    this.snapshots.builtAt(seq);
  }

  private allReleases(): Promise<Release[]> {
    this.tally.rebuilds++;
    return listAllReleases(this.store);
  }

  private report(releases: number, started: number) {
    const stats = { releases, documents: this.index.documentCount, ms: Math.round(performance.now() - started) };
    this.logger.info("search index built from the store", stats);
    return stats;
  }

  /** The brief and the translations a release is indexed with. */
  extras(release: Release): Promise<ReleaseExtras> {
    return releaseExtras(this.store, this.stores.translations, release);
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
    const changed = await this.reindex(releaseId, sides);
    // Only the sides whose documents changed are saved again: a translation stored changes the other side only.
    if (changed.length > 0) this.snapshots.markChanged(changed);
  }

  /** The sides where the release's documents changed. */
  private async reindex(releaseId: string, sides: readonly Lang[]): Promise<Lang[]> {
    this.tally.refreshed++;
    const release = await this.store.getRelease(releaseId);
    const documents = release ? indexDocuments(release, await this.extras(release)) : [];
    return this.index.replaceRelease(
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

  /** Saves the snapshot of each side that changed since it was loaded or saved (see IndexSnapshots.persist). */
  persist(): Promise<boolean> {
    return this.snapshots.persist();
  }

  /** Waits for pending refreshes and saves the snapshot if the index changed: before the process exits. */
  async flush(): Promise<void> {
    this.snapshots.cancel();
    await this.idle();
    try {
      await this.persist();
    } catch (err) {
      this.logger.warn("could not save the search index snapshot", { error: err });
    }
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
