import { fold } from "../text/fold.js";
import { continuesBefore } from "./continuation.js";
import { FROM_BEST_PASSAGES, perRelease } from "./model-reading.js";
import { neighbourId } from "./passages.js";
import type { PassageMatch, ReleaseMatch } from "./search-index.port.js";

/** Share of the question's content words a passage (with its title) must match to count as an answer. */
export const MIN_COVERAGE = 0.5;
const EXTRACT_PASSAGES = 3;
const EXTRACT_PER_RELEASE = 2;
const EXTRACT_CHARS = 700;
/** Share of the question's words a release must match for its sentences to answer with one of them. */
const STRONG_COVERAGE = 1;
/** Words of the question a sentence of the first release must say to answer with the focus (`firstRelease`). */
const FIRST_RELEASE_WORDS = 2;
/** Share of the question the only release coverage kept must match for a question that asks for no kind. */
const ONLY_RELEASE_COVERAGE = 0.75;
/**
 * Rank weight (score against the best release's) a release needs for a sentence of it that says more of the
 * question than the best sentence (`saysMore`) to be quoted as a second: ranked well behind, not out of sight.
 */
const SAYS_MORE_WEIGHT = 0.25;
/** Passages sent to the model: enough to compare releases, few enough to keep the request small. */
const MODEL_PASSAGES = 8;

/**
 * Is this passage an answer rather than a passing mention? Half the question's content words at least, and two
 * of them, or a name, when the question has two or more: "capital" alone does not answer a question about the
 * capital of Australia, "Finland" does answer one about when Finland joined.
 */
export function isRelevant(match: PassageMatch): boolean {
  return match.coverage >= MIN_COVERAGE && (match.matched >= 2 || match.coverage === 1 || match.matchedName);
}

/**
 * The passages an extractive answer quotes: the best one, and close seconds from releases that ranked close to
 * the best (`weights`, 0–1 by release) and match a name of the question when the best one does. A sentence that
 * says more of the question than the best one, or, in another release, all of it, is a close second from a
 * release that ranked further behind too (`saysMore`), and other releases' seconds that match as much of the
 * question as the best one come before those that match less: "when does the new diving school open?" quotes the
 * best release's sentence that says "new" and "school", then a further release's "The diving school will open in
 * May", which says all of the question.
 */
export function pickForExtract(
  all: PassageMatch[],
  weights?: ReadonlyMap<string, number>,
  /** Releases the conversation is about: a follow-up answered from one of them stays with them. */
  favour?: ReadonlySet<string>,
  /** Whether a passage carries what the question asks for (see focus.ts): the others are not answers. */
  answers: (m: PassageMatch) => boolean = () => true,
  /** Releases that match the question as a whole (see `eligible`); only for a question that asks for something. */
  strong?: ReadonlySet<string>,
  /** Answers that name what a "which N" question asks for (focus-which.ts) come before the others. */
  prefer?: (m: PassageMatch) => boolean,
  /** The release that holds the question's phrase together (phrase-evidence.ts): its answers come next. */
  lead?: string,
  /** The release that ranks first, when the question asks for a kind of answer (`firstRelease`). */
  first?: string,
): PassageMatch[] {
  const found = leadFirst(bySentenceWords(eligible(all, favour, answers, strong, first)), lead);
  const preferred = prefer ? [...found.filter(prefer), ...found.filter((m) => !prefer(m))] : found;
  const [top, ...rest] = preferred;
  if (!top) return [];
  // The best release's own sentences keep their place; another release's that match less of the question than the
  // best sentence come after those that match as much.
  const weaker = (m: PassageMatch) => m.passage.releaseId !== top.passage.releaseId && m.coverage < top.coverage;
  const ranked = [top, ...rest.filter((m) => !weaker(m)), ...rest.filter(weaker)];
  const picked: PassageMatch[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const m of ranked) {
    if (picked.length >= EXTRACT_PASSAGES) break;
    if (m !== top && !isCloseSecond(m, top, weights)) continue;
    if (m !== top && favour?.has(top.passage.releaseId) && !favour.has(m.passage.releaseId)) continue;
    const key = fold(m.passage.text).replace(/[^\p{L}\p{N}]+/gu, "");
    if (seen.has(key)) continue;
    if (picked.filter((p) => p.passage.releaseId === m.passage.releaseId).length >= EXTRACT_PER_RELEASE) continue;
    if (m !== top && chars + m.passage.text.length > EXTRACT_CHARS) continue;
    picked.push(m);
    seen.add(key);
    chars += m.passage.text.length;
  }
  return picked;
}

