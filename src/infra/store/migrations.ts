import type Database from "better-sqlite3";
import { writeTransaction } from "./write-transaction.js";

/**
 * Versioned schema changes, applied in order inside one transaction each. Never edit a shipped migration:
 * add a new one. The version number is stored in `schema_migrations`.
 * The other dialect must change with this file: a new table or column here needs its PostgreSQL migration in
 * pg/pg-migrations.ts (and the shared row type in rows/), and a change there needs one here. The store contract
 * suites (tests/contract) run against both schemas and catch a store whose schema fell behind.
 */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "releases and briefs",
    up: `
      CREATE TABLE releases (
        id TEXT PRIMARY KEY,
        canonical_url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source_lang TEXT NOT NULL CHECK (source_lang IN ('en','fr')),
        published TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX releases_published ON releases (published DESC, created_at DESC);
      CREATE TABLE release_texts (
        release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        lang TEXT NOT NULL CHECK (lang IN ('en','fr')),
        title TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        url TEXT,
        official INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (release_id, lang)
      );
      CREATE TABLE briefs (
        content_hash TEXT NOT NULL,
        engine TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (content_hash, engine, prompt_version)
      );
      CREATE INDEX briefs_release ON briefs (release_id, created_at DESC);
    `,
  },
  {
    version: 2,
    name: "release sources: counterpart URLs, HTTP validators, host back-off",
    up: `
      CREATE TABLE release_urls (
        url TEXT PRIMARY KEY,
        release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        lang TEXT NOT NULL CHECK (lang IN ('en','fr'))
      );
      CREATE INDEX release_urls_release ON release_urls (release_id);
      CREATE TABLE source_http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        body TEXT,
        fetched_at TEXT NOT NULL
      );
      CREATE TABLE source_backoff (
        target TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        retry_at TEXT NOT NULL,
        last_status INTEGER,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "digest subscriptions and delivery ledger",
    up: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL UNIQUE,
        schedule TEXT NOT NULL,
        timezone TEXT NOT NULL,
        languages TEXT NOT NULL CHECK (languages IN ('en','fr','both')),
        topics TEXT NOT NULL DEFAULT '[]',
        enabled INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE digest_deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending','posting','posted','empty','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        scheduled_for TEXT NOT NULL,
        delayed INTEGER NOT NULL DEFAULT 0,
        window_since TEXT,
        window_until TEXT,
        owner TEXT,
        lease_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (subscription_id, period)
      );
      CREATE INDEX digest_deliveries_state ON digest_deliveries (state, scheduled_for);
      CREATE TABLE digest_delivery_parts (
        subscription_id TEXT NOT NULL,
        period TEXT NOT NULL,
        part_index INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        content TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending','posting','posted')),
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        posted_at TEXT,
        PRIMARY KEY (subscription_id, period, part_index),
        FOREIGN KEY (subscription_id, period)
          REFERENCES digest_deliveries(subscription_id, period) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 5,
    name: "feedback, user preferences, seen events",
    up: `
      CREATE TABLE feedback (
        content_hash TEXT NOT NULL,
        engine TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        user_key TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up','down')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (content_hash, engine, prompt_version, user_key),
        FOREIGN KEY (content_hash, engine, prompt_version)
          REFERENCES briefs(content_hash, engine, prompt_version) ON DELETE CASCADE
      );
      CREATE INDEX feedback_release ON feedback (release_id);
      CREATE TABLE user_preferences (
        user_key TEXT PRIMARY KEY,
        language TEXT NOT NULL CHECK (language IN ('en','fr','both')),
        updated_at TEXT NOT NULL
      );
      CREATE TABLE seen_events (
        event_key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX seen_events_at ON seen_events (seen_at);
    `,
  },
  {
    version: 6,
    name: "conversation references for proactive posts (Teams)",
    up: `
      CREATE TABLE conversation_references (
        conversation_key TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        team_id TEXT,
        tenant_id TEXT,
        conversation_type TEXT,
        reference TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversation_references_team ON conversation_references (platform, team_id);
    `,
  },
  {
    version: 7,
    name: "chat platform installations (Slack workspaces and orgs), tokens sealed",
    up: `
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        install_key TEXT NOT NULL,
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise_install INTEGER NOT NULL DEFAULT 0,
        name TEXT,
        bot_user_id TEXT,
        key_id TEXT NOT NULL,
        sealed TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, install_key)
      );
    `,
  },
  {
    version: 8,
    name: "rejected model briefs, by brief cache key (issue 11)",
    up: `
      CREATE TABLE brief_rejections (
        content_hash TEXT NOT NULL,
        engine TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        release_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        findings TEXT NOT NULL,
        rejected_at TEXT NOT NULL,
        PRIMARY KEY (content_hash, engine, prompt_version)
      );
    `,
  },
  {
    version: 9,
    name: "Q&A: offline translations of releases, index snapshot and change counter (issue 12)",
    up: `
      CREATE TABLE release_translations (
        release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        lang TEXT NOT NULL CHECK (lang IN ('en','fr')),
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        sentences TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (release_id, lang)
      );
      CREATE TABLE qa_snapshot (
        side TEXT PRIMARY KEY CHECK (side IN ('en','fr')),
        format TEXT NOT NULL,
        change_seq INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE TABLE qa_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        release_id TEXT NOT NULL
      );
      CREATE TRIGGER qa_release_inserted AFTER INSERT ON releases
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.id); END;
      CREATE TRIGGER qa_release_updated AFTER UPDATE OF content_hash, published, created_at ON releases
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.id); END;
      CREATE TRIGGER qa_release_deleted AFTER DELETE ON releases
        BEGIN INSERT INTO qa_changes (release_id) VALUES (OLD.id); END;
      CREATE TRIGGER qa_brief_inserted AFTER INSERT ON briefs
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.release_id); END;
      CREATE TRIGGER qa_brief_updated AFTER UPDATE ON briefs
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.release_id); END;
      CREATE TRIGGER qa_translation_inserted AFTER INSERT ON release_translations
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.release_id); END;
      CREATE TRIGGER qa_translation_updated AFTER UPDATE ON release_translations
        BEGIN INSERT INTO qa_changes (release_id) VALUES (NEW.release_id); END;
    `,
  },
  {
    version: 10,
    name: "Q&A: stored offline translations made again (names keep first names that are common words, issue 12)",
    // The queue keeps a translation while the release's text is unchanged; resume() at start-up redoes these.
    up: "DELETE FROM release_translations;",
  },
];

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare("SELECT version FROM schema_migrations")
      .all()
      .map((r) => (r as { version: number }).version),
  );
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    // Immediate, and checked again inside: two processes starting on a fresh file must not both run it.
    const done = writeTransaction(db, () => {
      if (db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)) return false;
      db.exec(m.up);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      return true;
    });
    if (done) ran.push(m.version);
  }
  return ran;
}
