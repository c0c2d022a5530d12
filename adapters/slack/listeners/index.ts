import type { App } from "@slack/bolt";
import { FEEDBACK_ACTION, SHARE_ACTION_ID, SHOW_BRIEF_ACTION_ID, SWITCH_LANGUAGE_ACTION } from "../render/actions.js";
import type { SlackDeps } from "../slack-deps.js";
import { feedbackCallback } from "./actions/feedback.js";
import { shareCallback } from "./actions/share.js";
import { showBriefCallback } from "./actions/show-brief.js";
import { switchLanguageCallback } from "./actions/switch-language.js";
import { natoAssistant } from "./assistant/nato-assistant.js";
import { natoBriefCommandCallback } from "./commands/nato-brief.js";
import { appUninstalledCallback, tokensRevokedCallback } from "./events/app-uninstalled.js";
import { directMessageCallback } from "./events/direct-message.js";
import { dedupeEventsMiddleware } from "./middleware/dedupe-events.js";

export const SLASH_COMMAND = "/nato-brief";

/** Every listener of the app, in the order that matters: dedupe first, the assistant before plain DMs. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(dedupeEventsMiddleware(deps));
  app.assistant(natoAssistant(deps));
  app.command(SLASH_COMMAND, natoBriefCommandCallback(deps));
  app.action(SWITCH_LANGUAGE_ACTION, switchLanguageCallback(deps));
  app.action(SHARE_ACTION_ID, shareCallback(deps));
  app.action(FEEDBACK_ACTION, feedbackCallback(deps));
  app.action(SHOW_BRIEF_ACTION_ID, showBriefCallback(deps));
  app.event("message", directMessageCallback(deps));
  if (deps.workspaces) {
    app.event("app_uninstalled", appUninstalledCallback(deps.workspaces));
    app.event("tokens_revoked", tokensRevokedCallback(deps.workspaces));
  }
}
