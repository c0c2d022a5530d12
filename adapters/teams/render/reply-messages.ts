import type { Reply } from "../../../src/core/commands/command-handler.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { answerCard, searchCard } from "./answer-card.js";
import { briefCard } from "./brief-card.js";
import type { AdaptiveCard } from "./card-types.js";
import { escapeCardText, truncate } from "./escape.js";
import { helpCard } from "./help-card.js";

/** What the bot sends, before the SDK wraps it: a card (with a notification summary) or Markdown text. */
export type TeamsMessage =
  | { kind: "card"; card: AdaptiveCard; summary: string; releaseId?: string | undefined }
  | { kind: "text"; text: string };

/** Teams' limit on a text message is far above this; the cap keeps an error or answer readable. */
const MAX_TEXT = 20_000;

/** A command's reply as Teams messages: one card per brief, so each can switch language and be rated alone. */
export function renderReply(reply: Reply, options: { languages: Lang[] }): TeamsMessage[] {
  switch (reply.kind) {
    case "briefs":
      return reply.briefs.map((brief) => ({
        kind: "card",
        card: briefCard(brief, { languages: options.languages }),
        summary: truncate(brief[options.languages[0] ?? "en"].headline || `NATO release ${brief.release.id}`, 200),
        releaseId: brief.release.id,
      }));
    case "text":
      return [{ kind: "text", text: escapeCardText(truncate(reply.text, MAX_TEXT)) }];
    case "help":
      return [{ kind: "card", card: helpCard(reply.problem), summary: "nato-brief commands" }];
    case "error":
      return [{ kind: "text", text: `⚠ ${escapeCardText(truncate(reply.message, MAX_TEXT))}` }];
    case "answer":
      return [{ kind: "card", card: answerCard(reply.answer), summary: truncate(reply.answer.text, 200) }];
    case "search":
      return [
        {
          kind: "card",
          card: searchCard(reply.words, reply.outcome),
          summary: `Search: ${truncate(reply.words, 100)}`,
        },
      ];
    case "translation": {
      const t = reply.translation;
      const direction = `${t.from.toUpperCase()} → ${t.to.toUpperCase()}`;
      if (t.provenance.kind === "unavailable") {
        const why = `${t.provenance.label} (${direction}): ${t.provenance.reason ?? ""}`;
        return [{ kind: "text", text: `⚠ ${escapeCardText(truncate(why, MAX_TEXT))}` }];
      }
      const label = `${t.provenance.label} · ${direction}${t.provenance.model ? ` · ${t.provenance.model}` : ""}`;
      return [{ kind: "text", text: `${escapeCardText(truncate(t.text, MAX_TEXT))}\n\n_${escapeCardText(label)}_` }];
    }
    case "subscription": {
      const active = reply.action === "subscribed" || reply.action === "updated";
      return [{ kind: "text", text: `${active ? "✅ " : ""}${escapeCardText(truncate(reply.text, MAX_TEXT))}` }];
    }
    default:
      return unreachable(reply);
  }
}

/** Fails the type check when the core adds a reply kind this renderer does not handle yet. */
function unreachable(reply: never): never {
  throw new Error(`Teams renderer: unhandled reply ${JSON.stringify(reply)}`);
}
