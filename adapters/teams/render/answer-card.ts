import type { Answer, SearchOutcome } from "../../../src/core/qa/qa-types.js";
import { type AdaptiveCard, type CardElement, card, text } from "./card-types.js";
import { escapeCardText, link, truncate } from "./escape.js";

const MAX_URL = 2_000;

function titleLink(title: string, url: string | null): string {
  const label = truncate(title, 200);
  return (url && url.length <= MAX_URL ? link(url, label) : undefined) ?? escapeCardText(label);
}

/**
 * An answer from the core's Q&A: its text with the `[n]` markers, then the numbered sources it cites (title, date,
 * link). "No answer" and refusals show their text alone.
 */
export function answerCard(answer: Answer): AdaptiveCard {
  const body: CardElement[] = [
    text(escapeCardText(truncate(answer.text, 8_000)), answer.status === "answered" ? {} : { isSubtle: true }),
  ];
  if (answer.status === "answered" && answer.citations.length) {
    const lines = answer.citations.slice(0, 20).map((c, i) => {
      const date = c.published ? ` · ${escapeCardText(c.published)}` : "";
      return `[${i + 1}] ${titleLink(c.title, c.url)}${date} · show ${escapeCardText(truncate(c.releaseId, 60))}`;
    });
    body.push(text("Sources", { weight: "Bolder", separator: true }));
    body.push(text(lines.join("\n\n"), { size: "Small", spacing: "Small" }));
  }
  if (answer.fallbackReason) {
    body.push(text(escapeCardText(`Note: ${truncate(answer.fallbackReason, 300)}`), { size: "Small", isSubtle: true }));
  }
  body.push(text(escapeCardText(`Answer: ${answer.engine}`), { size: "Small", isSubtle: true }));
  return card(body, [], truncate(answer.text, 200));
}

/** `search WORDS`: the matching stored releases, best first, each with its best sentence and the id for `show`. */
export function searchCard(words: string, outcome: SearchOutcome): AdaptiveCard {
  const fr = outcome.language === "fr";
  const title = `${fr ? "Recherche" : "Search"}: ${truncate(words, 200)}`;
  const body: CardElement[] = [text(escapeCardText(title), { weight: "Bolder" })];
  if (outcome.hits.length === 0) {
    body.push(text(fr ? "Aucun communiqué enregistré ne correspond." : "No stored release matches."));
  }
  outcome.hits.slice(0, 10).forEach((hit, i) => {
    const date = hit.published ? ` · ${escapeCardText(hit.published)}` : "";
    body.push({
      type: "Container",
      separator: i > 0,
      items: [
        text(`${titleLink(hit.title, hit.url)}${date}`, { weight: "Bolder" }),
        text(escapeCardText(truncate(hit.snippet, 500)), { spacing: "Small" }),
        text(escapeCardText(`show ${truncate(hit.releaseId, 60)}`), { size: "Small", isSubtle: true }),
      ],
    });
  });
  return card(body, [], title);
}
