import type { Brief } from "../domain/brief.js";
import type { Release } from "../domain/release.js";
import type { ReleaseChangeFeed } from "../ports/change-feed.port.js";
import type { Logger } from "../ports/logger.port.js";
import type { ReleaseStore } from "../ports/release-store.port.js";

/** What the sync needs of the Q&A indexer: its per-release refresh (re-read from the store, or drop). */
export interface ReleaseRefresher {
  refresh(releaseId: string): unknown;
}

/** Releases re-read per slice of a resync, yielding between slices so requests keep being served. */
const SLICE = 200;

/**
 * Keeps this replica's search index current with what the other replicas store: each release they announce is
 * re-read from the shared store; after a gap in listening every stored release is (in slices), since what was
 * missed is unknown.
 */
export async function followReleaseChanges(
  feed: ReleaseChangeFeed,
  indexer: ReleaseRefresher,
  store: Pick<ReleaseStore, "listReleases" | "countReleases">,
  logger: Logger,
): Promise<void> {
  let resyncing = false;
  const refresh = async (releaseId: string) => {
    try {
      await indexer.refresh(releaseId);
      logger.debug("search index refreshed from another replica", { releaseId });
    } catch (err) {
      logger.warn("could not refresh the search index", { releaseId, error: err });
    }
  };
  const resync = async () => {
    const started = performance.now();
    const count = await store.countReleases();
    const releases = await store.listReleases({ limit: Math.max(1, count) });
    for (let i = 0; i < releases.length; i += SLICE) {
      for (const r of releases.slice(i, i + SLICE)) await refresh(r.id);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    logger.info("search index resynced with the store", {
      releases: releases.length,
      ms: Math.round(performance.now() - started),
    });
  };
  await feed.listen({
    changed: (releaseId) => void refresh(releaseId),
    resync: () => {
      if (resyncing) return;
      resyncing = true;
      void resync()
        .catch((err: unknown) => logger.warn("search index resync failed", { error: err }))
        .finally(() => {
          resyncing = false;
        });
    },
  });
}

/**
 * A save listener (for the store observer the Q&A index already uses) telling the other replicas about every
 * release stored or re-briefed here. Announcing never fails a save.
 */
export function announceSaves(
  feed: ReleaseChangeFeed,
  logger: Logger,
): { onReleaseSaved(release: Release): Promise<void>; onBriefSaved(brief: Brief): Promise<void> } {
  const announce = (releaseId: string) =>
    void feed
      .announce(releaseId)
      .catch((err: unknown) => logger.warn("could not announce a release", { releaseId, error: err }));
  // Not awaited: a save never waits on the feed (which may be reconnecting).
  return {
    onReleaseSaved: async (release) => announce(release.id),
    onBriefSaved: async (brief) => announce(brief.release.id),
  };
}
