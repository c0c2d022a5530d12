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

/** Durable home of releases and their cached briefs (SQLite or PostgreSQL behind the same port). */
export interface ReleaseStore {
  /** Stores a release once: same canonical URL updates it (dropping stale briefs), same content returns it. */
  saveRelease(draft: ReleaseDraft): Promise<{ release: Release; outcome: SaveOutcome }>;
  getRelease(id: string): Promise<Release | undefined>;
  findByCanonicalUrl(url: string): Promise<Release | undefined>;
  /** The release stored under this canonical URL, or linked to it (a counterpart's page, a redirect's start). */
  findByUrl(url: string): Promise<Release | undefined>;
  /** Makes a release findable by another canonical URL of its `lang` version (see findByUrl). */
  linkUrl(releaseId: string, url: string, lang: Lang): Promise<void>;
  listReleases(options?: ListOptions): Promise<Release[]>;
  countReleases(): Promise<number>;
  getBrief(key: BriefKey): Promise<Brief | undefined>;
  /** The newest stored brief of a release, whatever engine wrote it. */
  latestBriefFor(releaseId: string): Promise<Brief | undefined>;
  saveBrief(brief: Brief): Promise<void>;
  close(): Promise<void>;
}
