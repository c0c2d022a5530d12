import type { BriefKey } from "./release-store.port.js";

export type FeedbackVote = "up" | "down";

export interface Feedback {
  /** The exact brief that was rated: its cache key, so a later brief of the same release is rated apart. */
  brief: BriefKey;
  releaseId: string;
  userKey: string;
  vote: FeedbackVote;
}

/** 👍/👎 on briefs, one vote per user per brief (a second vote replaces the first). */
export interface FeedbackStore {
  /** false when the brief is not stored (deleted, or a forged key): nothing is recorded. */
  record(feedback: Feedback): Promise<boolean>;
  /** Votes of one brief. */
  tally(brief: BriefKey): Promise<{ up: number; down: number }>;
}
