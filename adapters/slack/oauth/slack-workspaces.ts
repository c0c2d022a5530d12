import type { Installation } from "@slack/oauth";
import type { SubscriptionService } from "../../../src/core/digest/subscription-service.js";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { installKeyOf, targetPrefix } from "../slack-keys.js";
import { NOT_INSTALLED, type SealedInstallationStore } from "./sealed-installation-store.js";

/**
 * What happens to a workspace's (or an org's) things when the app leaves or comes back: an uninstall, or its
 * bot token revoked, deletes the installation and disables its digest subscriptions; installing again enables
 * those subscriptions again. Other workspaces are not touched. Slack sends `app_uninstalled` and
 * `tokens_revoked` in no guaranteed order (https://docs.slack.dev/reference/events/app_uninstalled), so each
 * step is harmless when repeated.
 */
export class SlackWorkspaces {
  constructor(
    private readonly deps: {
      installations: SealedInstallationStore;
      subscriptions: SubscriptionService;
      logger: Logger;
    },
  ) {}

  async uninstalled(installKey: string | undefined, event: "app_uninstalled" | "tokens_revoked"): Promise<void> {
    const { installations, subscriptions, logger } = this.deps;
    if (!installKey) {
      logger.warn("Slack uninstall event without a team or enterprise id; nothing to clean up", { event });
      return;
    }
    const deleted = await installations.remove(installKey);
    const disabled = await subscriptions.disableTargets(targetPrefix(installKey), `${NOT_INSTALLED} (${event})`);
    logger.warn("Slack app left a workspace: installation deleted, its digest subscriptions disabled", {
      installKey,
      event,
      installationDeleted: deleted,
      subscriptionsDisabled: disabled.map((s) => s.id),
    });
  }

  /** `tokens_revoked` naming users only: their user tokens go, the bot keeps working. */
  async userTokensRevoked(installKey: string, userIds: string[]): Promise<void> {
    const forgotten = await this.deps.installations.forgetUserTokens(installKey, userIds);
    this.deps.logger.info("Slack user tokens revoked", { installKey, users: userIds.length, forgotten });
  }

  async installed(installation: Installation): Promise<void> {
    const installKey = installKeyOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!installKey) return;
    const restored = await this.deps.subscriptions.enableTargets(targetPrefix(installKey), NOT_INSTALLED);
    this.deps.logger.info("Slack app installed", {
      installKey,
      orgWide: installation.isEnterpriseInstall === true,
      subscriptionsRestored: restored.map((s) => s.id),
    });
  }
}
