import type { types } from "@slack/bolt";
import type { Lang } from "../../../src/core/domain/language.js";
import type { Answer, Citation, SearchOutcome } from "../../../src/core/qa/qa-types.js";
import { SHOW_BRIEF_ACTION_ID } from "./actions.js";
import { escapeText, link, truncateEscaped } from "./escape.js";
import { LIMITS, type SlackMessage } from "./limits.js";

const WORDS = {
  sources: { en: "Sources", fr: "Sources" },
  brief: { en: "Brief", fr: "Synthèse" },
  results: { en: "Stored releases matching", fr: "Communiqués enregistrés correspondant à" },
  none: { en: "No stored release matches", fr: "Aucun communiqué enregistré ne correspond à" },
  extractive: { en: "Sentences quoted from the releases", fr: "Phrases citées des communiqués" },
  model: { en: "Answer by", fr: "Réponse de" },
} as const;

/** Hits shown at most: one section each, and room for the heading. */
const MAX_HITS = 10;

/**
 * A Q&A answer: its text (with `[n]` markers, each linked to the release it cites), the cited releases, and
 * who wrote it (the model, or sentences quoted by the extractive engine). Everything from the core is escaped.
 */
export function renderAnswer(answer: Answer): SlackMessage {
  const lang = answer.language;
  const icon = answer.status === "answered" ? "" : ":information_source: ";
  // Cut first, link after, so a cut never lands inside a link; the first mention of each source is linked.
  const linked = new Set<string>();
  const body = truncateEscaped(escapeText(answer.text), LIMITS.sectionText - 1200).replace(
    /\[(\d{1,2})\]/g,
    (marker, n: string) => {
      const cited = answer.citations[Number(n) - 1];
      if (!cited || linked.has(n) || linked.size >= 10) return marker;
      linked.add(n);
      return link(cited.url ?? undefined, marker) ?? marker;
    },
  );
  const blocks: types.KnownBlock[] = [section(`${icon}${body}`)];
  if (answer.citations.length > 0) {
    const lines = answer.citations.slice(0, 20).map((c, i) => `[${i + 1}] ${citation(c)}`);
    blocks.push(section(truncateEscaped(`*${WORDS.sources[lang]}*\n${lines.join("\n")}`, LIMITS.sectionText)));
  }
  const notes = [answer.status === "answered" ? engineLabel(answer.engine, lang) : undefined, answer.fallbackReason]
    .filter((n): n is string => Boolean(n))
    .map((n) => mrkdwn(truncateEscaped(escapeText(n), 300)));
  if (notes.length) blocks.push({ type: "context", elements: notes });
  return { text: truncateEscaped(escapeText(answer.text), 300) || "Answer", blocks };
}

/** Search hits: title linked to the release, date, best sentence, and a button for its brief. */
export function renderSearch(words: string, outcome: SearchOutcome): SlackMessage {
  const lang = outcome.language;
  const query = truncateEscaped(escapeText(words), 200);
  if (outcome.hits.length === 0) {
    return { text: `${WORDS.none[lang]} "${query}"`, blocks: [section(`${WORDS.none[lang]} “${query}”.`)] };
  }
  const hits = outcome.hits.slice(0, MAX_HITS);
  const budget = Math.floor((LIMITS.messageText - 500) / hits.length) - 100;
  const blocks: types.KnownBlock[] = [section(`*${WORDS.results[lang]} “${query}”*`)];
  for (const hit of hits) {
    const title = truncateEscaped(escapeText(hit.title), 300);
    const heading = link(hit.url ?? undefined, hit.title.slice(0, 300)) ?? title;
    const date = hit.published && /^\d{4}-\d{2}-\d{2}$/.test(hit.published) ? `  _${hit.published}_` : "";
    const snippet = hit.snippet ? `\n“${escapeText(hit.snippet)}”` : "";
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncateEscaped(`*${heading}*${date}${snippet}`, Math.min(budget, 1500)),
        verbatim: true,
      },
      accessory: {
        type: "button",
        action_id: SHOW_BRIEF_ACTION_ID,
        text: { type: "plain_text", text: WORDS.brief[lang] },
        value: hit.releaseId.slice(0, 200),
      },
    });
  }
  return { text: `${WORDS.results[lang]} "${query}": ${hits.length}`, blocks };
}

function citation(c: Citation): string {
  const date = c.published && /^\d{4}-\d{2}-\d{2}$/.test(c.published) ? ` (${c.published})` : "";
  const title = link(c.url ?? undefined, c.title.slice(0, 200)) ?? truncateEscaped(escapeText(c.title), 200);
  return `${title}${date}`;
}

function engineLabel(engine: string, lang: Lang): string {
  if (engine.startsWith("llm:")) return `${WORDS.model[lang]} ${engine.slice(4)}`;
  if (engine === "extractive") return WORDS.extractive[lang];
  return engine;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
