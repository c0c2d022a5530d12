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
import { guarded } from "./guarded.js";
import { dedupeEventsMiddleware } from "./middleware/dedupe-events.js";

export const SLASH_COMMAND = "/nato-brief";

/**
 * Every listener of the app, in the order that matters: dedupe first, the assistant before plain DMs. Each runs
 * `guarded`: what it throws is logged and counted, never a 500 or an unhandled rejection.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(dedupeEventsMiddleware(deps));
  app.assistant(natoAssistant(deps));
  app.command(SLASH_COMMAND, guarded(deps, "command", natoBriefCommandCallback(deps)));
  app.action(SWITCH_LANGUAGE_ACTION, guarded(deps, "switch-language", switchLanguageCallback(deps)));
  app.action(SHARE_ACTION_ID, guarded(deps, "share", shareCallback(deps)));
  app.action(FEEDBACK_ACTION, guarded(deps, "feedback", feedbackCallback(deps)));
  app.action(SHOW_BRIEF_ACTION_ID, guarded(deps, "show-brief", showBriefCallback(deps)));
  app.event("message", guarded(deps, "direct-message", directMessageCallback(deps)));
  if (deps.workspaces) {
    app.event("app_uninstalled", guarded(deps, "app-uninstalled", appUninstalledCallback(deps.workspaces)));
    app.event("tokens_revoked", guarded(deps, "tokens-revoked", tokensRevokedCallback(deps.workspaces)));
  }
}
