import { TurnContext } from "botbuilder";
import { type Command, parseCommand } from "../../../src/core/commands/parse-command.js";
import { commandOrQuestion } from "../../../src/core/qa/chat-line.js";
import { scopeOf, type TeamsScope } from "../conversation/teams-keys.js";
import type { TeamsDeps } from "../teams-deps.js";
import { handleCardAction } from "./card-action.js";
import { runCommand } from "./run-command.js";
import { plainText } from "./turn-context.js";

type Next = () => Promise<void>;

/**
 * A message: an `Action.Submit` from one of our cards, or text. In personal chat the text is a command, and any
 * text that is not one is a question; in channels and group chats only a message that @mentions the bot is read,
 * with the mention removed first.
 */
export function messageListener(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    const activity = ctx.activity;
    if (
      deps.dedupe &&
      activity.id &&
      !(await deps.dedupe.firstSeen(`teams:${activity.conversation?.id}:${activity.id}`))
    ) {
      deps.logger.info("teams message delivered again; ignored", { activityId: activity.id });
      return next();
    }
    if (activity.value !== undefined && !activity.text?.trim()) {
      await handleCardAction(ctx, deps);
      return next();
    }
    const scope = scopeOf(activity);
    const mentioned = TurnContext.getMentions(activity).some((m) => m.mentioned?.id === activity.recipient?.id);
    if (scope !== "personal" && !mentioned) return next();
    const raw = mentioned ? TurnContext.removeRecipientMention(activity) : (activity.text ?? "");
    await runCommand(ctx, deps, commandFor(plainText(raw ?? ""), scope));
    await next();
  };
}

/** The core's words; in personal chat, text that is not a command goes to Q&A as a question. */
export function commandFor(text: string, scope: TeamsScope): Command {
  return scope === "personal" ? commandOrQuestion(text) : parseCommand(text);
}
