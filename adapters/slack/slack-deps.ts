import type { CommandContext, CommandHandler } from "../../src/core/commands/command-handler.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { UserLanguages } from "./user-languages.js";

/** What the listeners need: the core's one entry point, and the little Slack-side state around it. */
export interface SlackDeps {
  handler: CommandHandler;
  languages: UserLanguages;
  dedupe: EventDedupe;
  logger: Logger;
  /** Runs work that follows an acknowledgement after pending acknowledgements (see AckFirst). */
  afterAcks: <T>(job: () => Promise<T>) => Promise<T>;
}

/** Platform-qualified keys the core stores preferences and subscriptions under. */
export function slackContext(ids: { teamId?: string | undefined; userId: string; channelId: string }): CommandContext {
  return {
    userKey: `slack:${ids.teamId ?? "-"}:${ids.userId}`,
    conversationKey: `slack:${ids.channelId}`,
  };
}

export const WORKING_TEXT = "Working on it… / Un instant…";
