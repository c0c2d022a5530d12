import type { TurnContext } from "botbuilder";
import type { CommandContext } from "../../../src/core/commands/command-handler.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { conversationKeyOf, userKeyOf } from "../conversation/teams-keys.js";
import { languagesFor } from "../render/languages.js";
import type { TeamsDeps } from "../teams-deps.js";

/** Who asked and where, for the core; and the languages their briefs show in. */
export async function commandContextOf(
  ctx: TurnContext,
  deps: TeamsDeps,
): Promise<{ command: CommandContext; languages: Lang[] }> {
  const userKey = userKeyOf(ctx.activity);
  const language = await deps.preferences?.getLanguage(userKey);
  return {
    command: { userKey, conversationKey: conversationKeyOf(ctx.activity), language },
    languages: languagesFor(language, ctx.activity.locale),
  };
}

/**
 * Teams message text once the bot's mention is gone: other mentions keep their name, tags and the entities of
 * Teams' HTML-ish format are removed.
 */
export function plainText(text: string): string {
  return text
    .replace(/<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi, "$1")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
