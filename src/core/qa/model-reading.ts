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
export const WIDE_PASSAGES = 16;
/**
 * Releases the search brings for a model to read, against five for the offline answer: a question worded unlike
 * its release (a French question on an English-only release, read through its offline translation) often ranks it
 * sixth to tenth (qa-quality dev: 303 → 309 of 315 answering passages given to the model with eight; later, of 470,
 * ten found one more than eight — « qui dirige l'agence OTAN de soutien et d'acquisition ? », whose release, about
 * aircraft it ordered, ranks ninth among the agency's). What the model reads stays within `WIDE_PASSAGES`.
 */
export const MODEL_SEARCH_RELEASES = 10;
/** Releases whose sentences carrying what is asked the model reads beyond those the coverage check kept. */
const WIDE_RELEASES = 3;
/** Sentences of one release that carry the focus while matching too few of the question's words. */
export const FROM_BEST_PASSAGES = 2;

/** A passage of a sentence that matched no word of the question, for `pickForModel`'s `fromBest`. */
export function unmatchedMatch(passage: Passage): PassageMatch {
  return { passage, score: 0, coverage: 0, matched: 0, matchedName: false };
}

/**
 * Sentences of the best release a model reads whole (`wholeReleases`): a NATO release is some ten to thirty; a longer
 * one keeps its sentences that match the question, then the first of the others.
 */
export const WHOLE_RELEASE_SENTENCES = 30;
/**
 * Releases of the search a model may read whole, best first (`wholeReleases`); the retriever carries their unmatched
 * sentences (`Retrieval.unmatched`). A question worded unlike its release often ranks it second to fifth ("is NATO
 * buying another AGS drone?" / "studying the purchase of a sixth aircraft", fifth).
 */
export const WHOLE_RELEASES = 5;
/**
 * Sentences the model reads whole in all (`wholeReleases`): the best release's, then each next release's that fits
 * whole — a thousand to two thousand tokens, the best release and some three more of the usual length.
 */
export const WHOLE_READING_SENTENCES = 48;

/**
 * The model's passages: those the coverage and focus checks chose, then the best releases read whole (`whole`, `wholeReleases`), then
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
 * The best releases of the search, every sentence of each as the reader sees it (its stored translation for a release
 * in the other language), release by release, best first, each in its own order: the best one always (up to
 * `WHOLE_RELEASE_SENTENCES`), each next one of the first `WHOLE_RELEASES` only when it fits whole in what is left of
 * `WHOLE_READING_SENTENCES` (a long one is passed over for a shorter one after it), the best release of each of the
 * date's other readings (`otherReadings`, its passages' first) before them. The sentence that answers often
 * shares no word with the question (« qui est le chef de la force AGS ? » / "The force is commanded by Brigadier
 * General…"; "is NATO buying another drone?" / "studying the purchase of a sixth aircraft"), and its release is not
 * always the best; a reader who has found the releases reads them, and so does the model, which declines what it does
 * not answer.
 */
export function wholeReleases(searched: Retrieval, otherReadings: readonly Retrieval[] = []): PassageMatch[] {
  const ranked = searched.matches.slice(0, WHOLE_RELEASES).map((m): [Retrieval, string] => [searched, m.releaseId]);
  // The best release of each other reading of the question's date comes second: "in February" may mean another year's.
  const others = otherReadings.flatMap((r): [Retrieval, string][] => {
    const id = r.passages[0]?.passage.releaseId;
    return id === undefined ? [] : [[r, id]];
  });
  const seen = new Set<string>();
  const [best, ...next] = [...ranked.slice(0, 1), ...others, ...ranked.slice(1)]
    .filter(([, id]) => !seen.has(id) && seen.add(id) !== undefined)
    .map(([r, id]) => wholeRelease(r, id));
  if (!best) return [];
  const read = inOrder(best.slice(0, WHOLE_RELEASE_SENTENCES));
  for (const release of next)
    if (read.length + release.length <= WHOLE_READING_SENTENCES) read.push(...inOrder(release));
  return read;
}

/** One release's sentences, matched (best first) then unmatched, each sentence once. */
function wholeRelease(searched: Retrieval, releaseId: string): PassageMatch[] {
  const matched = searched.passages.filter((m) => m.passage.releaseId === releaseId && isSentence(m.passage));
  const keys = new Set(matched.map((m) => sentenceOf(m.passage)));
  const others = (searched.unmatched ?? [])
    .filter((p) => p.releaseId === releaseId && isSentence(p) && !keys.has(sentenceOf(p)))
    .map(unmatchedMatch);
  return [...matched, ...others];
}

/** Sentences in the release's own order. */
function inOrder(sentences: PassageMatch[]): PassageMatch[] {
  return [...sentences].sort((a, b) => sentenceOf(a.passage) - sentenceOf(b.passage));
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