/** The lead release's passages first, the others in their order. */
function leadFirst(found: PassageMatch[], lead: string | undefined): PassageMatch[] {
  if (!lead) return found;
  return [...found.filter((m) => m.passage.releaseId === lead), ...found.filter((m) => m.passage.releaseId !== lead)];
}

/**
 * Among the sentences of one release that carry the focus, the one that says more of the question's words itself
 * comes first ("who led the exercise?": the sentence that says "led by", not the one that only names the exercise);
 * releases keep their order.
 */
function bySentenceWords(found: PassageMatch[]): PassageMatch[] {
  const order = [...new Set(found.map((m) => m.passage.releaseId))];
  return order.flatMap((id) =>
    found.filter((m) => m.passage.releaseId === id).sort((a, b) => b.matched - a.matched || b.score - a.score),
  );
}

/**
 * The passages a model answers from: only retrieved ones, and only when one of them is relevant; those that carry
 * the question's focus come first, then the others that match the question at all, for context.
 */
export function pickForModel(
  ranked: PassageMatch[],
  favour?: ReadonlySet<string>,
  answers: (m: PassageMatch) => boolean = () => true,
  strong?: ReadonlySet<string>,
  /**
   * The best release's sentences, matched or not (`Retrieval.unmatched`), when the question asks for something:
   * "who leads the agency?" is answered by "Its General Manager, Jane Doe, said…", which matches few of its words.
   */
  fromBest: readonly PassageMatch[] = [],
  /** As for `pickForExtract`: the lead release's focus-carrying passages first. */
  lead?: string,
  /** As for `pickForExtract`: the first release's sentences may answer with two of the question's words. */
  first?: string,
): PassageMatch[] {
  const best = leadFirst(eligible(ranked, favour, answers, strong, first), lead);
  // The model reads what it is given and may decline: a relevant passage without the focus still goes to it
  // (the focus rule decides the offline answer, where nothing else reads the passages).
  if (best.length === 0 && !ranked.some(isRelevant)) return [];
  // Those of the best release's sentences that carry what is asked: after the focus-carrying matches, before the
  // context, so the limit does not cut them.
  const ids = new Set(best.map((m) => m.passage.id));
  const carrying = perRelease(
    fromBest.filter((m) => !ids.has(m.passage.id) && answers(m)),
    FROM_BEST_PASSAGES,
  );
  for (const m of carrying) ids.add(m.passage.id);
  const rest = ranked.filter((m) => m.coverage > 0 && !ids.has(m.passage.id));
  return [...best, ...carrying, ...rest].slice(0, MODEL_PASSAGES);
}

/**
 * Relevant passages that carry the focus, best first. A follow-up ("and how much were the contracts worth?") may
 * use a word its release does not: in a release the conversation is about, half its words and the focus suffice.
 * So may the sentence that answers a question about a release the question names as a whole ("how many take part
 * in Locked Shields 2017?" → « Cet exercice rassemble environ 800 participants »): in a `strong` release, one word
 * and the focus. And in the release that ranks first among those coverage kept (`firstRelease`), two of its words
 * and the focus: « combien de personnes travaillent au quartier général de Szczecin ? » → "The headquarters employs
 * some 400 military and civilian staff", which says "headquarters" and "Szczecin" (its title) but not the rest.
 */
function eligible(
  ranked: PassageMatch[],
  favour: ReadonlySet<string> | undefined,
  answers: (m: PassageMatch) => boolean,
  strong?: ReadonlySet<string>,
  first?: string,
): PassageMatch[] {
  const after = first ? afterRelevant(ranked, first) : new Set<string>();
  const about = (m: PassageMatch) =>
    (favour?.has(m.passage.releaseId) === true && m.coverage >= MIN_COVERAGE && m.matched >= 1) ||
    (strong?.has(m.passage.releaseId) === true && m.matched >= 1) ||
    (m.passage.releaseId === first && m.matched >= FIRST_RELEASE_WORDS) ||
    (m.matched >= 1 && after.has(m.passage.id) && continuesBefore(m.passage));
  return ranked.filter((m) => (isRelevant(m) || about(m)) && answers(m));
}

