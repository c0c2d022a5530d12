import type Database from "better-sqlite3";
import type { Lang } from "../../core/domain/language.js";
import type {
  ChangesSince,
  QaSnapshot,
  QaSnapshotStore,
  ReleaseTranslation,
  ReleaseTranslationStore,
} from "../../core/ports/qa-index-store.port.js";
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
} from "./rows/qa-index-rows.js";
import { statement } from "./sqlite.js";
import { writeTransaction } from "./write-transaction.js";

/** Offline translations of releases in SQLite (table `release_translations`, migration 9). */
export class SqliteReleaseTranslations implements ReleaseTranslationStore {
  constructor(private readonly db: Database.Database) {}

  async get(releaseId: string, lang: Lang): Promise<ReleaseTranslation | undefined> {
    const row = statement(this.db, "SELECT * FROM release_translations WHERE release_id = ? AND lang = ?").get(
      releaseId,
      lang,
    ) as TranslationRow | undefined;
    return row ? toReleaseTranslation(row) : undefined;
  }

  async save(t: ReleaseTranslation): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO release_translations (release_id, lang, content_hash, title, sentences, pipeline, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM releases WHERE id = ?)
         ON CONFLICT (release_id, lang) DO UPDATE SET content_hash = excluded.content_hash, title = excluded.title,
           sentences = excluded.sentences, pipeline = excluded.pipeline, created_at = excluded.created_at`,
      )
      .run(
        t.releaseId,
        t.lang,
        t.contentHash,
        t.title,
        JSON.stringify(t.sentences),
        t.pipeline,
        t.createdAt,
        t.releaseId,
      );
  }

  async hasPending(): Promise<boolean> {
    // The same condition as pending(), stopping at the first release found.
    return statement(this.db, `SELECT 1 ${PENDING_TRANSLATIONS} LIMIT 1`).get() !== undefined;
  }

  async pending(limit: number): Promise<{ releaseId: string; lang: Lang }[]> {
    return this.db
      .prepare(`SELECT r.id AS releaseId, l.lang AS lang ${PENDING_TRANSLATIONS} ORDER BY r.created_at, r.id LIMIT ?`)
      .all(Math.max(0, Math.floor(limit))) as { releaseId: string; lang: Lang }[];
  }

  async stale(current: Readonly<Record<Lang, string>>, limit: number): Promise<{ releaseId: string; lang: Lang }[]> {
    return this.db
      .prepare(staleTranslationsSql("?", "?", "?", "releaseId"))
      .all(current.en, current.fr, Math.max(0, Math.floor(limit))) as { releaseId: string; lang: Lang }[];
  }
}

/** The Q&A index snapshot and change counter in SQLite (tables `qa_snapshot`, `qa_changes`, migration 9). */
export class SqliteQaSnapshots implements QaSnapshotStore {
  constructor(private readonly db: Database.Database) {}

  async load(side: Lang): Promise<QaSnapshot | undefined> {
    const row = this.db.prepare("SELECT * FROM qa_snapshot WHERE side = ?").get(side) as SnapshotRow | undefined;
    return row ? toQaSnapshot(side, row) : undefined;
  }

  async stored(side: Lang): Promise<Pick<QaSnapshot, "changeSeq" | "format"> | undefined> {
    const row = this.db.prepare("SELECT change_seq, format FROM qa_snapshot WHERE side = ?").get(side) as
      | { change_seq: number; format: string }
      | undefined;
    return row ? { changeSeq: row.change_seq, format: row.format } : undefined;
  }

  async save(s: QaSnapshot): Promise<boolean> {
    return writeTransaction(this.db, () => {
      const stored = this.db.prepare("SELECT change_seq FROM qa_snapshot WHERE side = ?").get(s.side) as
        | { change_seq: number }
        | undefined;
      if (stored && stored.change_seq > s.changeSeq) return false;
      this.db
        .prepare(
          `INSERT INTO qa_snapshot (side, format, change_seq, documents, data, saved_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (side) DO UPDATE SET format = excluded.format, change_seq = excluded.change_seq,
             documents = excluded.documents, data = excluded.data, saved_at = excluded.saved_at`,
        )
        .run(s.side, s.format, s.changeSeq, s.documents, s.data, s.savedAt);
      // The log before every side's snapshot is no use to anyone: a loader starts from a snapshot.
      const sides = this.db.prepare("SELECT COUNT(*) AS n, MIN(change_seq) AS seq FROM qa_snapshot").get() as {
        n: number;
        seq: number | null;
      };
      if (sides.n === 2 && sides.seq !== null) this.db.prepare("DELETE FROM qa_changes WHERE seq <= ?").run(sides.seq);
      return true;
    });
  }

  async changeSeq(): Promise<number> {
    // AUTOINCREMENT keeps its high-water mark in sqlite_sequence even once the log is pruned.
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'qa_changes'").get() as
      | { seq: number }
      | undefined;
    return row?.seq ?? 0;
  }

  async changedSince(seq: number): Promise<ChangesSince> {
    const rows = this.db.prepare("SELECT seq, release_id FROM qa_changes WHERE seq > ? ORDER BY seq").all(seq) as {
      seq: number;
      release_id: string;
    }[];
    // After the rows: a save that forgot some in between is seen, not missed.
    const complete = logCompleteAfter(seq, this.db.prepare(LOG_HORIZON).get() as HorizonRow | undefined);
    const last = rows.at(-1)?.seq ?? Math.max(seq, await this.changeSeq());
    return { seq: last, releaseIds: [...new Set(rows.map((r) => r.release_id))], complete };
  }
}
