import type { Brief } from "../../../core/domain/brief.js";
import type { Lang } from "../../../core/domain/language.js";
import type { Release, ReleaseDraft } from "../../../core/domain/release.js";
import type { BriefKey, ListOptions, SaveOutcome } from "../../../core/ports/release-store.port.js";
import { type ReleaseRow, releaseId, type TextRow, toRelease } from "../rows/release-rows.js";
import type { ReleaseStoreWithStats, UsageTotal } from "../stores.js";
import type { PgDb, Queryable } from "./pg-db.js";

/** Releases and cached briefs in PostgreSQL: the SQLite store's rules, statement for statement. */
export class PgReleaseStore implements ReleaseStoreWithStats {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveRelease(draft: ReleaseDraft): Promise<{ release: Release; outcome: SaveOutcome }> {
    return this.db.transaction(async (tx) => {
      // Saves of releases are few: one at a time across replicas, so two polls of one page never race.
      await tx.rows("SELECT pg_advisory_xact_lock(hashtext('nato-brief releases ' || current_schema()))");
      const byUrl = draft.canonicalUrl ? await this.one(tx, "canonical_url", draft.canonicalUrl) : undefined;
      const byHash = await this.one(tx, "content_hash", draft.contentHash);
      const existing = byUrl ?? byHash;
      const now = this.now().toISOString();
      if (existing && existing.contentHash === draft.contentHash) return { release: existing, outcome: "unchanged" };
      if (existing) {
        if (byHash && byHash.id !== existing.id) await tx.run("DELETE FROM releases WHERE id = $1", [byHash.id]);
        await tx.run(
          `UPDATE releases SET content_hash = $1, source_lang = $2, published = COALESCE($3, published), updated_at = $4
           WHERE id = $5`,
          [draft.contentHash, draft.sourceLanguage, draft.published ?? null, now, existing.id],
        );
        await tx.run("DELETE FROM briefs WHERE release_id = $1", [existing.id]);
        await writeTexts(tx, existing.id, draft);
        return { release: (await this.one(tx, "id", existing.id))!, outcome: "updated" };
      }
      const id = releaseId(draft);
      await tx.run(
        `INSERT INTO releases (id, canonical_url, content_hash, source_lang, published, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, draft.canonicalUrl ?? null, draft.contentHash, draft.sourceLanguage, draft.published ?? null, now, now],
      );
      await writeTexts(tx, id, draft);
      return { release: (await this.one(tx, "id", id))!, outcome: "new" };
    });
  }

  getRelease(id: string): Promise<Release | undefined> {
    return this.one(this.db, "id", id);
  }

  findByCanonicalUrl(url: string): Promise<Release | undefined> {
    return this.one(this.db, "canonical_url", url);
  }

  async findByUrl(url: string): Promise<Release | undefined> {
    const direct = await this.one(this.db, "canonical_url", url);
    if (direct) return direct;
    const rows = await this.db.rows<ReleaseRow>(
      "SELECT r.* FROM release_urls u JOIN releases r ON r.id = u.release_id WHERE u.url = $1",
      [url],
    );
    return rows[0] ? (await this.hydrate(this.db, rows))[0] : undefined;
  }

  async linkUrl(releaseId: string, url: string, lang: Lang): Promise<void> {
    await this.db.run(
      `INSERT INTO release_urls (url, release_id, lang) VALUES ($1, $2, $3)
       ON CONFLICT (url) DO UPDATE SET release_id = excluded.release_id, lang = excluded.lang`,
      [url, releaseId, lang],
    );
  }

  async listReleases(options: ListOptions = {}): Promise<Release[]> {
    const rows = await this.db.rows<ReleaseRow>(
      `SELECT * FROM releases
       WHERE ($1::text IS NULL OR COALESCE(published, substr(created_at, 1, 10)) >= substr($1::text, 1, 10))
         AND ($2::text IS NULL OR created_at >= $2::text)
       ORDER BY COALESCE(published, substr(created_at, 1, 10)) DESC, created_at DESC LIMIT $3`,
      [options.since ?? null, options.storedSince ?? null, options.limit ?? 20],
    );
    return this.hydrate(this.db, rows);
  }

  async countReleases(): Promise<number> {
    const [row] = await this.db.rows<{ n: number }>("SELECT count(*)::int AS n FROM releases");
    return row?.n ?? 0;
  }

  async getBrief(key: BriefKey): Promise<Brief | undefined> {
    const [row] = await this.db.rows<{ data: string }>(
      "SELECT data FROM briefs WHERE content_hash = $1 AND engine = $2 AND prompt_version = $3",
      [key.contentHash, key.engine, key.promptVersion],
    );
    return row ? (JSON.parse(row.data) as Brief) : undefined;
  }

  async latestBriefFor(releaseId: string): Promise<Brief | undefined> {
    const [row] = await this.db.rows<{ data: string }>(
      `SELECT b.data FROM briefs b JOIN releases r ON r.id = b.release_id AND r.content_hash = b.content_hash
       WHERE b.release_id = $1 ORDER BY b.created_at DESC LIMIT 1`,
      [releaseId],
    );
    return row ? (JSON.parse(row.data) as Brief) : undefined;
  }

  async saveBrief(brief: Brief): Promise<void> {
    await this.db.run(
      `INSERT INTO briefs (content_hash, engine, prompt_version, release_id, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (content_hash, engine, prompt_version) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
      [brief.contentHash, brief.engine, brief.promptVersion, brief.release.id, JSON.stringify(brief), brief.createdAt],
    );
  }

  async usageTotals(): Promise<UsageTotal[]> {
    return this.db.rows<UsageTotal>(
      `SELECT engine, count(*)::int AS briefs,
         coalesce(sum((data::jsonb #>> '{usage,promptTokens}')::numeric), 0)::float8 AS "promptTokens",
         coalesce(sum((data::jsonb #>> '{usage,cachedTokens}')::numeric), 0)::float8 AS "cachedTokens",
         coalesce(sum((data::jsonb #>> '{usage,completionTokens}')::numeric), 0)::float8 AS "completionTokens"
       FROM briefs GROUP BY engine ORDER BY engine`,
    );
  }

  /** The pool belongs to the stores bundle, which ends it. */
  async close(): Promise<void> {}

  private async one(q: Queryable, column: "id" | "canonical_url" | "content_hash", value: string) {
    const rows = await q.rows<ReleaseRow>(`SELECT * FROM releases WHERE ${column} = $1`, [value]);
    return rows[0] ? (await this.hydrate(q, rows))[0] : undefined;
  }

  /** The texts of all rows in one query. */
  private async hydrate(q: Queryable, rows: ReleaseRow[]): Promise<Release[]> {
    if (rows.length === 0) return [];
    const texts = await q.rows<TextRow>("SELECT * FROM release_texts WHERE release_id = ANY($1::text[])", [
      rows.map((r) => r.id),
    ]);
    const byRelease = new Map<string, TextRow[]>();
    for (const t of texts) byRelease.set(t.release_id, [...(byRelease.get(t.release_id) ?? []), t]);
    return rows.map((r) => toRelease(r, byRelease.get(r.id) ?? []));
  }
}

async function writeTexts(tx: Queryable, id: string, draft: ReleaseDraft): Promise<void> {
  await tx.run("DELETE FROM release_texts WHERE release_id = $1", [id]);
  for (const t of Object.values(draft.texts)) {
    if (!t) continue;
    await tx.run(
      "INSERT INTO release_texts (release_id, lang, title, paragraphs, url, official) VALUES ($1, $2, $3, $4, $5, $6)",
      [id, t.lang, t.title, JSON.stringify(t.paragraphs), t.url ?? null, t.official],
    );
  }
}
