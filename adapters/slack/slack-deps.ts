import type { CommandContext, CommandHandler } from "../../src/core/commands/command-handler.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { SlackWorkspaces } from "./oauth/slack-workspaces.js";
import { conversationKey, installKeyOf, type SlackInstallIds } from "./slack-keys.js";
import type { UserLanguages } from "./user-languages.js";

/** What the listeners need: the core's one entry point, and the little Slack-side state around it. */
export interface SlackDeps {
  handler: CommandHandler;
  languages: UserLanguages;
  dedupe: EventDedupe;
  logger: Logger;
  /** Runs work that follows an acknowledgement after pending acknowledgements (see AckFirst). */
  afterAcks: <T>(job: () => Promise<T>) => Promise<T>;
  /** Distributed mode: what an uninstall or a revoked token does (undefined in single-workspace mode). */
  workspaces?: SlackWorkspaces | undefined;
  /** Counters for /healthz: requests refused at the edge, listeners that threw. */
  health: SlackHealth;
}

export interface SlackHealth {
  rejectedRequests: number;
  listenerFailures: number;
}

/**
 * Platform-qualified keys the core stores preferences and subscriptions under. The conversation key names the
 * installation whose token answers there (see slack-keys.ts), so a digest subscribed here posts with it.
 */
export function slackContext(ids: SlackInstallIds & { userId: string; channelId: string }): CommandContext {
  return {
    userKey: `slack:${ids.teamId ?? "-"}:${ids.userId}`,
    conversationKey: conversationKey(installKeyOf(ids), ids.channelId),
  };
}

export const WORKING_TEXT = "Working on it… / Un instant…";
