import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeFeedbackValue } from "../../render/actions.js";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { actionIds } from "./briefs-of.js";

/** 👍/👎 under a brief: stored with that brief, one vote per user (a second click changes it). */
export function feedbackCallback(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction>) => {
    await ack();
    await deps.afterAcks(async () => {
      const value = decodeFeedbackValue(action.value);
      const vote = action.action_id.endsWith("_up") ? "up" : "down";
      if (!value) {
        deps.logger.warn("feedback button with an unreadable value", { actionId: action.action_id });
        return;
      }
      const { releaseId, ...brief } = value;
      const reply = await deps.handler.recordFeedback({ releaseId, brief, vote }, slackContext(actionIds(body)));
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...renderReply(reply, { langs: ["en", "fr"], shareable: false }),
      });
    });
  };
}
