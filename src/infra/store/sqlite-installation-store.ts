import type Database from "better-sqlite3";
import type {
  InstallationRecordStore,
  NewInstallation,
  StoredInstallation,
} from "../../core/ports/installation-store.port.js";
import { type InstallationRow, toInstallation } from "./rows/installation-rows.js";

/** Installations in SQLite (table `installations`, migration 7); the tokens arrive sealed. */
export class SqliteInstallationStore implements InstallationRecordStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(i: NewInstallation): Promise<"created" | "updated"> {
    const now = this.now().toISOString();
    const values = [
      i.teamId ?? null,
      i.enterpriseId ?? null,
      i.isEnterpriseInstall ? 1 : 0,
      i.name ?? null,
      i.botUserId ?? null,
      i.keyId,
      i.sealed,
    ];
    return this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE installations SET team_id = ?, enterprise_id = ?, is_enterprise_install = ?, name = ?,
             bot_user_id = ?, key_id = ?, sealed = ?, updated_at = ? WHERE platform = ? AND install_key = ?`,
        )
        .run(...values, now, i.platform, i.installKey);
      if (changes > 0) return "updated" as const;
      this.db
        .prepare(
          `INSERT INTO installations (team_id, enterprise_id, is_enterprise_install, name, bot_user_id, key_id,
             sealed, platform, install_key, installed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, i.platform, i.installKey, now, now);
      return "created" as const;
    })();
  }

  async get(platform: string, installKey: string): Promise<StoredInstallation | undefined> {
    const row = this.db
      .prepare("SELECT * FROM installations WHERE platform = ? AND install_key = ?")
      .get(platform, installKey) as InstallationRow | undefined;
    return row ? toInstallation(row) : undefined;
  }

  async remove(platform: string, installKey: string): Promise<boolean> {
    return (
      this.db.prepare("DELETE FROM installations WHERE platform = ? AND install_key = ?").run(platform, installKey)
        .changes > 0
    );
  }

  async list(platform: string): Promise<StoredInstallation[]> {
    const rows = this.db
      .prepare("SELECT * FROM installations WHERE platform = ? ORDER BY installed_at, install_key")
      .all(platform) as InstallationRow[];
    return rows.map(toInstallation);
  }
}
