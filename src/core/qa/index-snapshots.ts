import { LANGS, type Lang } from "../domain/language.js";
import type { Logger } from "../ports/logger.port.js";
import type { QaSnapshotStore } from "../ports/qa-index-store.port.js";
import type { SearchIndex } from "./search-index.port.js";

/** Past this share of releases changed since the snapshot, re-reading them all is as cheap as a rebuild. */
const CATCH_UP_SHARE = 0.3;
/** ...and a few releases are always re-read rather than rebuilt for, however small the store. */
const CATCH_UP_MIN = 50;
/** Loads tried while other processes keep saving newer snapshots (each save may forget the log a load needs). */
const LOAD_ATTEMPTS = 3;
/** A burst of changes delays the save by at most this many delays. */
const MAX_WAIT = 6;

export interface IndexSnapshotsDeps {
  index: SearchIndex;
  /** Where the sides are saved; without it nothing is loaded or saved. */
  store: QaSnapshotStore | undefined;
  /** Re-reads one release from the release store into these sides of the index (or drops it there): the sides changed. */
  reindex(releaseId: string, sides: readonly Lang[]): Promise<readonly Lang[]>;
  countReleases(): Promise<number>;
  /** Whether the side is ready in the index (loaded or built): only those are saved. */
  isReady(side: Lang): boolean;
  logger: Logger;
  /** Wait after a change before the snapshot is saved again; undefined: only when asked (`persist`). */
  persistDelayMs: number | undefined;
}

/**
 * The index's sides as saved in the store: loading one and catching it up with the store's change counter, and
 * saving the sides that changed, shortly after a change. Keeps, per side, the counter the in-memory index reflects
 * every change up to, and whether it changed since it was loaded or saved.
 */
export class IndexSnapshots {
  private readonly appliedSeq: Record<Lang, number> = { en: 0, fr: 0 };
  private readonly changed: Record<Lang, boolean> = { en: false, fr: false };
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet saved was made (ms), for the latest a save may wait. */
  private firstUnsaved: number | undefined;
  /** Saves run one at a time (the timer's and the one at exit): each catches up from where the last left. */
  private saving: Promise<unknown> = Promise.resolve();
  /** Sides loaded from a snapshot, for logs and tests. */
  loads = 0;

  constructor(private readonly deps: IndexSnapshotsDeps) {}

  /** The store's change counter now (0 without a store): what a build from the store reflects. */
  async changeSeq(): Promise<number> {
    return (await this.deps.store?.changeSeq()) ?? 0;
  }

