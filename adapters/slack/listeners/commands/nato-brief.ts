import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { Reply } from "../../../../src/core/commands/command-handler.js";
import { type Command, parseCommand } from "../../../../src/core/commands/parse-command.js";
import { renderReply } from "../../render/reply-message.js";
import { type SlackDeps, slackContext, WORKING_TEXT } from "../../slack-deps.js";

/** A "quick" command that has not answered by then is treated as slow: Slack wants its ack within 3 s. */
export const FAST_REPLY_MS = 1000;

type Args = Pick<SlackCommandMiddlewareArgs, "command" | "ack" | "respond"> & Pick<AllMiddlewareArgs, "client">;

/**
 * `/nato-brief …`: slow commands (briefing, fetching, answering) are acknowledged at once with an ephemeral
 * "Working on it…", and their result goes to `response_url` once pending acknowledgements are out; quick ones
 * put their answer in the acknowledgement itself.
 */
export function natoBriefCommandCallback(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: Args) => {
    // Slack always sends `text` (empty without words); a request without one, or with a non-string, is read as empty.
    const parsed = parseCommand(typeof command.text === "string" ? command.text : "");
    if (deps.handler.isSlow(parsed)) {
      await ack({ response_type: "ephemeral", text: WORKING_TEXT });
      await deps.afterAcks(() => answer(deps, { command, respond, client }, parsed));
      return;
    }
    const ctx = await contextOf(deps, command);
    const work = deps.handler.handle(parsed, ctx);
    const quick = await Promise.race([work, delay(FAST_REPLY_MS)]);
    if (quick) {
      const langs = await deps.languages.languagesNow(ctx.userKey, command.user_id);
      await ack({ response_type: "ephemeral", ...renderReply(quick, { langs, shareable: true }) });
      return;
    }
    await ack({ response_type: "ephemeral", text: WORKING_TEXT });
    await deps.afterAcks(() => answer(deps, { command, respond, client }, parsed, work));
  };
}

async function answer(
  deps: SlackDeps,
  { command, respond, client }: Pick<Args, "command" | "respond" | "client">,
  parsed: Command,
  started?: Promise<Reply>,
) {
  const ctx = await contextOf(deps, command);
  const [reply, langs] = await Promise.all([
    started ?? deps.handler.handle(parsed, ctx),
    deps.languages.languages(ctx.userKey, command.user_id, client),
  ]);
  try {
    await respond({ response_type: "ephemeral", ...renderReply(reply, { langs, shareable: true }) });
  } catch (err) {
    deps.logger.error("could not send the /nato-brief result to response_url", { command: parsed.kind, error: err });
  }
}

async function contextOf(deps: SlackDeps, command: Args["command"]) {
  const ctx = slackContext({
    teamId: command.team_id,
    enterpriseId: command.enterprise_id,
    isEnterpriseInstall: command.is_enterprise_install === "true",
    userId: command.user_id,
    channelId: command.channel_id,
  });
  ctx.language = await deps.languages.preference(ctx.userKey);
  return ctx;
}

function delay(ms: number): Promise<Reply | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
