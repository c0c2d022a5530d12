import type { Brief } from "../domain/brief.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";
import { indexDocuments } from "./passages.js";
import type { SearchIndex } from "./search-index.port.js";

/**
 * Keeps the search index in step with the store: built from the store at start-up (`warmUp`, in slices so the
 * process keeps serving) or on first use, then refreshed for each release saved and each brief written.
 */
export class QaIndexer {
  private built = false;
  private building: Promise<void> | undefined;
  /** Releases saved while a sliced build runs: re-read once it is done. */
  private readonly savedDuringBuild = new Set<string>();
  private readonly logger: Logger;

  constructor(
    readonly index: SearchIndex,
    private readonly store: ReleaseStore,
    logger?: Logger,
  ) {
    this.logger = logger ?? silentLogger;
  }

  get ready(): boolean {
    return this.built;
  }

  /** Builds the index from the store unless it already was (command line, tests). */
  ensureReady(): void {
    if (!this.built && !this.building) this.rebuild();
  }

  /** Resolves once the index is built; builds it now when nobody started to. */
  async whenReady(): Promise<void> {
    if (this.built) return;
    if (this.building) return this.building;
    this.rebuild();
  }

  /**
   * Start-up build in slices of `sliceSize` releases, yielding to the event loop between slices: 10,000
   * releases take seconds to index, and the HTTP server and chat must answer meanwhile. Questions wait for it.
   */
  warmUp(sliceSize = 200): Promise<void> {
    if (this.built) return Promise.resolve();
    this.building ??= this.buildInSlices(sliceSize).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Re-reads every stored release and its latest brief, at once. */
  rebuild(): { releases: number; documents: number; ms: number } {
    const started = performance.now();
    const releases = this.allReleases();
    const store = this.store;
    function* documents() {
      for (const r of releases) yield* indexDocuments(r, store.latestBriefFor(r.id));
    }
    this.index.rebuild(documents());
    this.built = true;
    return this.report(releases.length, started);
  }

  private async buildInSlices(sliceSize: number): Promise<void> {
    const started = performance.now();
    const releases = this.allReleases();
    this.index.rebuild([]);
    for (let i = 0; i < releases.length; i += sliceSize) {
      for (const r of releases.slice(i, i + sliceSize)) {
        this.index.replaceRelease(r.id, indexDocuments(r, this.store.latestBriefFor(r.id)));
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.built = true;
    for (const id of this.savedDuringBuild) this.refresh(id);
    this.savedDuringBuild.clear();
    this.report(releases.length, started);
  }

  private allReleases(): Release[] {
    return this.store.listReleases({ limit: Math.max(1, this.store.countReleases()) });
  }

  private report(releases: number, started: number) {
    const stats = { releases, documents: this.index.documentCount, ms: Math.round(performance.now() - started) };
    this.logger.info("search index built", stats);
    return stats;
  }

  /** Re-indexes one release from the store (or drops it when it is gone). Before the first build, nothing to do. */
  refresh(releaseId: string): void {
    if (this.building && !this.built) this.savedDuringBuild.add(releaseId);
    if (!this.built) return;
    const release = this.store.getRelease(releaseId);
    if (!release) {
      this.index.removeRelease(releaseId);
      return;
    }
    this.index.replaceRelease(releaseId, indexDocuments(release, this.store.latestBriefFor(releaseId)));
  }

  onReleaseSaved(release: Release): void {
    this.safely(() => this.refresh(release.id), release.id);
  }

  onBriefSaved(brief: Brief): void {
    this.safely(() => this.refresh(brief.release.id), brief.release.id);
  }

  // Indexing must never fail an ingest or a brief: a missed update is repaired by the next one or a restart.
  private safely(work: () => void, releaseId: string): void {
    try {
      work();
    } catch (err) {
      this.logger.warn("could not update the search index", { releaseId, error: err });
    }
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
        return (draft: Parameters<ReleaseStore["saveRelease"]>[0]) => {
          const result = target.saveRelease(draft);
          if (result.outcome !== "unchanged") listener.onReleaseSaved(result.release);
          return result;
        };
      }
      if (prop === "saveBrief") {
        return (brief: Brief) => {
          target.saveBrief(brief);
          listener.onBriefSaved(brief);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
