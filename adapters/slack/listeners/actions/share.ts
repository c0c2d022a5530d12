import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeBriefsValue } from "../../render/actions.js";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { actionIds, briefsOf } from "./briefs-of.js";

/** "Share in channel": posts the briefs for everyone through `response_url`, then removes the ephemeral copy. */
export function shareCallback(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction>) => {
    await ack();
    await deps.afterAcks(async () => {
      const value = decodeBriefsValue(action.value);
      if (!value) {
        deps.logger.warn("share button with an unreadable value", { actionId: action.action_id });
        return;
      }
      const ids = actionIds(body);
      const reply = await briefsOf(deps.handler, value.releaseIds, slackContext(ids));
      if (reply.kind !== "briefs") {
        const problem = renderReply(reply, { langs: ["en", "fr"], shareable: false });
        await respond({ response_type: "ephemeral", replace_original: false, ...problem });
        return;
      }
      // Our own mention of the clicker (a Slack user id, never release text) says who shared it.
      const note = /^[UW][A-Z0-9]+$/.test(ids.userId) ? `Shared by <@${ids.userId}>` : undefined;
      const langs = deps.languages.forChoice(value.language, ids.userId);
      const message = renderReply(reply, { langs, shareable: false, note });
      await respond({ response_type: "in_channel", replace_original: false, ...message });
      if (body.container?.is_ephemeral) {
        await respond({ delete_original: true }).catch((err: unknown) => {
          deps.logger.debug("could not remove the ephemeral brief after sharing", { error: err });
        });
      }
    });
  };
}
