import type { FactFinding } from "../../../core/domain/brief.js";
import type { BriefRejection } from "../../../core/ports/brief-rejection-store.port.js";

/** A `brief_rejections` row, the same in SQLite and PostgreSQL. */
export interface BriefRejectionRow {
  content_hash: string;
  engine: string;
  prompt_version: string;
  release_id: string;
  reason: string;
  findings: string;
  rejected_at: string;
}

export function toBriefRejection(row: BriefRejectionRow): BriefRejection {
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

/** The INSERT values of both stores, in column order: content_hash … rejected_at. */
export function briefRejectionValues(r: BriefRejection): string[] {
  return [
    r.key.contentHash,
    r.key.engine,
    r.key.promptVersion,
    r.releaseId,
    r.reason,
    JSON.stringify(r.findings),
    r.rejectedAt,
  ];
}
