import type { LangPreference } from "../../../core/commands/parse-command.js";
import type { PreferenceStore } from "../../../core/ports/preference-store.port.js";
import type { PgDb } from "./pg-db.js";

/** Users' language choices in PostgreSQL. */
export class PgPreferenceStore implements PreferenceStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getLanguage(userKey: string): Promise<LangPreference | undefined> {
    const [row] = await this.db.rows<{ language: LangPreference }>(
      "SELECT language FROM user_preferences WHERE user_key = $1",
      [userKey],
    );
    return row?.language;
  }

  async setLanguage(userKey: string, language: LangPreference): Promise<void> {
    await this.db.run(
      `INSERT INTO user_preferences (user_key, language, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_key) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      [userKey, language, this.now().toISOString()],
    );
  }
}
