import type { BackoffState, SourceStateStore, StoredValidators } from "../../../core/ports/source-state.port.js";
import type { PgDb } from "./pg-db.js";

/** The poller's memory between runs in PostgreSQL: HTTP validators per URL, back-off per host and URL. */
export class PgSourceState implements SourceStateStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async validators(url: string): Promise<StoredValidators | undefined> {
    const [row] = await this.db.rows<{ etag: string | null; last_modified: string | null; body: string | null }>(
      "SELECT etag, last_modified, body FROM source_http_cache WHERE url = $1",
      [url],
    );
    if (!row) return undefined;
    return { etag: row.etag ?? undefined, lastModified: row.last_modified ?? undefined, body: row.body ?? undefined };
  }

  async saveValidators(url: string, validators: StoredValidators): Promise<void> {
    if (!validators.etag && !validators.lastModified) {
      // Nothing to ask "changed since?" with: forget any older validators rather than send stale ones.
      await this.db.run("DELETE FROM source_http_cache WHERE url = $1", [url]);
      return;
    }
    await this.db.run(
      `INSERT INTO source_http_cache (url, etag, last_modified, body, fetched_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         body = excluded.body, fetched_at = excluded.fetched_at`,
      [url, validators.etag ?? null, validators.lastModified ?? null, validators.body ?? null, this.stamp()],
    );
  }

  async backoff(target: string): Promise<BackoffState | undefined> {
    const [row] = await this.db.rows<{ failures: number; retry_at: string; last_status: number | null }>(
      "SELECT failures, retry_at, last_status FROM source_backoff WHERE target = $1",
      [target],
    );
    return row
      ? { failures: row.failures, retryAt: row.retry_at, lastStatus: row.last_status ?? undefined }
      : undefined;
  }

  async saveBackoff(target: string, state: BackoffState): Promise<void> {
    await this.db.run(
      `INSERT INTO source_backoff (target, failures, retry_at, last_status, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target) DO UPDATE SET failures = excluded.failures, retry_at = excluded.retry_at,
         last_status = excluded.last_status, updated_at = excluded.updated_at`,
      [target, state.failures, state.retryAt, state.lastStatus ?? null, this.stamp()],
    );
  }

  async clearBackoff(target: string): Promise<void> {
    await this.db.run("DELETE FROM source_backoff WHERE target = $1", [target]);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}
