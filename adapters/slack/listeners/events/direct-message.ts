import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext } from "../../slack-deps.js";
import { chatCommand } from "./chat-command.js";

/**
 * `message.im`: a message to the bot in its DM answered there. Thread replies in DMs belong to the assistant
 * (registered before this listener); edits, bot messages and other channels are ignored.
 */
export function directMessageCallback(deps: SlackDeps) {
  return async ({
    event,
    say,
    context,
    client,
  }: SlackEventMiddlewareArgs<"message"> & Pick<AllMiddlewareArgs, "context" | "client">) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id || event.thread_ts) return;
    // Signed does not mean well-formed: a number or an object where Slack puts text is ignored.
    const text = typeof event.text === "string" ? event.text.trim() : "";
    if (!text || typeof event.user !== "string" || typeof event.channel !== "string") return;
    const command = chatCommand(text);
    const ctx = slackContext({
      teamId: context.teamId ?? event.team,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall,
      userId: event.user,
      channelId: event.channel,
    });
    await deps.afterAcks(async () => {
      ctx.language = await deps.languages.preference(ctx.userKey);
      const [reply, langs] = await Promise.all([
        deps.handler.handle(command, ctx),
        deps.languages.languages(ctx.userKey, event.user, client),
      ]);
      await say(renderReply(reply, { langs, shareable: false }));
    });
  };
}
