import type { TurnContext } from "botbuilder";
import type { CommandHandler } from "../../src/core/commands/command-handler.js";
import type { ConversationRefStore } from "../../src/core/ports/conversation-ref-store.port.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import type { HttpServer } from "../../src/http/server.js";
import { BackgroundTasks } from "./background-tasks.js";
import { createTeamsBot } from "./handlers/index.js";
import { messagesRoute } from "./http/messages-route.js";
import type { TeamsClient } from "./teams-client.js";

export interface StartTeamsOptions {
  client: TeamsClient;
  route: HttpServer["route"];
  handler: CommandHandler;
  refs: ConversationRefStore;
  logger: Logger;
  preferences?: PreferenceStore | undefined;
  dedupe?: EventDedupe | undefined;
}

export interface TeamsAdapter {
  /** Resolves when no slow command is still being answered (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Mounts the Teams bot on the shared server at `POST /api/messages`. With a Microsoft App ID every request must
 * carry a valid Bot Framework token (401 otherwise); without one (TEAMS_ENABLED=true, refused in production by the
 * configuration) requests are accepted as the Bot Framework Emulator sends them.
 */
export function startTeams(options: StartTeamsOptions): TeamsAdapter {
  const { client } = options;
  const logger = options.logger.child({ component: "teams" });
  const tasks = new BackgroundTasks(logger);
  const bot = createTeamsBot({
    handler: options.handler,
    refs: options.refs,
    sender: client.sender,
    tasks,
    logger,
    preferences: options.preferences,
    dedupe: options.dedupe,
  });
  client.adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    logger.error("teams turn failed", { error, activityType: ctx.activity.type });
    try {
      await ctx.sendActivity("Sorry, something went wrong on our side; the error was logged.");
    } catch (sendErr) {
      logger.error("teams error message not sent", { error: sendErr });
    }
  };
  options.route(
    "POST",
    "/api/messages",
    messagesRoute({
      adapter: client.adapter,
      logic: (ctx) => bot.run(ctx),
      authRequired: !client.authDisabled,
      serviceUrls: client.serviceUrls,
      logger,
    }),
  );
  logger.info("teams adapter on POST /api/messages", { authentication: client.authDisabled ? "disabled" : "on" });
  return { idle: () => tasks.idle() };
}
