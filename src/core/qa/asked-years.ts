import { digitRuns } from "../text/quantities.js";
import { isYear } from "./figure-kind.js";
import { keepReleases } from "./keep-releases.js";
import type { DateRange } from "./qa-types.js";
import type { Retrieval } from "./retriever.js";

/**
 * "Where will Blue Hatch be held in 2028?": a question that names a year is about that year. A release published
 * in the question's range, or that speaks of one of its years anywhere (its text, stored translation included),
 * may answer; the others may not, however well they match the rest ("Blue Hatch 2026 ended off Cagliari"). The
 * question searched whole, its date words as words (qa-service.ts), would otherwise answer from any year.
 * Unchanged for a question without a year ("in February": the month is the search's to weigh).
 */
export function speaksOfYearsAsked(retrieval: Retrieval, question: string, range: DateRange): Retrieval {
  const years = [...digitRuns(question)].filter(isYear);
  const texts = retrieval.texts;
  if (years.length === 0 || !texts) return retrieval;
  const mentions = years.map((y) => new RegExp(`(?<!\\d)${y}(?!\\d)`, "u"));
  const kept = retrieval.matches.filter((m) => {
    const published = retrieval.releases.get(m.releaseId)?.published;
    if (published && published >= range.from && published <= range.to) return true;
    const text = texts.get(m.releaseId);
    return text === undefined || mentions.some((re) => re.test(text));
  });
  return keepReleases(retrieval, new Set(kept.map((m) => m.releaseId)));
}
