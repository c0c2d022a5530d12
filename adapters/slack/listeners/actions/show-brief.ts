import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { actionIds, briefsOf } from "./briefs-of.js";

/** "Brief" beside a search hit: that release's brief, to the clicker only, with the usual buttons. */
export function showBriefCallback(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await deps.afterAcks(async () => {
      const id = typeof action.value === "string" ? action.value.trim() : undefined;
      if (!id || id.length > 200) return;
      const ids = actionIds(body);
      const ctx = slackContext(ids);
      const [reply, langs] = await Promise.all([
        briefsOf(deps.handler, [id], ctx),
        deps.languages.languages(ctx.userKey, ids.userId, client),
      ]);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...renderReply(reply, { langs, shareable: true }),
      });
    });
  };
}
