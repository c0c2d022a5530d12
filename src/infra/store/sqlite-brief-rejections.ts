import type Database from "better-sqlite3";
import type { FactFinding } from "../../core/domain/brief.js";
import type { BriefRejection, BriefRejectionStore } from "../../core/ports/brief-rejection-store.port.js";
import type { BriefKey } from "../../core/ports/release-store.port.js";

interface Row {
  content_hash: string;
  engine: string;
  prompt_version: string;
  release_id: string;
  reason: string;
  findings: string;
  rejected_at: string;
}

/** Rejected model briefs in SQLite (table `brief_rejections`, migration 8). */
export class SqliteBriefRejections implements BriefRejectionStore {
  constructor(private readonly db: Database.Database) {}

  async get(key: BriefKey): Promise<BriefRejection | undefined> {
    const row = this.db
      .prepare("SELECT * FROM brief_rejections WHERE content_hash = ? AND engine = ? AND prompt_version = ?")
      .get(key.contentHash, key.engine, key.promptVersion) as Row | undefined;
    if (!row) return undefined;
    let findings: FactFinding[] = [];
    try {
      findings = JSON.parse(row.findings) as FactFinding[];
    } catch {
      // A damaged findings column still remembers the rejection itself.
    }
    return {
      key: { contentHash: row.content_hash, engine: row.engine, promptVersion: row.prompt_version },
      releaseId: row.release_id,
      reason: row.reason,
      findings,
      rejectedAt: row.rejected_at,
    };
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
      .run(
        r.key.contentHash,
        r.key.engine,
        r.key.promptVersion,
        r.releaseId,
        r.reason,
        JSON.stringify(r.findings),
        r.rejectedAt,
      );
  }
}
