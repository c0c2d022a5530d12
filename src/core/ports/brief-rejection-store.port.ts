import type { FactFinding } from "../domain/brief.js";
import type { BriefKey } from "./release-store.port.js";

/** A model's brief of one release content that the fact guard rejected, by the brief cache key it was asked under. */
export interface BriefRejection {
  key: BriefKey;
  releaseId: string;
  /** Why, for the log and the brief's fallback reason. */
  reason: string;
  findings: FactFinding[];
  rejectedAt: string;
}

/**
 * Remembers rejected model briefs, so a repeat request for the same release content, engine and prompt version
 * goes straight to the fallback (0 model requests); a new prompt version or another model is another key and
 * tries again. Asynchronous like every store port (SQLite today, PostgreSQL behind the same port later).
 */
export interface BriefRejectionStore {
  get(key: BriefKey): Promise<BriefRejection | undefined>;
  /** Records (or replaces) the rejection under its key. */
  save(rejection: BriefRejection): Promise<void>;
}
