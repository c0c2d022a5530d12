import type Database from "better-sqlite3";
import type { LangPreference } from "../../core/commands/parse-command.js";
import type { PreferenceStore } from "../../core/ports/preference-store.port.js";

/** Users' language choices in SQLite (table `user_preferences`, migration 5). */
export class SqlitePreferenceStore implements PreferenceStore {
  // Read on every chat request: prepared once.
  private readonly select: Database.Statement<[string], { language: LangPreference }>;
  private readonly upsert: Database.Statement<[string, string, string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.select = db.prepare("SELECT language FROM user_preferences WHERE user_key = ?");
    this.upsert = db.prepare(
      `INSERT INTO user_preferences (user_key, language, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_key) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
    );
  }

  async getLanguage(userKey: string): Promise<LangPreference | undefined> {
    return this.select.get(userKey)?.language;
  }

  async setLanguage(userKey: string, language: LangPreference): Promise<void> {
    this.upsert.run(userKey, language, this.now().toISOString());
  }
}
