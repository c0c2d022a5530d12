import { InstallProvider, type InstallProviderOptions } from "@slack/oauth";
import { NotInstalledError } from "./oauth/sealed-installation-store.js";
import { queryOf } from "./slack-keys.js";

/** The bot token to call Slack with for one installation (a digest post, the start-up import). */
export interface BotTokens {
  /** Throws NotInstalledError when the workspace or organisation has no installation. */
  botToken(installKey: string | undefined): Promise<string>;
}

/** Single-workspace mode: SLACK_BOT_TOKEN, whatever the target. */
export function singleWorkspaceTokens(token: string): BotTokens {
  return { botToken: async () => token };
}

/**
 * Distributed mode: each installation's token from the installation store, through @slack/oauth's `authorize`,
 * which refreshes a rotating token that expires within two hours and stores the new one, as Bolt does for
 * incoming requests (https://docs.slack.dev/tools/bolt-js/concepts/token-rotation).
 */
export function installedTokens(options: InstallProviderOptions): BotTokens {
  const provider = new InstallProvider(options);
  return {
    async botToken(installKey) {
      if (!installKey) throw new NotInstalledError(undefined);
      try {
        const auth = await provider.authorize(queryOf(installKey));
        if (!auth.botToken) throw new NotInstalledError(installKey);
        return auth.botToken;
      } catch (err) {
        const original = (err as { original?: unknown }).original;
        throw original instanceof NotInstalledError ? original : err;
      }
    },
  };
}
