import type { Lang } from "../domain/language.js";

/**
 * A release's text in the language NATO did not publish it in, made once by the offline translation when the
 * release is stored (and again when its text changes), never per question. Sentence-aligned with the original:
 * `sentences[n]` translates the original's n-th passage, so an answer can quote the original beside it.
 */
export interface ReleaseTranslation {
  releaseId: string;
  /** The language translated into (the one the release has no official text in). */
  lang: Lang;
  /** The release's content hash when it was translated: another hash means the translation is stale. */
  contentHash: string;
  title: string;
  sentences: string[];
  /** The translator's pipeline ("apertium:en-ca-fr"...), for the label and for re-translating on a change. */
  pipeline: string;
  createdAt: string;
}

/** Stored offline translations of releases. Asynchronous like every store port (SQLite today, PostgreSQL later). */
export interface ReleaseTranslationStore {
  get(releaseId: string, lang: Lang): Promise<ReleaseTranslation | undefined>;
  /** Replaces the translation of that release into that language. */
  save(translation: ReleaseTranslation): Promise<void>;
  /**
   * Releases with no official text in some language and no translation of their current content into it, oldest
   * stored first: the queue's work after a restart.
   */
  pending(limit: number): Promise<{ releaseId: string; lang: Lang }[]>;
  /** Whether any release is pending (see `pending`): a question may then need translating to reach it. */
  hasPending(): Promise<boolean>;
  /**
   * Translations of the current content made by another pipeline than `current` names for their language (the
   * offline rules or the glossary changed since), oldest release first: still served and indexed, to be made again.
   */
  stale(current: Readonly<Record<Lang, string>>, limit: number): Promise<{ releaseId: string; lang: Lang }[]>;
}

/** One side (language) of the search index as saved: opaque to the store, tagged with what it covers. */
export interface QaSnapshot {
  side: Lang;
  /** The index's own format version: another version is not loaded (rebuilt instead). */
  format: string;
  /** The store's change counter the snapshot includes every change up to. */
  changeSeq: number;
  documents: number;
  data: string;
  savedAt: string;
}

/**
 * The Q&A index snapshot and the change counter it is checked against. Every save or removal of a release, a
 * brief or a translation, by any process, bumps the counter (in SQLite, triggers): a snapshot is loaded and then
 * brought up to date by re-indexing the releases changed since its counter, never rebuilt at each start.
 */
export interface QaSnapshotStore {
  load(side: Lang): Promise<QaSnapshot | undefined>;
  /** The change counter and format of the stored snapshot of that side, without reading its data. */
  stored(side: Lang): Promise<Pick<QaSnapshot, "changeSeq" | "format"> | undefined>;
  /**
   * Saves unless the stored snapshot of that side already covers a later change (another process saved a newer
   * one), whatever its format: the counters of the stored snapshots never go back. Changes older than every side's
   * snapshot are forgotten.
   */
  save(snapshot: QaSnapshot): Promise<boolean>;
  /** The current change counter. */
  changeSeq(): Promise<number>;
  /** Releases changed after `seq` (deduplicated) and the counter they bring the index to. */
  changedSince(seq: number): Promise<ChangesSince>;
}

export interface ChangesSince {
  seq: number;
  releaseIds: string[];
  /**
   * false when changes after `seq` were forgotten (every side's snapshot, saved by some process, covers them):
   * `releaseIds` is then not all that changed, and an index at `seq` must load the newer snapshot instead.
   */
  complete: boolean;
}
