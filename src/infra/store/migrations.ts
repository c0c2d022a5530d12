import type Database from "better-sqlite3";

/**
 * Versioned schema changes, applied in order inside one transaction each. Never edit a shipped migration:
 * add a new one. The version number is stored in `schema_migrations`.
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
    db.transaction(() => {
      db.exec(m.up);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}
