import type { BriefRejection, BriefRejectionStore } from "../../../core/ports/brief-rejection-store.port.js";
import type { BriefKey } from "../../../core/ports/release-store.port.js";
import { type BriefRejectionRow, briefRejectionValues, toBriefRejection } from "../rows/brief-rejection-rows.js";
import type { PgDb } from "./pg-db.js";

/** Rejected model briefs in PostgreSQL. */
export class PgBriefRejections implements BriefRejectionStore {
  constructor(private readonly db: PgDb) {}

  async get(key: BriefKey): Promise<BriefRejection | undefined> {
    const [row] = await this.db.rows<BriefRejectionRow>(
      "SELECT * FROM brief_rejections WHERE content_hash = $1 AND engine = $2 AND prompt_version = $3",
      [key.contentHash, key.engine, key.promptVersion],
    );
    return row ? toBriefRejection(row) : undefined;
  }

  async save(r: BriefRejection): Promise<void> {
    await this.db.run(
      `INSERT INTO brief_rejections (content_hash, engine, prompt_version, release_id, reason, findings, rejected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (content_hash, engine, prompt_version)
       DO UPDATE SET release_id = excluded.release_id, reason = excluded.reason, findings = excluded.findings,
         rejected_at = excluded.rejected_at`,
      briefRejectionValues(r),
    );
  }
}
