import type { Lang } from "../domain/language.js";
import { mentionsDay } from "../text/dates.js";
import { fold, unaccent } from "../text/fold.js";
import { NOT_NAMES } from "../text/names.js";
import { digitRuns } from "../text/quantities.js";
import { escapeRegExp, regExpsOnUse, unicodeBoundaries as unicode } from "../text/regexp.js";
import { asksForMeasure, carriesFigure, countedNoun, isYear, type Measure, measureAsked } from "./figure-kind.js";
import { withoutComparatives } from "./focus-comparative.js";
import { asksHowQuickly, carriesDuration, carriesMinutes } from "./focus-duration.js";
import { asksAboutNext, nextNoun, passageSpeaksOfFuture } from "./focus-future.js";
import { asksToMeet, speaksOfMeeting } from "./focus-meeting.js";
import { UBIQUITOUS } from "./focus-names.js";
import { type AgentKind, askedAgent, asksIdentity, namesAgent, personNames } from "./focus-person.js";
import { placeNames } from "./focus-place.js";
import { answersSuccession, askedSuccession, type Succession } from "./focus-succession.js";
import type { Passage } from "./qa-types.js";

/**
 * What counts as an answer, whatever the search index ranked first: the chosen sentence must carry what the
 * question asks for. This rule lives in the core, so every index and every answer engine obeys it.
 *
 * - figure: "how many / how much / what percentage", « combien / quel montant »: a figure not already in the question,
 *   of the measure asked for when the question says one (money, degrees, distance, times; figure-kind.ts), beside
 *   the thing counted for "how many N";
 * - date: "when / what year", « quand / en quelle année »: a date or a year not already in the question;
 * - duration: "how long", « combien de temps / pendant combien »: a figure with a unit of time, or an end date; for
 *   "how long is the pipeline?" a length too, for "how fast must they take off?" a speed or minutes;
 * - person: "who", « qui »: a person's name (two capitalised words, or a title and a name) other than those asked about;
 *   for "who leads / chairs / organises / hosts", « qui dirige / préside / organise / accueille », a body named as
 *   the agent of such a verb too ("led by the Allied Maritime Command"; focus-person.ts); for "who did X replace"
 *   / "who replaced X", a sentence of succession that gives X the role asked about (focus-succession.ts);
 * - place: "where", « où »: a name of a place other than those asked about;
 * - anything else: no extra demand.
 * And for a question about people seeing each other in person (« vont-ils se voir en personne ? »), a sentence that
 * speaks of a meeting, not of their phone call (focus-meeting.ts).
 * And always: one of the question's names at least must be in the sentence (or its release's title) as a name, in
 * the passage's own language and case: « mars » the month is not "Mars" the planet.
 */
export type FocusKind = "figure" | "date" | "duration" | "person" | "place" | "any";

export interface QuestionFocus {
  kind: FocusKind;
  /**
   * For "how many N" / « combien de N »: the words that say what is counted ("nuclear weapons"); the sentence must
   * have one of them (or another spelling of one).
   */
  counted?: string[] | undefined;
  /** What the figure measures when the question says ("how much does it cost?": money; figure-kind.ts). */
  measure?: Measure | undefined;
  /** Proper names and acronyms of the question, as written ("Finland", "NSPA", "Mars"). */
  names: string[];
  /** Figures and names the question itself gives: they do not answer it. */
  given: { digits: Set<string>; words: Set<string> };
  /** "the next summit", « le prochain sommet »: only a sentence about what is to come answers (focus-future.ts). */
  next?: boolean | undefined;
  /** The word after "next" ("summit"): the release that answers speaks of it somewhere (`releaseCovers`). */
  nextOf?: string | undefined;
  /** "Who led / runs / chairs / hosts…": the kind of verb whose agent, a person or a body, answers (focus-person.ts). */
  agent?: AgentKind | undefined;
  /** "Who did Bauer replace?" / "who replaced Bauer?": which way the succession is asked (focus-succession.ts). */
  succession?: Succession | undefined;
  /** "Will they see each other in person?": a sentence about a meeting answers (focus-meeting.ts). */
  meets?: boolean | undefined;
  /** "How quickly…", « en combien de temps… »: a duration in minutes answers too (focus-duration.ts). */
  quick?: boolean | undefined;
}

