import type { Feedback, FeedbackStore } from "../../../core/ports/feedback-store.port.js";
import type { BriefKey } from "../../../core/ports/release-store.port.js";
import type { PgDb } from "./pg-db.js";

/** 👍/👎 votes beside the brief they rate, in PostgreSQL (deleted with the brief). */
export class PgFeedbackStore implements FeedbackStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(f: Feedback): Promise<boolean> {
    const at = this.now().toISOString();
    // One statement: only a stored brief of that release is rated (the key comes from a button a client could forge).
    const changed = await this.db.run(
      `INSERT INTO feedback (content_hash, engine, prompt_version, release_id, user_key, vote, created_at, updated_at)
       SELECT b.content_hash, b.engine, b.prompt_version, b.release_id, $5, $6, $7, $7 FROM briefs b
       WHERE b.content_hash = $1 AND b.engine = $2 AND b.prompt_version = $3 AND b.release_id = $4
       ON CONFLICT (content_hash, engine, prompt_version, user_key)
       DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
      [f.brief.contentHash, f.brief.engine, f.brief.promptVersion, f.releaseId, f.userKey, f.vote, at],
    );
    return changed > 0;
  }

  async tally(key: BriefKey): Promise<{ up: number; down: number }> {
    const [row] = await this.db.rows<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE vote = 'up')::int AS up, count(*) FILTER (WHERE vote = 'down')::int AS down
       FROM feedback WHERE content_hash = $1 AND engine = $2 AND prompt_version = $3`,
      [key.contentHash, key.engine, key.promptVersion],
    );
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }
}
