/**
 * `nato-brief db copy`: every table of a SQLite file into a PostgreSQL database, in batches. Rows whose key is
 * already in the target are left as they are (INSERT … ON CONFLICT DO NOTHING), so a copy that stopped half-way
 * can be run again with --force and completes. Without --force a target that holds any row is refused: copying
 * over a database already in use would mix two histories.
 */
import type Database from "better-sqlite3";
import type { PgDb } from "./pg/pg-db.js";
import { migratePg } from "./pg/pg-migrations.js";

interface TableSpec {
  name: string;
  columns: string[];
  /** 0/1 in SQLite, boolean in PostgreSQL. */
  booleans?: string[];
  /** Parents first (foreign keys); `rowid` keeps SQLite's insertion order where it breaks ties. */
  orderBy: string;
}

/**
 * In foreign-key order: every table of SQLite's migrations (src/infra/store/migrations.ts) but the Q&A index
 * snapshot and its change log, which belong to SQLite's change counter: PostgreSQL's triggers count the copied rows
 * as changes, and the first start builds and saves the index there.
 */
export const COPIED_TABLES: TableSpec[] = [
  {
    name: "releases",
    columns: ["id", "canonical_url", "content_hash", "source_lang", "published", "created_at", "updated_at"],
    orderBy: "rowid",
  },
  {
    name: "release_texts",
    columns: ["release_id", "lang", "title", "paragraphs", "url", "official"],
    booleans: ["official"],
    orderBy: "rowid",
  },
  { name: "release_urls", columns: ["url", "release_id", "lang"], orderBy: "rowid" },
  {
    name: "briefs",
    columns: ["content_hash", "engine", "prompt_version", "release_id", "data", "created_at"],
    orderBy: "rowid",
  },
  { name: "source_http_cache", columns: ["url", "etag", "last_modified", "body", "fetched_at"], orderBy: "rowid" },
  {
    name: "source_backoff",
    columns: ["target", "failures", "retry_at", "last_status", "updated_at"],
    orderBy: "rowid",
  },
  {
    name: "subscriptions",
    columns: [
      "id",
      "target",
      "schedule",
      "timezone",
      "languages",
      "topics",
      "enabled",
      "disabled_reason",
      "created_by",
      "created_at",
      "updated_at",
    ],
    booleans: ["enabled"],
    orderBy: "created_at, rowid",
  },
  {
    name: "digest_deliveries",
    columns: [
      "subscription_id",
      "period",
      "state",
      "attempts",
      "scheduled_for",
      "delayed",
      "window_since",
      "window_until",
      "owner",
      "lease_until",
      "last_error",
      "created_at",
      "updated_at",
      "done_at",
    ],
    booleans: ["delayed"],
    orderBy: "rowid",
  },
  {
    name: "digest_delivery_parts",
    columns: [
      "subscription_id",
      "period",
      "part_index",
      "idempotency_key",
      "content",
      "state",
      "attempts",
      "message_id",
      "posted_at",
    ],
    orderBy: "rowid",
  },
  {
    name: "feedback",
    columns: ["content_hash", "engine", "prompt_version", "release_id", "user_key", "vote", "created_at", "updated_at"],
    orderBy: "rowid",
  },
  { name: "user_preferences", columns: ["user_key", "language", "updated_at"], orderBy: "rowid" },
  { name: "seen_events", columns: ["event_key", "seen_at"], orderBy: "rowid" },
  {
    name: "conversation_references",
    columns: [
      "conversation_key",
      "platform",
      "team_id",
      "tenant_id",
      "conversation_type",
      "reference",
      "created_at",
      "updated_at",
    ],
    orderBy: "rowid",
  },
  {
    name: "installations",
    columns: [
      "platform",
      "install_key",
      "team_id",
      "enterprise_id",
      "is_enterprise_install",
      "name",
      "bot_user_id",
      "key_id",
      "sealed",
      "installed_at",
      "updated_at",
    ],
    booleans: ["is_enterprise_install"],
    orderBy: "rowid",
  },
  {
    name: "release_translations",
    columns: ["release_id", "lang", "content_hash", "title", "sentences", "pipeline", "created_at"],
    orderBy: "rowid",
  },
  {
    name: "brief_rejections",
    columns: ["content_hash", "engine", "prompt_version", "release_id", "reason", "findings", "rejected_at"],
    orderBy: "rowid",
  },
];

export interface TableCount {
  table: string;
  /** Rows in the SQLite file. */
  read: number;
  /** Rows added to PostgreSQL; read − inserted were there already. */
  inserted: number;
}

export class CopyRefused extends Error {
  override readonly name = "CopyRefused";
}

export interface CopyOptions {
  /** Copy into a target that already holds rows (keeping them). */
  force?: boolean;
  batchSize?: number;
  /** After each table (progress lines). */
  onTable?: (count: TableCount) => void;
}

export async function copySqliteToPostgres(
  source: Database.Database,
  target: PgDb,
  options: CopyOptions = {},
): Promise<TableCount[]> {
  await migratePg(target);
  if (!options.force) {
    const used: string[] = [];
    for (const t of COPIED_TABLES) {
      if ((await target.rows(`SELECT 1 FROM ${t.name} LIMIT 1`)).length) used.push(t.name);
    }
    if (used.length) {
      throw new CopyRefused(
        `the target database already holds rows (${used.join(", ")}); copy into an empty one, or add --force to ` +
          "add what is missing and keep what is there",
      );
    }
  }
  const batchSize = options.batchSize ?? 500;
  const counts: TableCount[] = [];
  for (const t of COPIED_TABLES) {
    const count: TableCount = { table: t.name, read: 0, inserted: 0 };
    const select = source.prepare(
      `SELECT ${t.columns.join(", ")} FROM ${t.name} ORDER BY ${t.orderBy} LIMIT ? OFFSET ?`,
    );
    for (let offset = 0; ; offset += batchSize) {
      const rows = select.all(batchSize, offset) as Record<string, unknown>[];
      if (rows.length === 0) break;
      count.read += rows.length;
      count.inserted += await insertBatch(target, t, rows);
      if (rows.length < batchSize) break;
    }
    counts.push(count);
    options.onTable?.(count);
  }
  return counts;
}

async function insertBatch(target: PgDb, t: TableSpec, rows: Record<string, unknown>[]): Promise<number> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = t.columns.map((c) => {
      const v = row[c] ?? null;
      values.push(t.booleans?.includes(c) && v !== null ? v === 1 || v === true : v);
      return `$${values.length}`;
    });
    return `(${marks.join(", ")})`;
  });
  return target.run(
    `INSERT INTO ${t.name} (${t.columns.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING`,
    values,
  );
}
