import type { Brief } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { Release, ReleaseDraft } from "../domain/release.js";

export type SaveOutcome = "new" | "updated" | "unchanged";

export interface BriefKey {
  contentHash: string;
  engine: string;
  promptVersion: string;
}

export interface ListOptions {
  limit?: number;
  /** ISO timestamp: only releases published (or, without a date, stored) at or after it. */
  since?: string;
  /** ISO timestamp: only releases first stored at or after it (`createdAt`), whatever their publication date. */
  storedSince?: string;
}

/** Durable home of releases and their cached briefs (SQLite today). */
export interface ReleaseStore {
  /** Stores a release once: same canonical URL updates it (dropping stale briefs), same content returns it. */
  saveRelease(draft: ReleaseDraft): { release: Release; outcome: SaveOutcome };
  getRelease(id: string): Release | undefined;
  findByCanonicalUrl(url: string): Release | undefined;
  /** The release stored under this canonical URL, or linked to it (a counterpart's page, a redirect's start). */
  findByUrl(url: string): Release | undefined;
  /** Makes a release findable by another canonical URL of its `lang` version (see findByUrl). */
  linkUrl(releaseId: string, url: string, lang: Lang): void;
  listReleases(options?: ListOptions): Release[];
  countReleases(): number;
  getBrief(key: BriefKey): Brief | undefined;
  /** The newest stored brief of a release, whatever engine wrote it. */
  latestBriefFor(releaseId: string): Brief | undefined;
  saveBrief(brief: Brief): void;
  close(): void;
}