/**
 * The ids of the sentences right after a relevant one of the first release: a release goes on about what a sentence
 * said ("…a high mountain survival course in Chamonix." → « Les stagiaires y apprennent… par moins 30 degrés »), so
 * the next sentence, when it continues the same subject (continuation.ts), answers with one word and the focus.
 * Only the next one, of a release's text or its stored translation: a brief is not in the release's order.
 */
function afterRelevant(ranked: readonly PassageMatch[], first: string): Set<string> {
  const out = new Set<string>();
  for (const m of ranked) {
    if (m.passage.releaseId !== first || !isRelevant(m)) continue;
    const next = neighbourId(m.passage, 1);
    if (next) out.add(next);
  }
  return out;
}

/**
 * The release whose sentences may answer with two of the question's words and what it asks for (`eligible`): the
 * one that ranks first after coverage (coverage.ts) kept only releases that speak of the question's specific words,
 * when the question asks for a kind of answer (a figure, a date, a duration, a person, a place) that the sentence
 * must carry. A long question repeats few of its words in the sentence that answers it ("how many times did the
 * jets scramble over the Baltic states in 2025?" → "In 2025 the jets were scrambled more than 300 times"); two of
 * them, the focus and the best release together are the evidence. A question that asks for no kind (a yes/no one,
 * a "which N") has no focus to test: only when coverage kept a single release, one that matches three quarters of
 * the question ("did the MMF planes help evacuate Kabul?" → « …pour évacuer des civils de Kaboul en 2021 »): the
 * question is about it, whereas several releases that each match part of it leave two words too weak a test
 * (the homograph "which space agency plans a mission to the planet Mars?" meets « le 19 mars… l'Agence »).
 */
export function firstRelease(matches: readonly ReleaseMatch[], asksKind: boolean): string | undefined {
  const [top, ...others] = matches;
  if (asksKind) return top?.releaseId;
  return top && others.length === 0 && top.coverage >= ONLY_RELEASE_COVERAGE ? top.releaseId : undefined;
}

function isCloseSecond(m: PassageMatch, top: PassageMatch, weights?: ReadonlyMap<string, number>): boolean {
  if (top.matchedName && !m.matchedName) return false;
  const weight = weights?.get(m.passage.releaseId) ?? 1;
  return (m.score >= top.score * 0.5 && weight >= 0.5) || (weight >= SAYS_MORE_WEIGHT && saysMore(m, top));
}

/**
 * Whether a sentence says more of the question than the best one (its score aside: a long release outscores a
 * short one that answers): more of its words, or, in another release, all of them. One release's other sentences
 * that match the whole question as the best one does are not quoted for that alone (they repeat its subject).
 */
function saysMore(m: PassageMatch, top: PassageMatch): boolean {
  return m.coverage > top.coverage || (m.coverage === 1 && m.passage.releaseId !== top.passage.releaseId);
}

/**
 * Releases whose sentences may answer with one word of the question and what it asks for (`eligible`), when it
 * asks for something (`asks`): those the question matches as a whole and nearly as well as the best; the release
 * the conversation is about when it ranks first again ("how long does each course last?" after a question about
 * the courses is about its courses, whatever words it uses); and, for a `distinctive` focus, the best release when
 * it matches more of the question than any other ("who spoke at the sixtieth anniversary?": the anniversary's
 * release, where the speaker's sentence repeats one word of the question).
 */
export function strongReleases(
  matches: readonly ReleaseMatch[],
  weights: ReadonlyMap<string, number>,
  favour: ReadonlySet<string> | undefined,
  asks: boolean,
  /**
   * Whether what is asked is rare enough in a release to trust the leading release with it (a person, a place, a
   * date, a figure in degrees or metres; focus-distinctive.ts): a count or a sum is in nearly every sentence, so
   * "how many tanks of fuel…" keeps the stricter rule.
   */
  distinctive = false,
): Set<string> {
  if (!asks) return new Set();
  const [top, ...others] = matches;
  // The best release that also matches more of the question than any other, and at least half of it.
  const leads =
    distinctive && top && top.coverage >= MIN_COVERAGE && others.every((m) => m.coverage < top.coverage)
      ? top.releaseId
      : undefined;
  return new Set(
    matches
      .filter((m) => {
        const weight = weights.get(m.releaseId) ?? 0;
        return (
          (m.coverage >= STRONG_COVERAGE && weight >= 0.5) ||
          (weight === 1 && favour?.has(m.releaseId) === true) ||
          m.releaseId === leads
        );
      })
      .map((m) => m.releaseId),
  );
}
