import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import { narrowByDate } from "./date-words.js";
import { releasePassages, titleOf, urlOf } from "./passages.js";
import type { SearchHit, SearchOutcome } from "./qa-types.js";
import { detectQuestionLanguage } from "./question-language.js";
import { newReads, type Retriever } from "./retriever.js";

const SNIPPET_CHARS = 240;

/**
 * `search WORDS`: every release that matches any word (a question's relevance bar does not apply), best first,
 * each with its best sentence. Date words narrow it; date words alone list the releases of that period.
 */
export async function searchReleases(
  retriever: Retriever,
  words: string,
  fallback: Lang,
  now: Date,
  limit: number,
): Promise<SearchOutcome> {
  const text = words.normalize("NFC").replace(/\s+/gu, " ").trim();
  const lang = detectQuestionLanguage(text, fallback).lang;
  const { range, rest } = narrowByDate(text, now);
  if (range && retriever.contentWords(rest).length === 0) {
    const releases = await retriever.inRange(range, limit);
    return { language: lang, hits: releases.map((r) => hit(r, lang, firstSentence(r, lang))) };
  }
  // Its own language's side of the index first; both sides (and the words' machine translation, while some
  // release is untranslated) when that finds nothing.
  const untranslated = await retriever.needsTranslation(false);
  const query = await retriever.query({ text: rest, lang, range }, untranslated);
  const reads = newReads();
  const own = untranslated ? query : { ...query, sides: [lang] };
  let { matches, releases } = await retriever.searchReleases(own, limit, reads);
  if (matches.length === 0 && !untranslated)
    ({ matches, releases } = await retriever.searchReleases(query, limit, reads));
  const best = new Map<string, string>();
  for (const m of await retriever.rankPassages(query, [...releases.values()], lang)) {
    if (!best.has(m.passage.releaseId)) best.set(m.passage.releaseId, m.passage.text);
  }
  const hits = matches.flatMap((m) => {
    const release = releases.get(m.releaseId);
    return release ? [hit(release, lang, best.get(release.id) ?? firstSentence(release, lang))] : [];
  });
  return { language: lang, hits };
}

function hit(release: Release, lang: Lang, snippet: string): SearchHit {
  return {
    releaseId: release.id,
    title: titleOf(release, lang),
    url: urlOf(release, lang),
    published: release.published,
    snippet: shorten(snippet),
  };
}

function firstSentence(release: Release, lang: Lang): string {
  const passages = releasePassages(release);
  return (passages.find((p) => p.lang === lang) ?? passages[0])?.text ?? "";
}

function shorten(text: string): string {
  if (text.length <= SNIPPET_CHARS) return text;
  const cut = text.slice(0, SNIPPET_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SNIPPET_CHARS / 2)).replace(/[\s,;:]+$/u, "")}…`;
}
