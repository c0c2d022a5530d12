import { ActivityTypes, TurnContext } from "botbuilder";
import type { Reply } from "../../../src/core/commands/command-handler.js";
import type { Command } from "../../../src/core/commands/parse-command.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { renderReply } from "../render/reply-messages.js";
import type { TeamsDeps } from "../teams-deps.js";
import { toActivity } from "./to-activity.js";
import { commandContextOf } from "./turn-context.js";

/** How often the typing indicator is renewed while a slow command works (Teams shows it for a few seconds). */
const TYPING_EVERY_MS = 3_000;

/**
 * Runs one command for the message in `ctx`. A quick one is answered in the same turn. A slow one (an engine
 * call, a fetch) shows the typing indicator at once, and is answered from a turn of its own
 * (`continueConversationAsync`) so the HTTP request returns well within the time Teams waits before it retries.
 */
export async function runCommand(ctx: TurnContext, deps: TeamsDeps, command: Command): Promise<void> {
  const { command: cmdCtx, languages } = await commandContextOf(ctx, deps);
  if (!deps.handler.isSlow(command)) {
    await sendReply(ctx, deps, await handleSafely(deps, command, cmdCtx), languages);
    return;
  }
  await ctx.sendActivity({ type: ActivityTypes.Typing });
  const reference = TurnContext.getConversationReference(ctx.activity);
  const replyToId = ctx.activity.id;
  deps.tasks.run(`command ${command.kind}`, () =>
    deps.sender.continueIn(reference, { replyToId }, async (turn) => {
      const typing = setInterval(() => {
        turn.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
      }, TYPING_EVERY_MS);
      let reply: Reply;
      try {
        reply = await handleSafely(deps, command, cmdCtx);
      } finally {
        clearInterval(typing);
      }
      await sendReply(turn, deps, reply, languages);
    }),
  );
}

async function handleSafely(
  deps: TeamsDeps,
  command: Command,
  cmdCtx: Parameters<TeamsDeps["handler"]["handle"]>[1],
): Promise<Reply> {
  try {
    return await deps.handler.handle(command, cmdCtx);
  } catch (err) {
    deps.logger.error("teams command failed", { command: command.kind, error: err });
    return { kind: "error", message: "Something went wrong on our side; the error was logged." };
  }
}

export async function sendReply(ctx: TurnContext, deps: TeamsDeps, reply: Reply, languages: Lang[]): Promise<void> {
  for (const message of renderReply(reply, { languages })) await deps.sender.send(ctx, toActivity(message));
}
