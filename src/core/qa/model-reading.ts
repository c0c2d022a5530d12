import type { QuestionFocus } from "./focus.js";
import type { Passage } from "./qa-types.js";
import type { Retrieval } from "./retriever.js";
import type { PassageMatch } from "./search-index.port.js";

/**
 * What the model reads beyond what the offline checks chose. The offline answer quotes one sentence and nothing else
 * reads it, so coverage and focus rules must be sure of it; the model reads every passage it is given and declines
 * what does not answer (prompts/answer), so it is given what the search found too: recall is its part.
 */

/** What the model reads: "wide", the checks' picks and then what the search found; "checked", the picks only. */
export type ModelReading = "wide" | "checked";

/**
 * At most this many passages once the model also reads what the coverage check set aside (`widen`): a sentence
 * each, about a thousand tokens in all.
 */
const WIDE_PASSAGES = 16;
/**
 * Releases the search brings for a model to read, against five for the offline answer: a question worded unlike
 * its release (a French question on an English-only release, read through its offline translation) often ranks it
 * sixth to eighth (qa-quality dev: 303 → 309 of 315 answering passages given to the model; ten or twelve found
 * no more).
 */
export const MODEL_SEARCH_RELEASES = 8;
/** Releases whose sentences carrying what is asked the model reads beyond those the coverage check kept. */
const WIDE_RELEASES = 3;
/** Sentences of one release that carry the focus while matching too few of the question's words. */
export const FROM_BEST_PASSAGES = 2;

/** A passage of a sentence that matched no word of the question, for `pickForModel`'s `fromBest`. */
export function unmatchedMatch(passage: Passage): PassageMatch {
  return { passage, score: 0, coverage: 0, matched: 0, matchedName: false };
}

/**
 * Sentences of the best release a model reads whole (`wholeBest`): a NATO release is some ten to thirty; a longer
 * one keeps its sentences that match the question, then the first of the others.
 */
export const WHOLE_RELEASE_SENTENCES = 30;

/**
 * The model's passages: those the coverage and focus checks chose, then the best release as a whole (`whole`), then
 * — up to the model's wide limit — what the search found before the coverage check, as `skim` reads it. A question
 * may say what its release says in other words (« combien de start-up » / "74 companies had been chosen"): the
 * offline answer needs the checks, since nothing else reads its sentence, but the model reads what it is given and
 * declines what does not answer (prompts/answer).
 */
export function widen(checked: PassageMatch[], searched: PassageMatch[], whole: PassageMatch[] = []): PassageMatch[] {
  const ids = new Set(checked.map((m) => m.passage.id));
  const release = whole.filter((m) => !ids.has(m.passage.id) && ids.add(m.passage.id) !== undefined);
  const more = searched.filter((m) => !ids.has(m.passage.id));
  return [...checked, ...release, ...more.slice(0, Math.max(0, WIDE_PASSAGES - checked.length))];
}

/**
 * The best release of the search, every sentence of it as the reader sees it (its stored translation for a release in
 * the other language), in the release's order. The sentence that answers often shares no word with the question
 * (« qui est le chef de la force AGS ? » / "The force is commanded by Brigadier General…"; "is NATO buying another
 * drone?" / "studying the purchase of a sixth aircraft"); a reader who has found the release reads it, and so does
 * the model, which declines what it does not answer.
 */
export function wholeBest(searched: Retrieval): PassageMatch[] {
  const best = searched.matches[0]?.releaseId;
  if (best === undefined) return [];
  const matched = searched.passages.filter((m) => m.passage.releaseId === best && isSentence(m.passage));
  const keys = new Set(matched.map((m) => sentenceOf(m.passage)));
  const others = (searched.unmatched ?? [])
    .filter((p) => p.releaseId === best && isSentence(p) && !keys.has(sentenceOf(p)))
    .map(unmatchedMatch);
  const kept = [...matched, ...others].slice(0, WHOLE_RELEASE_SENTENCES);
  return kept.sort((a, b) => sentenceOf(a.passage) - sentenceOf(b.passage));
}

/** A sentence of the release's text (its own or its stored translation), not a brief's. */
function isSentence(p: Passage): boolean {
  return p.kind === "body" || p.kind === "translation";
}

/** The sentence's number in the release (the last part of its id, shared by a sentence and its translation). */
function sentenceOf(p: Passage): number {
  return Number(p.id.split(":").at(-1));
}

/**
 * What the search found, as a reader skims it for the model, with no rule of relevance: the passages that match a
 * word of the question and carry what it asks, then the best releases' sentences that carry it without matching
 * (two per release), then the other passages that match a word, each once.
 */
export function skim(
  ranked: PassageMatch[],
  answers: (m: PassageMatch) => boolean,
  fromBest: readonly PassageMatch[],
): PassageMatch[] {
  const matching = ranked.filter((m) => m.coverage > 0);
  const seen = new Set<string>();
  return [...matching.filter(answers), ...perRelease(fromBest.filter(answers), FROM_BEST_PASSAGES), ...matching].filter(
    (m) => !seen.has(m.passage.id) && seen.add(m.passage.id) !== undefined,
  );
}

/** The first `n` of each release's passages, in order. */
export function perRelease(matches: readonly PassageMatch[], n: number): PassageMatch[] {
  const counts = new Map<string, number>();
  return matches.filter((m) => {
    const seen = counts.get(m.passage.releaseId) ?? 0;
    counts.set(m.passage.releaseId, seen + 1);
    return seen < n;
  });
}

/** `skim` of the search's own retrieval (before the coverage check), with the three best releases' sentences. */
export function wideReading(
  searched: Retrieval,
  focus: QuestionFocus,
  answers: (m: PassageMatch) => boolean,
): PassageMatch[] {
  return skim(searched.passages, answers, bestSentences(searched, focus, WIDE_RELEASES));
}

/**
 * The best release's sentences, matched or not, when the question asks for something: "who leads the agency?" is
 * answered by "Its General Manager, Jane Doe, said…", which matches few of its words (`pickForModel`'s `fromBest`).
 */
export function bestSentences(retrieval: Retrieval, focus: QuestionFocus, releases = 1): PassageMatch[] {
  const top = new Set(retrieval.matches.slice(0, releases).map((m) => m.releaseId));
  if (focus.kind === "any" || top.size === 0) return [];
  const of = (m: PassageMatch) => top.has(m.passage.releaseId);
  return [...retrieval.passages.filter(of), ...(retrieval.unmatched ?? []).map(unmatchedMatch).filter(of)];
}
