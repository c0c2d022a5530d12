import { createHash } from "node:crypto";
import { isLang, type Lang } from "../../../core/domain/language.js";
import type { Release, ReleaseDraft, ReleaseText } from "../../../core/domain/release.js";
import { fromSqlBool, type SqlBool } from "./sql-bool.js";

/** A `releases` row, the same in SQLite and PostgreSQL. */
export interface ReleaseRow {
  id: string;
  canonical_url: string | null;
  content_hash: string;
  source_lang: string;
  published: string | null;
  created_at: string;
  updated_at: string;
}

/** A `release_texts` row; `official` is 0/1 in SQLite, a boolean in PostgreSQL. */
export interface TextRow {
  release_id: string;
  lang: string;
  title: string;
  paragraphs: string;
  url: string | null;
  official: SqlBool;
}

export function toRelease(row: ReleaseRow, textRows: TextRow[]): Release {
  const texts: Partial<Record<Lang, ReleaseText>> = {};
  for (const t of textRows) {
    if (!isLang(t.lang)) continue;
    texts[t.lang] = {
      lang: t.lang,
      title: t.title,
      paragraphs: JSON.parse(t.paragraphs) as string[],
      url: t.url ?? undefined,
      official: fromSqlBool(t.official),
    };
  }
  if (!isLang(row.source_lang)) throw new Error(`release ${row.id} has an unknown source language ${row.source_lang}`);
  return {
    id: row.id,
    canonicalUrl: row.canonical_url ?? undefined,
    contentHash: row.content_hash,
    sourceLanguage: row.source_lang,
    published: row.published ?? undefined,
    texts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Short, stable id: from the canonical URL when there is one (it survives edits), else from the content. */
export function releaseId(draft: ReleaseDraft): string {
  return createHash("sha256")
    .update(draft.canonicalUrl ?? draft.contentHash)
    .digest("hex")
    .slice(0, 10);
}
