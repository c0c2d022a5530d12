import type Database from "better-sqlite3";
import type { BriefRejection, BriefRejectionStore } from "../../core/ports/brief-rejection-store.port.js";
import type { BriefKey } from "../../core/ports/release-store.port.js";
import { type BriefRejectionRow, briefRejectionValues, toBriefRejection } from "./rows/brief-rejection-rows.js";

/** Rejected model briefs in SQLite (table `brief_rejections`, migration 8). */
export class SqliteBriefRejections implements BriefRejectionStore {
  constructor(private readonly db: Database.Database) {}

  async get(key: BriefKey): Promise<BriefRejection | undefined> {
    const row = this.db
      .prepare("SELECT * FROM brief_rejections WHERE content_hash = ? AND engine = ? AND prompt_version = ?")
      .get(key.contentHash, key.engine, key.promptVersion) as BriefRejectionRow | undefined;
    return row ? toBriefRejection(row) : undefined;
  }

  async save(r: BriefRejection): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO brief_rejections (content_hash, engine, prompt_version, release_id, reason, findings, rejected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (content_hash, engine, prompt_version)
         DO UPDATE SET release_id = excluded.release_id, reason = excluded.reason, findings = excluded.findings,
           rejected_at = excluded.rejected_at`,
      )
      .run(...briefRejectionValues(r));
  }
}
