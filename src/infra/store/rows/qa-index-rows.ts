import type { Lang } from "../../../core/domain/language.js";
import type { QaSnapshot, ReleaseTranslation } from "../../../core/ports/qa-index-store.port.js";

/** A `release_translations` row, the same in SQLite and PostgreSQL. */
export interface TranslationRow {
  release_id: string;
  lang: Lang;
  content_hash: string;
  title: string;
  sentences: string;
  pipeline: string;
  created_at: string;
}

/** Undefined for a damaged row: a translation to make again, not an error for the reader. */
export function toReleaseTranslation(row: TranslationRow): ReleaseTranslation | undefined {
  let sentences: string[];
  try {
    const parsed: unknown = JSON.parse(row.sentences);
    sentences = Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return undefined;
  }
  return {
    releaseId: row.release_id,
    lang: row.lang,
    contentHash: row.content_hash,
    title: row.title,
    sentences,
    pipeline: row.pipeline,
    createdAt: row.created_at,
  };
}

/** A `qa_snapshot` row; `change_seq` is a number in SQLite, a bigint (a string through pg) in PostgreSQL. */
export interface SnapshotRow {
  format: string;
  change_seq: number | string;
  documents: number;
  data: string;
  saved_at: string;
}

export function toQaSnapshot(side: Lang, row: SnapshotRow): QaSnapshot {
  return {
    side,
    format: row.format,
    changeSeq: Number(row.change_seq),
    documents: row.documents,
    data: row.data,
    savedAt: row.saved_at,
  };
}

/**
 * How far the change log was forgotten: up to the oldest side's snapshot once both sides are saved (what `save`
 * deletes), as `n` sides and `seq`, in both dialects (`count` is a bigint, a string through pg, in PostgreSQL).
 */
export const LOG_HORIZON = "SELECT count(*) AS n, min(change_seq) AS seq FROM qa_snapshot";

export interface HorizonRow {
  n: number | string;
  seq: number | string | null;
}

/** Whether the log still holds every change after `seq`, given LOG_HORIZON's row (read after the changes). */
export function logCompleteAfter(seq: number, horizon: HorizonRow | undefined): boolean {
  if (!horizon || Number(horizon.n) < 2 || horizon.seq === null) return true;
  return seq >= Number(horizon.seq);
}

/**
 * FROM/WHERE of "releases with a side that has neither NATO's own text nor a translation of the current
 * content", valid SQL in both dialects; pending() and hasPending() must ask the same question.
 */
export const PENDING_TRANSLATIONS = `FROM releases r CROSS JOIN (SELECT 'en' AS lang UNION ALL SELECT 'fr') l
  WHERE NOT EXISTS (SELECT 1 FROM release_texts t WHERE t.release_id = r.id AND t.lang = l.lang)
    AND NOT EXISTS (SELECT 1 FROM release_translations x
                    WHERE x.release_id = r.id AND x.lang = l.lang AND x.content_hash = r.content_hash)`;

/**
 * SELECT of "translations of the current content made by another pipeline than today's for their language" (the
 * offline rules or the glossary changed since), for a side NATO still has no text of; valid SQL in both dialects,
 * with the placeholders given: today's English pipeline, today's French one, the limit.
 */
export function staleTranslationsSql(en: string, fr: string, limit: string, releaseId: string): string {
  return `SELECT r.id AS ${releaseId}, x.lang AS lang FROM release_translations x
    JOIN releases r ON r.id = x.release_id AND r.content_hash = x.content_hash
    WHERE ((x.lang = 'en' AND x.pipeline <> ${en}) OR (x.lang = 'fr' AND x.pipeline <> ${fr}))
      AND NOT EXISTS (SELECT 1 FROM release_texts t WHERE t.release_id = r.id AND t.lang = x.lang)
    ORDER BY r.created_at, r.id LIMIT ${limit}`;
}
