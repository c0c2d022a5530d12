import type { CommandHandler } from "../../src/core/commands/command-handler.js";
import type { ConversationRefStore } from "../../src/core/ports/conversation-ref-store.port.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import type { BackgroundTasks } from "./background-tasks.js";
import type { TeamsSender } from "./delivery/teams-sender.js";

/** What the Teams handlers use: core use cases and ports, plus the adapter's own sender and task tracker. */
export interface TeamsDeps {
  handler: CommandHandler;
  refs: ConversationRefStore;
  sender: TeamsSender;
  tasks: BackgroundTasks;
  logger: Logger;
  preferences?: PreferenceStore | undefined;
  /** Drops a message Teams delivers twice (it retries when not answered in time). */
  dedupe?: EventDedupe | undefined;
}
