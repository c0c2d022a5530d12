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
  ensureReady(): Promise<void> {
    return this.whenReady();
  }

  /** Resolves once the index is built; builds it now when nobody started to. */
  async whenReady(): Promise<void> {
    if (this.built) return;
    this.building ??= this.rebuild()
      .then(() => undefined)
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
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
  async rebuild(): Promise<{ releases: number; documents: number; ms: number }> {
    const started = performance.now();
    const releases = await this.allReleases();
    const briefs = await Promise.all(releases.map((r) => this.store.latestBriefFor(r.id)));
    function* documents() {
      for (const [i, r] of releases.entries()) yield* indexDocuments(r, briefs[i]);
    }
    this.index.rebuild(documents());
    this.built = true;
    await this.refreshSavedDuringBuild();
    return this.report(releases.length, started);
  }

  private async buildInSlices(sliceSize: number): Promise<void> {
    const started = performance.now();
    const releases = await this.allReleases();
    this.index.rebuild([]);
    for (let i = 0; i < releases.length; i += sliceSize) {
      for (const r of releases.slice(i, i + sliceSize)) {
        this.index.replaceRelease(r.id, indexDocuments(r, await this.store.latestBriefFor(r.id)));
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.built = true;
    await this.refreshSavedDuringBuild();
    this.report(releases.length, started);
  }

  private async refreshSavedDuringBuild(): Promise<void> {
    const ids = [...this.savedDuringBuild];
    this.savedDuringBuild.clear();
    for (const id of ids) await this.refresh(id);
  }

  private async allReleases(): Promise<Release[]> {
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
    this.logger.info("search index built", stats);
    return stats;
  }

  /** Re-indexes one release from the store (or drops it when it is gone). Before the first build, nothing to do. */
  async refresh(releaseId: string): Promise<void> {
    if (this.building && !this.built) this.savedDuringBuild.add(releaseId);
    if (!this.built) return;
    const release = await this.store.getRelease(releaseId);
    if (!release) {
      this.index.removeRelease(releaseId);
      return;
    }
    this.index.replaceRelease(releaseId, indexDocuments(release, await this.store.latestBriefFor(releaseId)));
  }

  onReleaseSaved(release: Release): Promise<void> {
    return this.safely(() => this.refresh(release.id), release.id);
  }

  onBriefSaved(brief: Brief): Promise<void> {
    return this.safely(() => this.refresh(brief.release.id), brief.release.id);
  }

  // Indexing must never fail an ingest or a brief: a missed update is repaired by the next one or a restart.
  private async safely(work: () => Promise<void>, releaseId: string): Promise<void> {
    try {
      await work();
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
