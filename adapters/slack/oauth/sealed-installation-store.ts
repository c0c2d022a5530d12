import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationRecordStore, StoredInstallation } from "../../../src/core/ports/installation-store.port.js";
import type { TokenCipher } from "../../../src/infra/crypto/token-cipher.js";
import { installKeyOf, queryOf } from "../slack-keys.js";

export const SLACK_PLATFORM = "slack";

/** What a listing shows of an installation: everything but the sealed tokens. */
export type InstallationSummary = Omit<StoredInstallation, "sealed">;

/** Part of every reason a subscription is disabled for because its workspace has no installation. */
export const NOT_INSTALLED = "Slack app is not installed";

/** No installation for that workspace or organisation (never installed, or uninstalled since). */
export class NotInstalledError extends Error {
  override readonly name = "NotInstalledError";
  constructor(readonly installKey: string | undefined) {
    super(`${NOT_INSTALLED} in ${installKey ?? "an unnamed workspace"}`);
  }
}

/**
 * @slack/oauth's InstallationStore (what Bolt's OAuth flow and `authorize` call) on the project's own store:
 * the whole installation object, tokens included, is sealed with AES-256-GCM before it reaches the store, bound
 * to its install key. A workspace install is stored under its team id, an org-wide install under its enterprise
 * id, as Bolt's OAuth guide prescribes: https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
export class SealedInstallationStore implements InstallationStore {
  constructor(
    private readonly records: InstallationRecordStore,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation<V extends "v1" | "v2">(installation: Installation<V, boolean>): Promise<void> {
    const installKey = installKeyOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!installKey) throw new Error("a Slack installation without a team or enterprise id cannot be stored");
    const { keyId, sealed } = this.cipher.seal(JSON.stringify(installation), aad(installKey));
    await this.records.save({
      platform: SLACK_PLATFORM,
      installKey,
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      name: installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name,
      botUserId: installation.bot?.userId,
      keyId,
      sealed,
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const installKey = installKeyOf(query);
    const row = installKey ? await this.records.get(SLACK_PLATFORM, installKey) : undefined;
    if (!row || !installKey) throw new NotInstalledError(installKey);
    return JSON.parse(this.cipher.open(row, aad(installKey))) as Installation<"v1" | "v2", boolean>;
  }

  /** Forgets the whole installation (bot and any user token) of the queried workspace or organisation. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.remove(installKeyOf(query));
  }

  async remove(installKey: string | undefined): Promise<boolean> {
    return installKey ? this.records.remove(SLACK_PLATFORM, installKey) : false;
  }

  /** `tokens_revoked` for users: drops the user token of the installation when it is one of theirs. */
  async forgetUserTokens(installKey: string, userIds: string[]): Promise<boolean> {
    const installation = await this.fetchInstallation(queryOf(installKey)).catch(() => undefined);
    if (!installation?.user?.token || !userIds.includes(installation.user.id)) return false;
    await this.storeInstallation({
      ...installation,
      user: { id: installation.user.id, token: undefined, scopes: undefined },
    });
    return true;
  }

  /** Fingerprint of the key new and re-sealed installations are encrypted with. */
  get currentKeyId(): string {
    return this.cipher.currentKeyId;
  }

  async has(installKey: string): Promise<boolean> {
    return (await this.records.get(SLACK_PLATFORM, installKey)) !== undefined;
  }

  async list(): Promise<InstallationSummary[]> {
    return (await this.records.list(SLACK_PLATFORM)).map(({ sealed: _sealed, ...rest }) => rest);
  }

  /**
   * Key rotation: every installation sealed with a key other than the current one is opened and sealed again
   * under the current key. Returns how many were re-sealed; a row whose key is not configured is an error.
   */
  async reseal(): Promise<number> {
    let count = 0;
    for (const row of await this.records.list(SLACK_PLATFORM)) {
      if (!this.cipher.isStale(row)) continue;
      const plain = this.cipher.open(row, aad(row.installKey));
      const { installedAt: _i, updatedAt: _u, ...rest } = row;
      await this.records.save({ ...rest, ...this.cipher.seal(plain, aad(row.installKey)) });
      count++;
    }
    return count;
  }
}

/** Binds a sealed installation to its row: moved onto another workspace's row, it does not open. */
function aad(installKey: string): string {
  return `${SLACK_PLATFORM}:${installKey}`;
}
