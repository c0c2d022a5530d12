import type { InstallationRecordStore } from "../../../src/core/ports/installation-store.port.js";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { parseKey, TokenCipher } from "../../../src/infra/crypto/token-cipher.js";
import { boltLogger } from "../bolt-logger.js";
import { type BotTokens, installedTokens } from "../bot-tokens.js";
import type { SlackOAuthSettings } from "./oauth-settings.js";
import { SealedInstallationStore } from "./sealed-installation-store.js";

export interface SlackInstalls {
  /** Bolt's InstallationStore on our store, tokens sealed. */
  store: SealedInstallationStore;
  /** Each installation's bot token, refreshed when token rotation is on (digests, CLI). */
  tokens: BotTokens;
}

/** Distributed mode's installation side, shared by `npm start` (Bolt, digests) and the CLI. */
export function createSlackInstalls(
  settings: { oauth: SlackOAuthSettings; apiUrl?: string | undefined },
  keys: { current: string; previous: string[] },
  deps: { records: InstallationRecordStore; logger: Logger },
): SlackInstalls {
  const cipher = new TokenCipher(parseKey(keys.current), keys.previous.map(parseKey));
  const store = new SealedInstallationStore(deps.records, cipher);
  const tokens = installedTokens({
    clientId: settings.oauth.clientId,
    clientSecret: settings.oauth.clientSecret,
    stateSecret: settings.oauth.stateSecret,
    installationStore: store,
    logger: boltLogger(deps.logger.child({ component: "slack-oauth" }), undefined, [
      settings.oauth.clientSecret,
      settings.oauth.stateSecret,
    ]),
    clientOptions: settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {},
  });
  return { store, tokens };
}
