import type { Reply } from "../../../src/core/commands/command-handler.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { renderAnswer, renderSearch } from "./answer-blocks.js";
import { renderBriefs } from "./brief-blocks.js";
import type { SlackMessage } from "./limits.js";
import { helpMessage, textMessage } from "./text-blocks.js";
import { renderTranslation } from "./translation-blocks.js";

export interface ReplyRenderOptions {
  langs: readonly Lang[];
  shareable: boolean;
  /** Shown under briefs: our own mrkdwn, e.g. who shared them. */
  note?: string | undefined;
}

/** Any reply of the command handler as a Slack message. Exhaustive: a new Reply kind fails to compile here. */
export function renderReply(reply: Reply, options: ReplyRenderOptions): SlackMessage {
  switch (reply.kind) {
    case "briefs":
      return reply.briefs.length > 0 ? renderBriefs(reply.briefs, options) : textMessage("No brief to show.");
    case "text":
      return textMessage(reply.text);
    case "help":
      return helpMessage(reply.problem);
    case "error":
      return textMessage(reply.message, ":warning: ");
    case "subscription":
      return subscriptionMessage(reply);
    case "answer":
      return renderAnswer(reply.answer);
    case "search":
      return renderSearch(reply.words, reply.outcome);
    case "translation":
      return renderTranslation(reply.translation);
    default:
      return unreachable(reply);
  }
}

function subscriptionMessage(reply: Extract<Reply, { kind: "subscription" }>): SlackMessage {
  const active = reply.action === "subscribed" || reply.action === "updated";
  const message = textMessage(reply.text, active ? ":white_check_mark: " : "");
  if (active) {
    // Public channels work without joining (chat:write.public); private ones need the bot invited.
    message.blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "In a private channel, invite the bot so it can post: `/invite @NATO Brief`" },
      ],
    });
  }
  return message;
}

function unreachable(reply: never): never {
  throw new Error(`no Slack rendering for reply ${JSON.stringify(reply)}`);
}
