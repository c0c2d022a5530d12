import type { Lang } from "../../../core/domain/language.js";
import type {
  ChangesSince,
  QaSnapshot,
  QaSnapshotStore,
  ReleaseTranslation,
  ReleaseTranslationStore,
} from "../../../core/ports/qa-index-store.port.js";
import {
  type HorizonRow,
  LOG_HORIZON,
  logCompleteAfter,
  PENDING_TRANSLATIONS,
  type SnapshotRow,
  staleTranslationsSql,
  type TranslationRow,
  toQaSnapshot,
  toReleaseTranslation,
} from "../rows/qa-index-rows.js";
import type { PgDb } from "./pg-db.js";

/** Offline translations of releases in PostgreSQL (PostgreSQL migration 2). */
export class PgReleaseTranslations implements ReleaseTranslationStore {
  constructor(private readonly db: PgDb) {}

  async get(releaseId: string, lang: Lang): Promise<ReleaseTranslation | undefined> {
    const [row] = await this.db.rows<TranslationRow>(
      "SELECT * FROM release_translations WHERE release_id = $1 AND lang = $2",
      [releaseId, lang],
    );
    return row ? toReleaseTranslation(row) : undefined;
  }

  async save(t: ReleaseTranslation): Promise<void> {
    await this.db.run(
      `INSERT INTO release_translations (release_id, lang, content_hash, title, sentences, pipeline, created_at)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM releases WHERE id = $1)
       ON CONFLICT (release_id, lang) DO UPDATE SET content_hash = excluded.content_hash, title = excluded.title,
         sentences = excluded.sentences, pipeline = excluded.pipeline, created_at = excluded.created_at`,
      [t.releaseId, t.lang, t.contentHash, t.title, JSON.stringify(t.sentences), t.pipeline, t.createdAt],
    );
  }

  async hasPending(): Promise<boolean> {
    return (await this.db.rows(`SELECT 1 ${PENDING_TRANSLATIONS} LIMIT 1`)).length > 0;
  }

  pending(limit: number): Promise<{ releaseId: string; lang: Lang }[]> {
    return this.db.rows<{ releaseId: string; lang: Lang }>(
      `SELECT r.id AS "releaseId", l.lang AS lang ${PENDING_TRANSLATIONS} ORDER BY r.created_at, r.id LIMIT $1`,
      [Math.max(0, Math.floor(limit))],
    );
  }

  stale(current: Readonly<Record<Lang, string>>, limit: number): Promise<{ releaseId: string; lang: Lang }[]> {
    return this.db.rows<{ releaseId: string; lang: Lang }>(staleTranslationsSql("$1", "$2", "$3", `"releaseId"`), [
      current.en,
      current.fr,
      Math.max(0, Math.floor(limit)),
    ]);
  }
}

/**
 * The Q&A index snapshot and change counter in PostgreSQL. Triggers number every change from one counter row
 * (not a sequence): its row lock hands out numbers in commit order, so a replica that has read up to N never
 * later finds an older-numbered change that committed after it looked.
 */
export class PgQaSnapshots implements QaSnapshotStore {
  constructor(private readonly db: PgDb) {}

  async load(side: Lang): Promise<QaSnapshot | undefined> {
    const [row] = await this.db.rows<SnapshotRow>("SELECT * FROM qa_snapshot WHERE side = $1", [side]);
    return row ? toQaSnapshot(side, row) : undefined;
  }

  async stored(side: Lang): Promise<Pick<QaSnapshot, "changeSeq" | "format"> | undefined> {
    const [row] = await this.db.rows<{ change_seq: string; format: string }>(
      "SELECT change_seq, format FROM qa_snapshot WHERE side = $1",
      [side],
    );
    return row ? { changeSeq: Number(row.change_seq), format: row.format } : undefined;
  }

  async save(s: QaSnapshot): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // One statement decides: a stored snapshot that covers a later change is kept, whatever its format.
      const saved = await tx.run(
        `INSERT INTO qa_snapshot (side, format, change_seq, documents, data, saved_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (side) DO UPDATE SET format = excluded.format, change_seq = excluded.change_seq,
           documents = excluded.documents, data = excluded.data, saved_at = excluded.saved_at
         WHERE qa_snapshot.change_seq <= excluded.change_seq`,
        [s.side, s.format, s.changeSeq, s.documents, s.data, s.savedAt],
      );
      if (saved === 0) return false;
      // The log before every side's snapshot is no use to anyone: a loader starts from a snapshot.
      await tx.run(`DELETE FROM qa_changes WHERE seq <= (SELECT min(change_seq) FROM qa_snapshot HAVING count(*) = 2)`);
      return true;
    });
  }

  async changeSeq(): Promise<number> {
    const [row] = await this.db.rows<{ seq: string }>("SELECT seq FROM qa_change_counter");
    return Number(row?.seq ?? 0);
  }

  async changedSince(seq: number): Promise<ChangesSince> {
    const rows = await this.db.rows<{ seq: string; release_id: string }>(
      "SELECT seq, release_id FROM qa_changes WHERE seq > $1 ORDER BY seq",
      [seq],
    );
    // A statement after the rows (each sees what committed before it): a save that forgot some meanwhile is seen.
    const [horizon] = await this.db.rows<HorizonRow>(LOG_HORIZON);
    const last = rows.length ? Number(rows.at(-1)!.seq) : Math.max(seq, await this.changeSeq());
    return {
      seq: last,
      releaseIds: [...new Set(rows.map((r) => r.release_id))],
      complete: logCompleteAfter(seq, horizon),
    };
  }
}
