import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { ConversationRefStore } from "../../src/core/ports/conversation-ref-store.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { ServiceUrlPolicy } from "./conversation/service-url.js";
import { type Clock, RateGate, realClock, TEAMS_PER_CONVERSATION } from "./delivery/rate-gate.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./delivery/retry.js";
import { TeamsChatTarget } from "./delivery/teams-chat-target.js";
import { TeamsSender } from "./delivery/teams-sender.js";

/** The `teams` part of the configuration (see src/config.ts). */
export interface TeamsConfig {
  appId?: string | undefined;
  appPassword?: string | undefined;
  appType: string;
  tenantId?: string | undefined;
  authDisabled: boolean;
  /** Without authentication, the loopback origins replies may go to (TEAMS_DEV_SERVICE_URLS). */
  devServiceUrls?: readonly string[] | undefined;
}

export interface TeamsClientOptions {
  logger: Logger;
  /** Tests pass a clock that does not wait. */
  clock?: Clock | undefined;
  /** Retries of interactive sends (command replies); digests are retried by the core's DigestPoster instead. */
  retry?: Partial<RetryPolicy> | undefined;
}

/**
 * The bot's connection to the Bot Framework: one CloudAdapter authenticated from the configuration, shared by the
 * HTTP endpoint (`startTeams`) and the digest ChatTarget, so `npm start` and `digest --run-now` post the same way.
 */
export interface TeamsClient {
  adapter: CloudAdapter;
  /** Paced and retried sends for replies. */
  sender: TeamsSender;
  authDisabled: boolean;
  /** Which serviceUrls replies and digests may go to. */
  serviceUrls: ServiceUrlPolicy;
  chatTarget(refs: ConversationRefStore): TeamsChatTarget;
}

export function createTeamsClient(config: TeamsConfig, options: TeamsClientOptions): TeamsClient {
  const logger = options.logger.child({ component: "teams" });
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.authDisabled
      ? {}
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId,
        },
  );
  const adapter = new CloudAdapter(auth);
  const clock = options.clock ?? realClock;
  const gate = new RateGate(TEAMS_PER_CONVERSATION, clock);
  const appId = config.authDisabled ? "" : (config.appId ?? "");
  const retry: RetryPolicy = { ...DEFAULT_RETRY, clock, ...options.retry };
  const sender = new TeamsSender({ adapter, appId, gate, retry, logger });
  const serviceUrls: ServiceUrlPolicy = {
    authenticated: !config.authDisabled,
    devOrigins: [...(config.devServiceUrls ?? [])],
  };
  if (config.authDisabled && serviceUrls.devOrigins.length === 0) {
    logger.warn("Teams runs without authentication and TEAMS_DEV_SERVICE_URLS is empty: no activity will be answered");
  }
  return {
    adapter,
    sender,
    authDisabled: config.authDisabled,
    serviceUrls,
    chatTarget(refs) {
      // One try per post: the DigestPoster paces and retries digest parts by the target's limits.
      const once = new TeamsSender({ adapter, appId, gate, retry: { ...retry, maxAttempts: 1 }, logger });
      return new TeamsChatTarget({ refs, sender: once, logger, serviceUrls });
    },
  };
}
