import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeBriefsValue } from "../../render/actions.js";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { actionIds, briefsOf } from "./briefs-of.js";

/**
 * "English" / "Français" / "EN + FR": re-renders the message's briefs in that language. The user's own
 * ephemeral copy is replaced; on a message shared in the channel, only the clicker gets the other language.
 */
export function switchLanguageCallback(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction>) => {
    await ack();
    await deps.afterAcks(async () => {
      const value = decodeBriefsValue(action.value);
      if (!value) {
        deps.logger.warn("language button with an unreadable value", { actionId: action.action_id });
        return;
      }
      const ids = actionIds(body);
      const reply = await briefsOf(deps.handler, value.releaseIds, slackContext(ids));
      const langs = deps.languages.forChoice(value.language, ids.userId);
      const ephemeral = body.container?.is_ephemeral === true;
      await respond({
        response_type: "ephemeral",
        replace_original: ephemeral,
        ...renderReply(reply, { langs, shareable: true }),
      });
    });
  };
}
