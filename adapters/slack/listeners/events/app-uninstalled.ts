import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackWorkspaces } from "../../oauth/slack-workspaces.js";
import { installKeyOf } from "../../slack-keys.js";

type Args<E extends "app_uninstalled" | "tokens_revoked"> = Pick<SlackEventMiddlewareArgs<E>, "event"> &
  Pick<AllMiddlewareArgs, "context">;

/** `app_uninstalled` (Bolt skips authorization for it): the workspace's installation and digests go. */
export function appUninstalledCallback(workspaces: SlackWorkspaces) {
  return async ({ context }: Args<"app_uninstalled">) => {
    await workspaces.uninstalled(installKeyOf(context), "app_uninstalled");
  };
}

/** `tokens_revoked`: a revoked bot token is an uninstall for us; revoked user tokens only drop those. */
export function tokensRevokedCallback(workspaces: SlackWorkspaces) {
  return async ({ event, context }: Args<"tokens_revoked">) => {
    const installKey = installKeyOf(context);
    if (event.tokens.bot?.length) await workspaces.uninstalled(installKey, "tokens_revoked");
    else if (installKey && event.tokens.oauth?.length)
      await workspaces.userTokensRevoked(installKey, event.tokens.oauth);
  };
}
