import type { Answer, SearchOutcome } from "../../../src/core/qa/qa-types.js";

const SOURCES = { en: "Sources", fr: "Sources" } as const;
const NO_HITS = { en: "No stored release matches.", fr: "Aucun communiqué enregistré ne correspond." } as const;

/** An answer as plain text: the text with its [n] markers, then each cited release with its link. */
export function renderAnswerText(answer: Answer): string {
  if (answer.citations.length === 0) return answer.text;
  const lines = answer.citations.map((c, i) => {
    const date = c.published ? ` (${c.published})` : "";
    return `  [${i + 1}] ${c.title}${date}${c.url ? ` ${c.url}` : ""} · id ${c.releaseId}`;
  });
  return `${answer.text}\n\n${SOURCES[answer.language]}:\n${lines.join("\n")}`;
}

/** Search hits as plain text: id, date, title, link, and the best matching sentence. */
export function renderSearchText(outcome: SearchOutcome): string {
  if (outcome.hits.length === 0) return NO_HITS[outcome.language];
  return outcome.hits
    .map((h) => {
      const head = `${h.releaseId}  ${h.published ?? "          "}  ${h.title}`;
      return [head, h.url ? `  ${h.url}` : "", h.snippet ? `  “${h.snippet}”` : ""].filter(Boolean).join("\n");
    })
    .join("\n\n");
}
