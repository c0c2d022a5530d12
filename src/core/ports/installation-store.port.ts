/**
 * Where a chat platform's installations live: one row per Slack workspace (or Enterprise Grid organisation,
 * for an org-wide install) that added the app, with its tokens sealed by the caller. The store never sees a
 * token in the clear, so it is the same for SQLite and PostgreSQL. Slack's model of an installation:
 * https://docs.slack.dev/tools/node-slack-sdk/oauth/#storing-installations-in-a-database
 */
export interface StoredInstallation {
  /** "slack" */
  platform: string;
  /** What the installation is looked up by: the team id of a workspace install, the enterprise id of an org install. */
  installKey: string;
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
  /** Workspace or organisation name, for listings. */
  name?: string | undefined;
  botUserId?: string | undefined;
  /** Fingerprint of the key `sealed` is encrypted with (key rotation re-seals rows whose key is not current). */
  keyId: string;
  /** The platform's installation object, tokens included, encrypted: opaque to the store. */
  sealed: string;
  installedAt: string;
  updatedAt: string;
}

export type NewInstallation = Omit<StoredInstallation, "installedAt" | "updatedAt">;

export interface InstallationRecordStore {
  /** Inserts, or replaces (keeping `installedAt`) the row of (platform, installKey). */
  save(installation: NewInstallation): Promise<"created" | "updated">;
  get(platform: string, installKey: string): Promise<StoredInstallation | undefined>;
  /** false when there was no such row. */
  remove(platform: string, installKey: string): Promise<boolean>;
  /** Oldest first. */
  list(platform: string): Promise<StoredInstallation[]>;
}
