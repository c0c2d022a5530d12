import { TeamsActivityHandler } from "botbuilder";
import type { TeamsDeps } from "../teams-deps.js";
import { installationAddedListener, membersAddedListener, rememberOnMessage } from "./installed.js";
import { messageListener } from "./message.js";
import { installationRemovedListener, membersRemovedListener } from "./uninstalled.js";

/** The bot: one listener per activity the adapter cares about, registered in the order they run. */
export function createTeamsBot(deps: TeamsDeps): TeamsActivityHandler {
  const bot = new TeamsActivityHandler();
  bot.onMessage(rememberOnMessage(deps));
  bot.onMessage(messageListener(deps));
  bot.onMembersAdded(membersAddedListener(deps));
  bot.onMembersRemoved(membersRemovedListener(deps));
  bot.onInstallationUpdateAdd(installationAddedListener(deps));
  bot.onInstallationUpdateRemove(installationRemovedListener(deps));
  return bot;
}
