import type { webApi } from "@slack/bolt";
import type { SubscriptionService } from "../../../src/core/digest/subscription-service.js";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { conversationKey, installKeyOf, isLegacyTarget } from "../slack-keys.js";
import type { SealedInstallationStore } from "./sealed-installation-store.js";

/**
 * Start-up step for data from single-workspace days, when a Slack target was `slack:C123`: the bot token's
 * own workspace (`auth.test`) is the one those channels belong to, so their targets become `slack:T…:C123`
 * (same subscription, same delivery history). In distributed mode a SLACK_BOT_TOKEN still set is imported as
 * that workspace's installation when it has none yet, so it keeps working without a new "Add to Slack".
 * Nothing is asked of Slack when there is nothing to adopt.
 */
export async function adoptSingleWorkspace(options: {
  subscriptions: SubscriptionService;
  client: webApi.WebClient;
  botToken: string | undefined;
  /** Distributed mode only. */
  installations?: SealedInstallationStore | undefined;
  logger: Logger;
}): Promise<void> {
  const { subscriptions, client, botToken, installations, logger } = options;
  const legacy = (await subscriptions.list()).filter((s) => isLegacyTarget(s.target));
  if (!botToken) {
    if (legacy.length) {
      logger.warn(
        "Slack subscriptions from single-workspace days have no workspace in their target; set SLACK_BOT_TOKEN once to adopt them",
        {
          subscriptions: legacy.map((s) => s.id),
        },
      );
    }
    return;
  }
  if (!legacy.length && !installations) return;
  const auth = await client.auth.test({ token: botToken }).catch((err: unknown) => {
    throw new Error(`Slack refused SLACK_BOT_TOKEN (auth.test): ${(err as Error).message}`);
  });
  const installKey = installKeyOf({
    teamId: auth.team_id,
    enterpriseId: auth.enterprise_id,
    isEnterpriseInstall: auth.is_enterprise_install,
  });
  if (!installKey) throw new Error("auth.test named no team for SLACK_BOT_TOKEN");
  if (installations && !(await installations.has(installKey))) {
    const org = auth.is_enterprise_install === true;
    await installations.storeInstallation({
      team: org ? undefined : { id: installKey, name: auth.team },
      enterprise: auth.enterprise_id ? { id: auth.enterprise_id } : undefined,
      isEnterpriseInstall: org,
      user: { id: auth.user_id ?? "", token: undefined, scopes: undefined },
      bot: { token: botToken, userId: auth.user_id ?? "", id: auth.bot_id ?? "", scopes: [] },
      tokenType: "bot",
      authVersion: "v2",
    });
    logger.info("imported SLACK_BOT_TOKEN as the installation of its workspace", { installKey });
  }
  if (!legacy.length) return;
  const { moved, superseded } = await subscriptions.renameTargets((target) =>
    isLegacyTarget(target) ? conversationKey(installKey, target.slice("slack:".length)) : undefined,
  );
  logger.info("Slack subscription targets now name their workspace", {
    installKey,
    moved: moved.map((s) => s.id),
    superseded: superseded.map((s) => s.id),
  });
}
