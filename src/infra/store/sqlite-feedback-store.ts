import type Database from "better-sqlite3";
import type { Feedback, FeedbackStore } from "../../core/ports/feedback-store.port.js";
import type { BriefKey } from "../../core/ports/release-store.port.js";

/** 👍/👎 votes beside the brief they rate (table `feedback`, migration 5; deleted with the brief). */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(f: Feedback): Promise<boolean> {
    const brief = this.db
      .prepare("SELECT release_id FROM briefs WHERE content_hash = ? AND engine = ? AND prompt_version = ?")
      .get(f.brief.contentHash, f.brief.engine, f.brief.promptVersion) as { release_id: string } | undefined;
    // The key comes back from a button a client could forge: only a stored brief of that release is rated.
    if (!brief || brief.release_id !== f.releaseId) return false;
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO feedback (content_hash, engine, prompt_version, release_id, user_key, vote, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (content_hash, engine, prompt_version, user_key)
         DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
      )
      .run(f.brief.contentHash, f.brief.engine, f.brief.promptVersion, f.releaseId, f.userKey, f.vote, at, at);
    return true;
  }

  async tally(key: BriefKey): Promise<{ up: number; down: number }> {
    const row = this.db
      .prepare(
        `SELECT coalesce(sum(vote = 'up'), 0) AS up, coalesce(sum(vote = 'down'), 0) AS down FROM feedback
         WHERE content_hash = ? AND engine = ? AND prompt_version = ?`,
      )
      .get(key.contentHash, key.engine, key.promptVersion) as { up: number; down: number };
    return { up: row.up, down: row.down };
  }
}