/**
 * `bare`: the French words typed without their accents (« ou sera… », « combien coute », « quelle duree »), tested
 * on the question with its accents folded; by default the French pattern with its own accents folded. Only for a
 * word whose accent tells it from another word is it written out: « ou » is "or" as often as « où » is "where".
 */
type KindRule = { kind: FocusKind; en: RegExp; fr: RegExp; bare?: RegExp };
const KINDS: Required<KindRule>[] = (
  [
    {
      kind: "duration",
      // "How many days did the visit last?", « combien de jours a duré… »: the unit says a duration is asked.
      en: /\bhow long\b|\bhow (?:quickly|soon|fast)\b|\bhow many (?:years|months|weeks|days|hours|minutes)\b|\buntil when\b/u,
      // « combien d'années », « combien d'heures »: the unit elided after « de » asks a duration too.
      fr: /\b[aà] quelle vitesse\b|\bavec quelle rapidit[eé]\b|\bcombien de (?:temps|jours|semaines|mois|ans|années|annees|heures|minutes)\b|\bcombien d'(?:années|annees|heures)\b|\b(?:dans|en) quel délai\b|\bpendant combien\b|\bjusqu[’']?(?:à|a) quand\b|\bdurée\b/u,
    },
    {
      kind: "figure",
      en: /\bhow (?:many|much)\b|\bwhat (?:percentage|percent|share|amount|number|sum|proportion|figure)\b|\bhow large\b|\bhow big\b|\b(?:price|cost|budget|value) of\b|\bwhat (?:is|was|are|were) the (?:price|cost|budget|value|size|total)\b/u,
      fr: /\bcombien\b|\bquel(?:le)?s? (?:pourcentage|montant|nombre|somme|part|proportion|chiffre|prix|coût|budget)\b|\b(?:prix|coût|budget|valeur|montant) (?:de|du|des|d')/u,
    },
    {
      kind: "date",
      en: /\bwhen\b|\bwhat (?:date|year|day|month)\b|\bwhich (?:date|year|day|month)\b|\bsince when\b/u,
      fr: /\bquand\b|\bquel(?:le)? (?:date|jour|année|mois)\b|\ben quelle année\b|\bdepuis quand\b|\bà quelle date\b/u,
    },
    {
      kind: "person",
      en: /^(?:and\s+|so\s+)?(?:(?:to|by|with|for|from)\s+)?(?:who|whom|whose)\b|\bwho (?:is|was|will|has|had|did|leads|heads|chairs|succeeded|replaced)\b/u,
      fr: /^(?:et\s+)?(?:(?:à|a|par|de|avec|pour)\s+)?qui\b/u,
    },
    {
      kind: "place",
      en: /\bwhere\b|\bin (?:which|what) (?:country|countries|city|town|region|place)\b/u,
      fr: /\boù\b|\bdans quel(?:le)?s? (?:pays|ville|région|lieu)\b|\bà quel endroit\b/u,
      // « ou » unaccented asks where when it opens or closes the question (« ou se trouve… », « ce sera ou ? »). Not
      // « d'ou », an origin, which the place rule reads poorly ("from 80 countries" names no place): as before.
      bare: /^(?:et\s+)?ou\b|\bou(?:\s+ca)?\s*\?*$|\bdans quel(?:le)?s? (?:pays|ville|region|lieu)\b|\ba quel endroit\b/u,
    },
  ] as KindRule[]
).map(
  // Built when first tested: the search stops at the first kind that matches, and most questions ask for none.
  (k): Required<KindRule> =>
    Object.assign(
      regExpsOnUse({
        en: () => unicode(k.en),
        fr: () => unicode(k.fr),
        bare: () => unicode(k.bare ?? new RegExp(unaccent(k.fr.source), k.fr.flags)),
      }),
      { kind: k.kind },
    ),
);

