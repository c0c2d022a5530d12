import type { Lang } from "../domain/language.js";

/** What one poll did with one listed release. "skipped" always carries its reason. */
export type PollOutcome = "new" | "updated" | "unchanged" | "skipped";

export interface PollItem {
  source: string;
  url: string;
  outcome: PollOutcome;
  releaseId?: string | undefined;
  title?: string | undefined;
  sourceLanguage?: Lang | undefined;
  /** Languages the stored release now has. */
  languages?: Lang[] | undefined;
  /** The official counterpart attached by this poll (a new release with its pair, or a pair found later). */
  paired?: { lang: Lang; url: string } | undefined;
  /** Why it was skipped or left unchanged, or a note (e.g. "no French version yet"). */
  reason?: string | undefined;
}

export interface SourceSummary {
  name: string;
  /** How entries were found ("listing", "sitemap (listing failed: ...)", "feed (not modified)"). */
  via?: string | undefined;
  entries: number;
  /** Set when the source could not be read at all. */
  error?: string | undefined;
}

export interface PollCounts {
  new: number;
  updated: number;
  unchanged: number;
  paired: number;
  skipped: number;
}

export interface PollReport {
  startedAt: string;
  finishedAt: string;
  sources: SourceSummary[];
  items: PollItem[];
  counts: PollCounts;
}

export function countItems(items: PollItem[]): PollCounts {
  const counts: PollCounts = { new: 0, updated: 0, unchanged: 0, paired: 0, skipped: 0 };
  for (const item of items) {
    counts[item.outcome] += 1;
    if (item.paired) counts.paired += 1;
  }
  return counts;
}
