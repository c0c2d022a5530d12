import type Database from "better-sqlite3";
import type { BackoffState, SourceStateStore, StoredValidators } from "../../core/ports/source-state.port.js";

/** The poller's memory between runs, in SQLite: HTTP validators per URL and back-off per host and URL (migration 2). */
export class SqliteSourceState implements SourceStateStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async validators(url: string): Promise<StoredValidators | undefined> {
    const row = this.db.prepare("SELECT etag, last_modified, body FROM source_http_cache WHERE url = ?").get(url) as
      | { etag: string | null; last_modified: string | null; body: string | null }
      | undefined;
    if (!row) return undefined;
    return { etag: row.etag ?? undefined, lastModified: row.last_modified ?? undefined, body: row.body ?? undefined };
  }

  async saveValidators(url: string, validators: StoredValidators): Promise<void> {
    if (!validators.etag && !validators.lastModified) {
      // Nothing to ask "changed since?" with: forget any older validators rather than send stale ones.
      this.db.prepare("DELETE FROM source_http_cache WHERE url = ?").run(url);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO source_http_cache (url, etag, last_modified, body, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           body = excluded.body, fetched_at = excluded.fetched_at`,
      )
      .run(url, validators.etag ?? null, validators.lastModified ?? null, validators.body ?? null, this.stamp());
  }

  async backoff(target: string): Promise<BackoffState | undefined> {
    const row = this.db
      .prepare("SELECT failures, retry_at, last_status FROM source_backoff WHERE target = ?")
      .get(target) as { failures: number; retry_at: string; last_status: number | null } | undefined;
    return row
      ? { failures: row.failures, retryAt: row.retry_at, lastStatus: row.last_status ?? undefined }
      : undefined;
  }

  async saveBackoff(target: string, state: BackoffState): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO source_backoff (target, failures, retry_at, last_status, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (target) DO UPDATE SET failures = excluded.failures, retry_at = excluded.retry_at,
           last_status = excluded.last_status, updated_at = excluded.updated_at`,
      )
      .run(target, state.failures, state.retryAt, state.lastStatus ?? null, this.stamp());
  }

  async clearBackoff(target: string): Promise<void> {
    this.db.prepare("DELETE FROM source_backoff WHERE target = ?").run(target);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}