/** The focus of a question; a follow-up without a question word of its own ("and in 2023?") keeps `previous`'s. */
export function questionFocus(question: string, lang: Lang, previous?: QuestionFocus): QuestionFocus {
  const lower = question.toLowerCase().replace(/[’]/gu, "'").trim();
  // "How cold will it get?", « à quelle distance ? »: a measured figure is asked for by its own words.
  const bare = fold(lower);
  const found =
    KINDS.find((k) => k[lang].test(lower) || k[lang === "en" ? "fr" : "en"].test(lower) || k.bare.test(bare))?.kind ??
    (asksForMeasure(lower) ? "figure" : undefined);
  // "Who is Jana Kotorova?" asks what she is, not for another person: the sentence that names her says it.
  const kind = found === "person" && asksIdentity(lower) ? undefined : found;
  const names = questionNames(question);
  const given = {
    digits: digitRuns(question),
    words: new Set(
      question
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map((w) => fold(w.toLowerCase())),
    ),
  };
  const count = kind === "figure" ? withoutComparatives(countedNoun(lower)) : undefined;
  const measure =
    kind === "figure" ? measureAsked(lower, count) : kind === "duration" ? alsoMeasured(lower) : undefined;
  // A measured figure is what it measures: "how many times", "how many kilometres" count no thing.
  const counted = measure ? undefined : count;
  if (!kind && previous) {
    // "and how much?" asks what the last question asked about: its names still count as given, not as needed.
    for (const w of previous.given.words) given.words.add(w);
    for (const d of previous.given.digits) given.digits.add(d);
    return { ...previous, names, given, counted: undefined };
  }
  const next = asksAboutNext(question);
  const agent = kind === "person" ? askedAgent(question) : undefined;
  const succession = kind === "person" ? askedSuccession(question) : undefined;
  const nextOf = next ? nextNoun(question) : undefined;
  return {
    kind: kind ?? "any",
    counted,
    measure,
    names,
    given,
    next,
    nextOf,
    agent,
    succession,
    meets: asksToMeet(question),
    quick: kind === "duration" && asksHowQuickly(lower),
  };
}

/**
 * "How long is the pipeline?" asks a length as well as a duration, "how fast must the pilots take off?" a speed as
 * well as how quickly: a duration question whose words may ask a measure too is answered by that measure as well.
 */
const LENGTH = regExpsOnUse({ asked: () => unicode(/\bhow long (?:is|are|was|were|will (?:it|they) be)\b/u) });

function alsoMeasured(lowerQuestion: string): Measure | undefined {
  if (LENGTH.asked.test(lowerQuestion)) return "distance";
  return measureAsked(lowerQuestion) === "speed" ? "speed" : undefined;
}

/**
 * Single-word names of the question: a capitalised word past its first, or an acronym, not an institutional
 * word. A run of capitalised words ("NATO Innovation Fund", "Nordic Response") is a title-cased name that the
 * other language writes in lower case (« Fonds OTAN pour l'innovation »): retrieval matches its words; only lone
 * names are held to their capital, which is what tells the planet Mars from the month « mars ».
 */
