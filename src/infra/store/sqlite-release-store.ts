import type Database from "better-sqlite3";
import type { Brief } from "../../core/domain/brief.js";
import type { Lang } from "../../core/domain/language.js";
import type { Release, ReleaseDraft, ReleaseText } from "../../core/domain/release.js";
import type { BriefKey, ListOptions, ReleaseStore, SaveOutcome } from "../../core/ports/release-store.port.js";
import { type ReleaseRow, releaseId, type TextRow, toRelease } from "./rows/release-rows.js";
import { statement } from "./sqlite.js";
import { writeTransaction } from "./write-transaction.js";

/** Releases and cached briefs in SQLite. Every multi-statement write is one transaction. */
export class SqliteReleaseStore implements ReleaseStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveRelease(draft: ReleaseDraft): Promise<{ release: Release; outcome: SaveOutcome }> {
    return writeTransaction(this.db, () => {
      const byUrl = draft.canonicalUrl ? this.one("canonical_url", draft.canonicalUrl) : undefined;
      const byHash = this.one("content_hash", draft.contentHash);
      const existing = byUrl ?? byHash;
      const now = this.now().toISOString();
      if (existing && existing.contentHash === draft.contentHash) {
        return { release: existing, outcome: "unchanged" as const };
      }
      if (existing) {
        // Same page, new content: keep the id, replace the texts, drop briefs of the old content.
        if (byHash && byHash.id !== existing.id) this.deleteRelease(byHash.id);
        this.db
          .prepare(
            "UPDATE releases SET content_hash = ?, source_lang = ?, published = COALESCE(?, published), updated_at = ? WHERE id = ?",
          )
          .run(draft.contentHash, draft.sourceLanguage, draft.published ?? null, now, existing.id);
        this.db.prepare("DELETE FROM briefs WHERE release_id = ?").run(existing.id);
        this.writeTexts(existing.id, draft.texts);
        return { release: this.one("id", existing.id)!, outcome: "updated" as const };
      }
      const id = releaseId(draft);
      this.db
        .prepare(
          "INSERT INTO releases (id, canonical_url, content_hash, source_lang, published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          id,
          draft.canonicalUrl ?? null,
          draft.contentHash,
          draft.sourceLanguage,
          draft.published ?? null,
          now,
          now,
        );
      this.writeTexts(id, draft.texts);
      return { release: this.one("id", id)!, outcome: "new" as const };
    });
  }

  async getRelease(id: string): Promise<Release | undefined> {
    return this.one("id", id);
  }

  async findByCanonicalUrl(url: string): Promise<Release | undefined> {
    return this.one("canonical_url", url);
  }

  async findByUrl(url: string): Promise<Release | undefined> {
    const row =
      (this.db.prepare("SELECT * FROM releases WHERE canonical_url = ?").get(url) as ReleaseRow | undefined) ??
      (this.db
        .prepare("SELECT r.* FROM release_urls u JOIN releases r ON r.id = u.release_id WHERE u.url = ?")
        .get(url) as ReleaseRow | undefined);
    return row ? this.hydrate(row) : undefined;
  }

  async linkUrl(releaseId: string, url: string, lang: Lang): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO release_urls (url, release_id, lang) VALUES (?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET release_id = excluded.release_id, lang = excluded.lang`,
      )
      .run(url, releaseId, lang);
  }

  async findByHash(hash: string): Promise<Release | undefined> {
    return this.one("content_hash", hash);
  }

  async listReleases(options: ListOptions = {}): Promise<Release[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM releases WHERE (? IS NULL OR COALESCE(published, substr(created_at, 1, 10)) >= substr(?, 1, 10))
           AND (? IS NULL OR created_at >= ?)
         ORDER BY COALESCE(published, substr(created_at, 1, 10)) DESC, created_at DESC LIMIT ?`,
      )
      .all(
        options.since ?? null,
        options.since ?? null,
        options.storedSince ?? null,
        options.storedSince ?? null,
        options.limit ?? 20,
      ) as ReleaseRow[];
    return rows.map((r) => this.hydrate(r));
  }

  async countReleases(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM releases").get() as { n: number }).n;
  }

  async getBrief(key: BriefKey): Promise<Brief | undefined> {
    const row = statement(
      this.db,
      "SELECT data FROM briefs WHERE content_hash = ? AND engine = ? AND prompt_version = ?",
    ).get(key.contentHash, key.engine, key.promptVersion) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Brief) : undefined;
  }

  async latestBriefFor(releaseId: string): Promise<Brief | undefined> {
    const row = statement(
      this.db,
      `SELECT b.data FROM briefs b JOIN releases r ON r.id = b.release_id AND r.content_hash = b.content_hash
       WHERE b.release_id = ? ORDER BY b.created_at DESC LIMIT 1`,
    ).get(releaseId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Brief) : undefined;
  }

  async saveBrief(brief: Brief): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO briefs (content_hash, engine, prompt_version, release_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (content_hash, engine, prompt_version) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
      )
      .run(
        brief.contentHash,
        brief.engine,
        brief.promptVersion,
        brief.release.id,
        JSON.stringify(brief),
        brief.createdAt,
      );
  }

  /** Briefs and tokens per engine, for `nato-brief stats`. */
  async usageTotals(): Promise<
    {
      engine: string;
      briefs: number;
      promptTokens: number;
      cachedTokens: number;
      completionTokens: number;
    }[]
  > {
    return this.db
      .prepare(
        `SELECT engine, count(*) AS briefs,
           coalesce(sum(json_extract(data, '$.usage.promptTokens')), 0) AS promptTokens,
           coalesce(sum(json_extract(data, '$.usage.cachedTokens')), 0) AS cachedTokens,
           coalesce(sum(json_extract(data, '$.usage.completionTokens')), 0) AS completionTokens
         FROM briefs GROUP BY engine ORDER BY engine`,
      )
      .all() as {
      engine: string;
      briefs: number;
      promptTokens: number;
      cachedTokens: number;
      completionTokens: number;
    }[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Synchronous, so a write transaction can read with it. */
  private one(column: "id" | "canonical_url" | "content_hash", value: string): Release | undefined {
    const row = statement(this.db, `SELECT * FROM releases WHERE ${column} = ?`).get(value) as ReleaseRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  private deleteRelease(id: string): void {
    this.db.prepare("DELETE FROM releases WHERE id = ?").run(id);
  }

  private writeTexts(id: string, texts: Partial<Record<Lang, ReleaseText>>): void {
    this.db.prepare("DELETE FROM release_texts WHERE release_id = ?").run(id);
    const insert = this.db.prepare(
      "INSERT INTO release_texts (release_id, lang, title, paragraphs, url, official) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const t of Object.values(texts)) {
      if (t) insert.run(id, t.lang, t.title, JSON.stringify(t.paragraphs), t.url ?? null, t.official ? 1 : 0);
    }
  }

  private hydrate(row: ReleaseRow): Release {
    const rows = statement(this.db, "SELECT * FROM release_texts WHERE release_id = ?").all(row.id) as TextRow[];
    return toRelease(row, rows);
  }
}