  /**
   * One side's snapshot, brought up to date with the releases changed since; false (side untouched) when there is
   * none usable. A snapshot whose catch-up another process's save forgot meanwhile is read again: the newer one.
   */
  async load(side: Lang): Promise<boolean> {
    const { store, index, logger } = this.deps;
    if (!store) return false;
    const started = performance.now();
    try {
      for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
        const snapshot = await store.load(side);
        if (!snapshot) return false;
        const since = await store.changedSince(snapshot.changeSeq);
        if (!since.complete) continue;
        const total = Math.max(1, await this.deps.countReleases());
        if (since.releaseIds.length > Math.max(CATCH_UP_MIN, total * CATCH_UP_SHARE)) {
          logger.info("most releases changed since the search index snapshot; rebuilding", {
            changed: since.releaseIds.length,
          });
          return false;
        }
        if (!index.restore(side, snapshot.format, snapshot.data)) {
          logger.info("search index snapshot is of another format; rebuilding", { format: snapshot.format });
          return false;
        }
        let touched = false;
        for (const id of since.releaseIds) if ((await this.deps.reindex(id, [side])).length > 0) touched = true;
        this.appliedSeq[side] = since.seq;
        this.changed[side] = touched;
        this.loads++;
        logger.info("search index loaded from its snapshot", {
          side,
          documents: snapshot.documents,
          caughtUp: since.releaseIds.length,
          ms: Math.round(performance.now() - started),
        });
        return true;
      }
      logger.info("search index snapshots saved faster than one loads; rebuilding", { side });
      return false;
    } catch (err) {
      logger.warn("could not load the search index snapshot; rebuilding", { side, error: err });
      return false;
    }
  }

  /** Both sides were built from the store when its counter was `seq`: to be saved. */
  builtAt(seq: number): void {
    for (const l of LANGS) {
      this.appliedSeq[l] = seq;
      this.changed[l] = true;
    }
  }

  /** These sides changed (a release re-indexed): saved after the delay. */
  markChanged(sides: readonly Lang[]): void {
    for (const l of sides) this.changed[l] = true;
    this.schedule();
  }

  /**
   * Saves each ready side that changed since it was loaded or saved. Changes by other processes (a CLI ingest
   * beside the server, another replica) are re-read first, so the snapshot covers every change up to the counter
   * it records. A side whose log another process forgot (it saved both sides later) is not saved over theirs: it
   * loads their snapshot instead, and is saved only if changes came after it.
   */
  persist(): Promise<boolean> {
    const run = this.saving.then(
      () => this.persistNow(),
      () => this.persistNow(),
    );
    this.saving = run;
    return run;
  }

  private async persistNow(): Promise<boolean> {
    if (!this.deps.store) return false;
    let saved = false;
    for (const side of LANGS) {
      if (!this.deps.isReady(side) || !this.changed[side]) continue;
      const since = await this.catchUp(side);
      if (since) saved = (await this.save(side, since.seq)) || saved;
    }
    return saved;
  }

  /** The side brought up to the store's counter: the counter, or undefined when there is nothing to save. */
  private async catchUp(side: Lang): Promise<{ seq: number } | undefined> {
    const store = this.deps.store!;
    let since = await store.changedSince(this.appliedSeq[side]);
    if (!since.complete) {
      // What this index missed cannot be known: it takes the newer snapshot, or (another version's, which it cannot
      // read) saves nothing rather than an index that may lack changes; the next start rebuilds then.
      const usable = (await store.stored(side))?.format === this.deps.index.snapshotFormat;
      if (!usable || !(await this.load(side))) {
        this.deps.logger.warn("search index side not saved: a newer snapshot is stored that this one cannot load", {
          side,
        });
        this.changed[side] = false;
        return undefined;
      }
      if (!this.changed[side]) return undefined;
      since = await store.changedSince(this.appliedSeq[side]);
      if (!since.complete) return undefined;
    }
    for (const id of since.releaseIds) await this.deps.reindex(id, [side]);
    this.appliedSeq[side] = since.seq;
    // Another process saved this side as far already (replicas hearing of each other's changes): theirs will do.
    const stored = await store.stored(side);
    if (stored && stored.format === this.deps.index.snapshotFormat && stored.changeSeq >= since.seq) {
      this.changed[side] = false;
      return undefined;
    }
    return since;
  }

  private async save(side: Lang, changeSeq: number): Promise<boolean> {
    const { store, index, logger } = this.deps;
    const started = performance.now();
    // Cleared before the snapshot is taken: a change made meanwhile marks the side again, for another save.
    this.changed[side] = false;
    const { format, data } = await index.snapshot(side);
    const documents = index.sideCount(side);
    const ok = await store!.save({ side, format, data, changeSeq, documents, savedAt: new Date().toISOString() });
    logger.info("search index snapshot saved", {
      side,
      saved: ok,
      documents,
      bytes: data.length,
      ms: Math.round(performance.now() - started),
    });
    return ok;
  }

  /**
   * A save once changes pause for the delay (they come in bursts: a poll, an ingest, the translation queue working
   * through a backlog), and at the latest `MAX_WAIT` delays after the first change not saved: a save costs about a
   * second and a half of CPU at 10,000 releases, and a restart catches up from the log anyway.
   */
  schedule(): void {
    const delay = this.deps.persistDelayMs;
    if (!this.deps.store || delay === undefined) return;
    const now = Date.now();
    this.firstUnsaved ??= now;
    const due = Math.min(now + delay, this.firstUnsaved + delay * MAX_WAIT);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.firstUnsaved = undefined;
        this.persist().catch((err: unknown) =>
          this.deps.logger.warn("could not save the search index snapshot", { error: err }),
        );
      },
      Math.max(0, due - now),
    );
    this.timer.unref?.();
  }

  /** The save due is not made (the caller saves now). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstUnsaved = undefined;
  }
}