function questionNames(question: string): string[] {
  const words = question.match(/[\p{L}\p{M}]+(?:[’'-][\p{L}\p{M}]+)*/gu) ?? [];
  const capitalised = words.map((w, i) => i > 0 && /^\p{Lu}/u.test(w) && !UBIQUITOUS.has(w));
  const out = new Set<string>();
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/^(?:l|d|qu|s|n)['’]/iu, "").replace(/['’]s$/u, "");
    if (word.length < 2) continue;
    const acronym = /^\p{Lu}{2,}$/u.test(word);
    if (!acronym && !capitalised[i]) continue;
    if (!acronym && (capitalised[i - 1] || capitalised[i + 1])) continue;
    if (NOT_NAMES.en.has(word) || NOT_NAMES.fr.has(word) || UBIQUITOUS.has(word)) continue;
    out.add(word);
  }
  return [...out];
}

/**
 * Whether a name of the question is in the text as a name: the same letters, accents aside, capitalised as written
 * (case-sensitive on purpose: the month « mars » is not the planet Mars). Its last letters may vary
 * ("Finland" / « Finlande », "NATO's").
 */
function hasName(text: string, name: string): boolean {
  const written = unaccent(name);
  const stem = written.length > 5 ? written.slice(0, written.length - 2) : written;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}\\p{L}{0,4}(?![\\p{L}\\p{N}])`, "u").test(unaccent(text));
}

/**
 * Does this passage answer the question's focus? Names are looked for in the passage and its title (a sentence
 * of a release about Finland need not repeat "Finland"); what is asked for (figure, date, person…) must be in the
 * sentence itself. `equivalents` gives a name's spellings in the other language ("Finland" → "Finlande") for
 * passages NATO published in the other language.
 */
export interface FocusLookups {
  /** Other spellings of a question's word (the query's expansion): "troops" → "military", « militaires ». */
  alternatives?: ((word: string) => readonly string[]) | undefined;
  /** A name's spellings in the other language ("Finland" → « Finlande »), for passages in the other language. */
  equivalents?: ((name: string) => readonly string[]) | undefined;
  /**
   * Whether a capitalised word is also a common word ("Locked", "Shields", "Response"): a run of such words is the
   * name of an exercise or a programme, not of a person. Without it every run of capitalised words may be one.
   */
  commonWord?: ((word: string, lang: Lang) => boolean) | undefined;
}

export function carriesFocus(focus: QuestionFocus, passage: Passage, lookups: FocusLookups = {}): boolean {
  const equivalents = lookups.equivalents ?? (() => []);
  const context = `${passage.title}\n${passage.text}`;
  // One of its names at least, as a name: a question naming two things is answered by a sentence about one.
  // Its other spellings too: the glossary's spelled-out form of an acronym ("CoE": "Centre of Excellence").
  const named = focus.names.some((name) =>
    [name, ...equivalents(name), ...alternativesOf(lookups, name)].some((s) => hasName(context, s)),
  );
  if (focus.names.length > 0 && !named) return false;
  if (focus.next && !passageSpeaksOfFuture(passage, focus.nextOf, alternativesOf(lookups, focus.nextOf))) return false;
  if (focus.meets && !speaksOfMeeting(passage)) return false;
  if (focus.succession && !answersSuccession(passage, focus.succession)) return false;
  // "Who led the exercise?": the body it was led by answers as well as a person.
  if (focus.agent && namesAgent(passage, focus.agent, focus.given.words)) return true;
  // "Who designed / funds the course?": who it was made or paid by, not a person the sentence names for something else.
  if (focus.agent === "make" || focus.agent === "fund") return false;
  // A stored translation may garble a person's title or name (« le général de corps d'armée Wiermann A livré »), or
  // word what is counted otherwise (« piliers d'œuvre » for "pillars of work") or mangle its unit: the sentence it
  // translates is read too ("Lieutenant General Wiermann delivered").
  const { original } = passage;
  // A place too: « installé près de Kangerlussuaq » may come out as "installed near of Kangerlussuaq".
  const readsOriginal =
    focus.kind === "person" || focus.kind === "figure" || focus.kind === "duration" || focus.kind === "place";
  if (readsOriginal && original && carriesKind(focus, original.text, original.lang, lookups)) return true;
  return carriesKind(focus, passage.text, passage.lang, lookups);
}

function alternativesOf(lookups: FocusLookups, word: string | undefined): readonly string[] {
  return word ? (lookups.alternatives?.(word) ?? []) : [];
}

export function carriesKind(focus: QuestionFocus, text: string, lang: Lang, lookups: FocusLookups): boolean {
  switch (focus.kind) {
    case "figure":
      return carriesFigure(focus, text, lang, (w) => lookups.alternatives?.(w) ?? []);
    case "date":
      return mentionsDay(text, lang) || [...digitRuns(text)].some((d) => isYear(d) && !focus.given.digits.has(d));
    case "duration": {
      const measured =
        focus.measure !== undefined && carriesFigure({ measure: focus.measure, given: focus.given }, text, lang);
      // "How fast": a speed, or how quickly in minutes ("within 15 minutes"); "in less than ten days" is no speed.
      if (focus.measure === "speed") return measured || carriesMinutes(text, lang);
      return carriesDuration(text, lang, focus.quick === true) || measured;
    }
    case "person":
      return personNames(text, lang, focus.given.words, lookups.commonWord).length > 0;
    case "place":
      return placeNames(text, focus.given.words).length > 0;
    default:
      return true;
  }
}

/**
 * The question without the words that only say what kind of answer it wants, for search: "how long", "what year",
 * « combien de temps », "in which country" ask for a duration, a date or a place, and the sentence that gives it
 * need not repeat "long", "year" or "country". Figures keep theirs ("the cost of", « le montant »): the answer's
 * sentence usually says them.
 */
export function withoutKindWords(question: string, lang: Lang): string {
  const rules = KINDS.filter((k) => k.kind === "duration" || k.kind === "date" || k.kind === "place");
  let text = question.replace(/[’]/gu, "'");
  for (const k of rules)
    for (const re of [k[lang], k[lang === "en" ? "fr" : "en"]])
      text = text.replace(new RegExp(re.source, `${re.flags.replace("g", "")}gi`), " ");
  return text.replace(/\s+/gu, " ").trim();
}
