import type {
  InstallationRecordStore,
  NewInstallation,
  StoredInstallation,
} from "../../../core/ports/installation-store.port.js";
import { type InstallationRow, toInstallation } from "../rows/installation-rows.js";
import type { PgDb } from "./pg-db.js";

/** Installations in PostgreSQL; the tokens arrive sealed. */
export class PgInstallationStore implements InstallationRecordStore {
  constructor(
    private readonly db: PgDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(i: NewInstallation): Promise<"created" | "updated"> {
    const [row] = await this.db.rows<{ inserted: boolean }>(
      `INSERT INTO installations (platform, install_key, team_id, enterprise_id, is_enterprise_install, name,
         bot_user_id, key_id, sealed, installed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (platform, install_key) DO UPDATE SET team_id = excluded.team_id,
         enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
         name = excluded.name, bot_user_id = excluded.bot_user_id, key_id = excluded.key_id, sealed = excluded.sealed,
         updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS inserted`,
      [
        i.platform,
        i.installKey,
        i.teamId ?? null,
        i.enterpriseId ?? null,
        i.isEnterpriseInstall,
        i.name ?? null,
        i.botUserId ?? null,
        i.keyId,
        i.sealed,
        this.now().toISOString(),
      ],
    );
    return row?.inserted ? "created" : "updated";
  }

  async get(platform: string, installKey: string): Promise<StoredInstallation | undefined> {
    const [row] = await this.db.rows<InstallationRow>(
      "SELECT * FROM installations WHERE platform = $1 AND install_key = $2",
      [platform, installKey],
    );
    return row ? toInstallation(row) : undefined;
  }

  async remove(platform: string, installKey: string): Promise<boolean> {
    return (
      (await this.db.run("DELETE FROM installations WHERE platform = $1 AND install_key = $2", [
        platform,
        installKey,
      ])) > 0
    );
  }

  async list(platform: string): Promise<StoredInstallation[]> {
    const rows = await this.db.rows<InstallationRow>(
      "SELECT * FROM installations WHERE platform = $1 ORDER BY installed_at, install_key",
      [platform],
    );
    return rows.map(toInstallation);
  }
}
