import type { StoredInstallation } from "../../../core/ports/installation-store.port.js";
import { fromSqlBool, type SqlBool } from "./sql-bool.js";

/** An `installations` row; `is_enterprise_install` is 0/1 in SQLite, a boolean in PostgreSQL. */
export interface InstallationRow {
  platform: string;
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: SqlBool;
  name: string | null;
  bot_user_id: string | null;
  key_id: string;
  sealed: string;
  installed_at: string;
  updated_at: string;
}

export function toInstallation(row: InstallationRow): StoredInstallation {
  return {
    platform: row.platform,
    installKey: row.install_key,
    teamId: row.team_id ?? undefined,
    enterpriseId: row.enterprise_id ?? undefined,
    isEnterpriseInstall: fromSqlBool(row.is_enterprise_install),
    name: row.name ?? undefined,
    botUserId: row.bot_user_id ?? undefined,
    keyId: row.key_id,
    sealed: row.sealed,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}
