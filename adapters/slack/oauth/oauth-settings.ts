import type { HTTPReceiverOptions, InstallationStore } from "@slack/bolt";
import type { Installation, StateStore } from "@slack/oauth";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { installCallbacks, installPage } from "./install-pages.js";

/** "Add to Slack" page and the OAuth redirect, on the shared server beside POST /slack/events. */
export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes an install asks for: the manifest's `oauth_config.scopes.bot` (a test keeps them equal). */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "im:history",
  "assistant:write",
  "users:read",
];

/** Distributed mode: the app installs into any workspace through OAuth v2 (SLACK_CLIENT_ID …). */
export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Must be one of the app's redirect URLs; left out, Slack uses the app's only one. */
  redirectUri?: string | undefined;
  /** Slack's authorize page; a test double's in tests. */
  authorizeUrl?: string | undefined;
}

/**
 * Bolt's OAuth options for its HTTPReceiver: Bolt then serves the install path and the redirect, verifies the
 * state, exchanges the code (`oauth.v2.access`), stores the installation, and authorizes every incoming request
 * with the token of its workspace (refreshing it first when token rotation is on).
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
export function receiverOAuthOptions(
  settings: SlackOAuthSettings,
  deps: {
    installationStore: InstallationStore;
    stateStore: StateStore;
    clientOptions: NonNullable<HTTPReceiverOptions["installerOptions"]>["clientOptions"];
    logger: Logger;
    afterInstall: (installation: Installation) => Promise<void>;
  },
): Pick<
  HTTPReceiverOptions,
  "clientId" | "clientSecret" | "stateSecret" | "scopes" | "installationStore" | "redirectUri" | "installerOptions"
> {
  return {
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    scopes: SLACK_BOT_SCOPES,
    installationStore: deps.installationStore,
    redirectUri: settings.redirectUri,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      stateStore: deps.stateStore,
      stateVerification: true,
      directInstall: false,
      renderHtmlForInstallPath: installPage,
      callbackOptions: installCallbacks({ logger: deps.logger, afterInstall: deps.afterInstall }),
      clientOptions: deps.clientOptions,
      ...(settings.authorizeUrl ? { authorizationUrl: settings.authorizeUrl } : {}),
    },
  };
}
