import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import { digitRuns } from "../text/quantities.js";
import { unicodeBoundaries } from "../text/regexp.js";
import { findNumberWords } from "../trust/number-words.js";
import { withoutModelNumbers } from "./model-numbers.js";

/**
 * What the figure a question asks for measures, and whether a sentence gives a figure of that kind. "How much does
 * the contract cost?" is not answered by "with 500 missiles", nor "how cold will it get?" by "8,500 troops": any
 * figure is not the figure asked for.
 *
 * - money: a figure question that speaks of cost, worth, value, budget, price, spending, funding or investment
 *   (« coûte, vaut, valeur, montant, budget, enveloppe, prix, financement », « pour combien »), or that counts
 *   money (« combien d'argent », "how much funding"): the figure has a currency (a sign, a code or a word) beside it;
 * - temperature: "how cold / hot", « quelle température », "how many degrees": degrees beside the figure;
 * - distance: "how far / deep / high", « à quelle distance / profondeur / altitude », « quelle longueur », "how many
 *   kilometres": kilometres, miles, metres or feet beside it;
 * - weight: "how heavy", « quel poids », « combien pèse »: tonnes or kilos beside it ("how many tonnes of fuel" is a
 *   count of tonnes of fuel, below);
 * - speed: "how fast", "at what speed", « à quelle vitesse »: km/h, knots, mph, Mach beside it;
 * - times: "how many times / how often", « combien de fois / à quelle fréquence »: "N times" / « N fois » /
 *   « à N reprises », "twice", or a frequency ("every year", « par an », "monthly");
 * - a count of N ("how many N", "how much N", « combien de N »): the figure counts N, so N (or another spelling of it) is within
 *   a few words of the figure (five before, eight after), not anywhere in the sentence.
 * A plain "how much / combien" question without such words asks for any figure.
 */
export type Measure = "money" | "temperature" | "distance" | "weight" | "speed" | "times";

/** What a figure question asks about: its measure, the thing it counts, the figures it gives itself. */
export interface FigureAsked {
  measure?: Measure | undefined;
  /** "how many nuclear weapons" → ["nuclear", "weapons"]: the words that say what is counted. */
  counted?: string[] | undefined;
  given: { digits: Set<string> };
}

/** Questions that ask for a measured figure by their own words: they are figure questions even without "how many". */
const MEASURE_QUESTIONS: [Measure, RegExp][] = (
  [
    [
      "temperature",
      /\bhow (?:cold|hot|warm)\b|\bwhat (?:temperatures?|is the temperature)\b|\bhow many degrees\b|\bquelles? (?:est la |sont les |seront les |sera la )?temperatures?\b|\ba quelles? temperatures?\b|\bcombien de degres\b/u,
    ],
    [
      "distance",
      /\bhow far\b|\bwhat distance\b|\bat what distance\b|\bhow many (?:kilomet|km\b|miles\b)|\ba quelle distance\b|\bquelle (?:est la )?(?:distance|longueur)\b|\blong de combien\b|\bcombien de (?:kilomet|km\b|milles\b)|\bhow (?:deep|high|tall)\b|\b(?:at )?what (?:depth|height|altitude)\b|\ba quelles? (?:profondeurs?|hauteurs?|altitudes?)\b|\bquelle (?:est la |etait la )?(?:profondeur|hauteur|altitude)\b/u,
    ],
    [
      "weight",
      /\bhow heavy\b|\bwhat (?:is the )?weight\b|\bquel (?:est le )?poids\b|\bcombien (?:pese|pesent|pesait|pesaient)\b/u,
    ],
    [
      "speed",
      /\bhow fast\b|\bhow quickly can\b|\b(?:at )?what (?:top |maximum )?speed\b|\ba quelle vitesse\b|\bquelle (?:est la )?vitesse\b/u,
    ],
    ["times", /\bhow (?:many times|often|frequently)\b|\bcombien de fois\b|\ba quelle frequence\b/u],
  ] as [Measure, RegExp][]
).map(([m, re]) => [m, unicodeBoundaries(re)]);

/**
 * Money words of a figure question, both languages, accents folded (« coute » typed for « coûte »). "Fund" and
 * « financement » are money only in a figure question that is not a count ("how many projects does the fund
 * support?" counts projects): the caller asks only then.
 */
const MONEY_QUESTION = unicodeBoundaries(
  /\b(?:cost\p{L}*|worth|valu\p{L}*|budget\p{L}*|pric\p{L}*|spen[dt]\p{L}*|fund|funds|funded|funding|invest\p{L}*|pay|paid|paying|dollars|euros|money)\b|\b(?:for|pour) (?:how much|combien)\b|\b(?:coute\p{L}*|cout|couts|vaut|valent|vaudra|vaudront|valait|valeur\p{L}*|montant|enveloppe|prix|financ\p{L}*|fonds|depens\p{L}*|payer|paye\p{L}*|paie\p{L}*|argent)\b/u,
);

const HOW_MUCH = unicodeBoundaries(/\bhow much\b/u);
/** What is counted when a sum of money is asked: « combien d'argent », "how much funding". */
const MONEY_NOUN = /^(?:money|cash|funding|funds|argent|financement|financements|fonds)$/u;

/** The measure a question asks for (`question` lower case), whatever its language; undefined for any figure. */
export function measureAsked(question: string, counted?: readonly string[]): Measure | undefined {
  const text = fold(question);
  for (const [measure, re] of MEASURE_QUESTIONS) if (re.test(text)) return measure;
  // "how many euros": the count of a currency is a sum of money; a count of anything else is a count. "How much
  // money / funding…" is money; "how much fuel" is a quantity of fuel, counted like a count.
  if (counted && counted.length > 0) {
    // « combien d'argent », "how much funding": the count of money is a sum of money.
    if (counted.some((w) => UNITS.money.test(fold(w))) || MONEY_NOUN.test(fold(counted[0] ?? ""))) return "money";
    return HOW_MUCH.test(text) && MONEY_QUESTION.test(text) ? "money" : undefined;
  }
  return MONEY_QUESTION.test(text) ? "money" : undefined;
}

/** Whether the question asks for a measured figure by its own words ("how cold", « à quelle distance »). */
export function asksForMeasure(question: string): boolean {
  const text = fold(question);
  return MEASURE_QUESTIONS.some(([, re]) => re.test(text));
}

// What follows "how many" / « combien de »: "how many nuclear weapons" counts weapons (adjectives skipped later).
const COUNTED: RegExp[] = [
  /\bhow (?:many|much) ((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u,
  /\bcombien (?:de |d')((?:[\p{L}-]+\s*){1,3})/u,
].map(unicodeBoundaries);
const NOT_COUNTED = new Set(
  "additional more new other different people times exactly roughly approximately nouveaux nouvelles autres".split(" "),
);
const VERB_LIKE =
  /^(?:are|is|were|was|did|do|does|have|has|will|would|can|could|should|must|took|take|ont|a|sont|est|participent|participé|ont-ils|ont-elles)$/u;

/**
 * Words that end what is counted: a preposition, an article or an adverb of place starts what follows the noun
 * ("how many instructors teach there", « combien de pain embarqué sur l'Anteo »), not a word of it; "of" / « de »
 * between two nouns stays ("tanks of fuel", `countedWords`).
 */
const ENDS_COUNTED =
  /^(?:there|here|by|with|from|for|in|on|at|to|into|over|under|across|during|since|the|a|an|this|that|these|those|sur|dans|par|avec|pour|chez|en|au|aux|du|des|le|la|les|l|y|depuis|pendant|vers|entre|ce|cet|cette|ces)$/u;
/** "How many of those / them", « combien d'entre eux »: what is counted is what was said before, not a word here. */
const POINTS_BACK = /^(?:those|these|them|they|it|ones|entre|eux|elles|ceux|celles|en)$/u;
const OF = /^(?:of|de|d')$/u;

/** The words a "how many N" / « combien de N » question counts (`lowerQuestion` lower case); undefined for others. */
export function countedNoun(lowerQuestion: string): string[] | undefined {
  for (const re of COUNTED) {
    let words = re.exec(lowerQuestion)?.[1]?.split(/\s+/u).filter(Boolean) ?? [];
    // "how many of the troops": what is counted follows "of"; "how many of those": it was said before.
    if (POINTS_BACK.test(words[0] ?? "")) return undefined;
    if (OF.test(words[0] ?? "")) {
      if (POINTS_BACK.test(words[1] ?? "")) return undefined;
      words = words.slice(1).filter((w, i) => i > 0 || !ENDS_COUNTED.test(w));
    }
    // Up to three words before a verb-like word or one that starts what follows: the noun and its adjectives.
    const stop = words.findIndex((w, i) => VERB_LIKE.test(w) || (i > 0 && ENDS_COUNTED.test(w)));
    const head = (stop >= 0 ? words.slice(0, stop) : words).filter((w) => !NOT_COUNTED.has(w));
    if (head.length > 0) return head;
  }
  return undefined;
}

/** Currency signs and ISO codes, folded: written before the figure ("$10 billion", "NOK 2 billion") or after it. */
const CURRENCY_MARKS = "[$€£¥]|usd|eur|gbp|nok|sek|dkk|pln|chf|cad|jpy|uah|isk|huf|czk|ron|bgn|aud";

/**
 * The units that say what a figure measures, as folded words of the text (one token each; "°" and "%" are
 * tokens). Money: a currency's sign, code or name in either language, or a percentage beside what it is a share of
 * ("2% of GDP", "increase their spending by 18%", « 2 % de leur PIB »): how much is spent is often said as a share
 * or a growth, but "25 per cent of military personnel" is no sum of money.
 */
const UNITS: Record<Measure, RegExp> = {
  money: new RegExp(
    `^(?:${CURRENCY_MARKS}|%|percent|pourcent|dollars?|euros?|pounds?|sterling|kron(?:e|er|or|a|ur)|couronnes?|zlotys?|francs?|yens?|yuans?|roubles?|rubles?|hryvnias?|hryvnas?|lei|forints?|korun[ay]?|lira)$`,
    "u",
  ),
  temperature: /^(?:°|degrees?|degres?|celsius|fahrenheit)$/u,
  distance:
    /^(?:km|kilomet(?:re|res|er|ers)|miles?|milles?|met(?:re|res|er|ers)|nautical|nautiques?|feet|foot|ft|pieds)$/u,
  weight: /^(?:t|tonnes?|tons?|kg|kilos?|kilogram(?:me)?s?)$/u,
  // A speed's own unit; "km/h" and "kilometres per hour" are two or three tokens (SPEED_AFTER): "1,800 kilometres"
  // alone is a distance.
  speed: /^(?:kmh|mph|knots?|noeuds?|nœuds?|mach)$/u,
  times: /^(?:times|fois|reprises|occasions)$/u,
};
/** How many words after a figure its unit may be: "1,3 milliard d'euros", "85 billion Norwegian kroner". */
const UNIT_AFTER: Record<Measure, number> = { money: 4, temperature: 2, distance: 3, weight: 2, speed: 2, times: 2 };
/** "900 km/h", "900 kilometres per hour", « 900 kilomètres à l'heure / par heure », "30 miles an hour". */
const SPEED_AFTER = /^(?:km h|(?:kilomet\p{L}*|km|miles?) (?:per|an|par|a l|à l) ?(?:hour|heure))\b/u;
/** A currency written before its figure: "$10 billion", "EUR 5 million", "US$ 3". */
const MONEY_BEFORE = new RegExp(`^(?:${CURRENCY_MARKS})$`, "u");
/** "per cent", « pour cent »: a percentage in two words. */
const PER = /^(?:per|pour)$/u;
/** Words that stand for a figure: "dozens of ships", « une trentaine de militaires », "millions of euros". */
const FIGURE_WORDS =
  /^(?:dozens?|scores|hundreds|thousands|millions|billions|milliards?|million|billion|trillion|dizaines?|douzaines?|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaines?|milliers?)$/u;
/** Frequencies that answer "how often" without a figure: "twice", "annually", « chaque année ». */
const FREQUENCY_WORDS =
  /^(?:twice|thrice|annually|yearly|monthly|weekly|daily|annuel|annuelle|annuels|annuelles|annuellement|mensuel|mensuelle|mensuellement|hebdomadaire|quotidien|quotidienne|quotidiennement)$/u;
const EVERY = /^(?:every|each|per|chaque|tous|toutes|par)$/u;
const PERIOD = /^(?:years?|months?|weeks?|days?|an|ans|annee|annees|mois|semaines?|jours?)$/u;
/**
 * How many words before and after a figure what it counts may be: "troops rose to 5,000", "10,000 Allied troops",
 * "Four Royal Netherlands Air Force fighter jets" (a name between the figure and the noun).
 */
const COUNT_BEFORE = 5;
const COUNT_AFTER = 8;

const TOKEN = /[$€£¥°%]|[\p{L}\p{N}]+/gu;

/**
 * Whether the text gives a figure of the kind asked: measured, counting what is counted, or any new figure.
 * Figures spelled out are read in each of `langs` (a release's text holds both languages with its translation).
 */
export function carriesFigure(
  asked: FigureAsked,
  text: string,
  langs: Lang | readonly Lang[],
  alternatives: (word: string) => readonly string[] = () => [],
): boolean {
  // "Leopard 2 tanks", "F-16s": the digits of a name count nothing (model-numbers.ts).
  text = withoutModelNumbers(text);
  const numberWords = (typeof langs === "string" ? [langs] : langs).flatMap((lang) => findNumberWords(text, lang));
  const { measure, counted } = asked;
  // Any figure: a count or an amount (a year is when, not how many).
  if (!measure && !counted) return [...digitRuns(text)].some((d) => isNew(d, asked, false)) || numberWords.length > 0;
  const tokens = [...fold(text).matchAll(TOKEN)].map((m) => m[0]);
  const spelled = new Set(numberWords.map((w) => fold(w.raw).split(/[\s-]+/u)[0]));
  const isFigure = (t: string, years: boolean) =>
    (t.match(/\d+/gu) ?? []).some((d) => isNew(d, asked, years)) || spelled.has(t) || FIGURE_WORDS.test(t);
  if (measure) return carriesMeasure(tokens, measure, (t) => isFigure(t, true));
  const { every, some } = countedWords(counted ?? []);
  // Where each counted word (or another spelling of it) starts, found once; then looked for around each figure.
  const starts = (w: string) => wordStarts(tokens, [w, ...alternatives(w)]);
  const [all, any] = [every.map(starts), some.map(starts)];
  const near = (at: readonly number[], i: number) => at.some((j) => j >= i - COUNT_BEFORE && j <= i + COUNT_AFTER);
  // A figure with a unit after it measures that unit: "two years", « à deux reprises », "250 kilometres" count no
  // pilots, drones or radars, unless the unit is what is counted ("how many tonnes of fuel") or of it ("111 tonnes
  // of fuel", « 300 kilos de pain »), or, for a number of times, the counted event is said right before it ("how
  // many scrambles" → "the jets scrambled 37 times").
  const at = (j: number) => [...all, ...any].some((starts) => starts.includes(j));
  const counts = (i: number) => {
    if (isDayOfDate(tokens, i)) return false;
    const unit = tokens[i + 1] ?? "";
    if (!isUnit(unit) || at(i + 1) || (LINK.test(tokens[i + 2] ?? "") && at(i + 3))) return true;
    return UNITS.times.test(unit) && (at(i - 1) || at(i - 2));
  };
  return tokens.some(
    (t, i) =>
      isFigure(t, false) &&
      counts(i) &&
      all.every((at) => near(at, i)) &&
      (any.length === 0 || any.some((at) => near(at, i))),
  );
}

/** Month names as folded tokens, both languages, with the English abbreviations nato.int writes ("19 Sep. 2025"). */
const MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)$/u;

/**
 * Whether the figure at `i` is the day of a date: "on 12 June 2025", « le 1er juin », "June 12, 2025". A day counts
 * nothing: "how many soldiers…" is not answered by "…on military mobility in Brussels on 12 June 2025", whose
 * "military" is beside the day.
 */
function isDayOfDate(tokens: readonly string[], i: number): boolean {
  const day = /^(\d{1,2})(?:er|st|nd|rd|th)?$/u.exec(tokens[i] ?? "")?.[1];
  if (!day || Number(day) < 1 || Number(day) > 31) return false;
  if (MONTH.test(tokens[i + 1] ?? "")) return true;
  return MONTH.test(tokens[i - 1] ?? "") && /^(?:19|20)\d\d$/u.test(tokens[i + 1] ?? "");
}

/** Units of time shorter than a day; with `PERIOD` and `UNITS`, what a figure right before them measures. */
const CLOCK_UNIT = /^(?:hours?|minutes?|heures?)$/u;

function isUnit(token: string): boolean {
  return PERIOD.test(token) || CLOCK_UNIT.test(token) || Object.values(UNITS).some((re) => re.test(token));
}

const LINK = /^(?:of|de)$/u;
const FUNCTION_WORD = /^(?:of|the|a|an|in|on|at|for|to|de|d|du|des|la|le|les|l|en|au|aux|pour)$/u;

/**
 * What must be beside the figure: "how many tanks of fuel" counts tanks of fuel, so both nouns (a bare noun after
 * "of" / « de » says what the counted unit is of: "pieces of ordnance", « tonnes de carburant »; with an article it
 * names a whole, "of the battlegroup", and is left out); otherwise one of the noun and its adjectives.
 */
function countedWords(counted: readonly string[]): { every: string[]; some: string[] } {
  const [noun, link, of] = counted;
  if (noun && link && of && LINK.test(link) && !FUNCTION_WORD.test(of)) return { every: [noun, of], some: [] };
  return { every: [], some: counted.filter((w) => !FUNCTION_WORD.test(w)) };
}

function carriesMeasure(tokens: string[], measure: Measure, isFigure: (t: string) => boolean): boolean {
  const unit = UNITS[measure];
  for (const [i, t] of tokens.entries()) {
    if (measure === "times" && (FREQUENCY_WORDS.test(t) || (EVERY.test(t) && PERIOD.test(tokens[i + 1] ?? ""))))
      return true;
    if (!isFigure(t)) continue;
    const after = ownWords(tokens.slice(i + 1, i + 1 + UNIT_AFTER[measure]), isFigure);
    if (measure === "money" && isPercentage(tokens, i)) {
      // A percentage is money only beside what it is a share of: "2% of GDP", "spending by 18%", « de leur PIB ».
      if (moneyBeside(tokens, i)) return true;
      continue;
    }
    if (after.some((u) => unit.test(u))) return true;
    if (measure === "speed" && SPEED_AFTER.test(tokens.slice(i + 1, i + 5).join(" "))) return true;
    if (measure === "money" && MONEY_BEFORE.test(tokens[i - 1] ?? "")) return true;
    // « tous les 3 mois », "every 2 years": a frequency with a figure.
    if (measure === "times" && EVERY.test(tokens[i - 1] ?? "") && PERIOD.test(tokens[i + 1] ?? "")) return true;
  }
  return false;
}

/**
 * The words after a figure that may be its unit: the rest of the figure ("1,1 milliard d'euros"), then up to the
 * next figure, whose unit that is ("by 2030, against 14 %": the per cent is not 2030's).
 */
function ownWords(after: string[], isFigure: (t: string) => boolean): string[] {
  let k = 0;
  while (k < after.length && isFigure(after[k] ?? "")) k++;
  const next = after.slice(k).findIndex((t) => isFigure(t));
  return next < 0 ? after : after.slice(0, k + next);
}

const PERCENT = /^(?:%|percent|pourcent)$/u;
/** Words that say a percentage is a sum of money's share or growth: GDP, spending, budget, cost, « PIB, dépenses ». */
const MONEY_CONTEXT =
  /^(?:gdp|pib|gross|domestic|budgets?|budgetary|spend|spends|spending|spent|expenditures?|costs?|costing|funding|funds?|investments?|invest|invests|investing|prices?|depens\p{L}*|budgetaire\p{L}*|couts?|financement\p{L}*|investissements?|prix)$/u;
/** How many words on either side of a percentage what it is a share of may be. */
const MONEY_CONTEXT_WORDS = 6;

/** Whether the figure at `i` is a percentage: "18%", "2 per cent", « 2 pour cent », « 2 % ». */
function isPercentage(tokens: readonly string[], i: number): boolean {
  const next = tokens[i + 1] ?? "";
  return PERCENT.test(next) || (PER.test(next) && tokens[i + 2] === "cent");
}

function moneyBeside(tokens: readonly string[], i: number): boolean {
  const around = [
    ...tokens.slice(Math.max(0, i - MONEY_CONTEXT_WORDS), i),
    ...tokens.slice(i + 1, i + 1 + MONEY_CONTEXT_WORDS),
  ];
  return around.some((w) => MONEY_CONTEXT.test(w));
}

/** Digits the question does not give (a year only when `years`: a year is when, not how many). */
function isNew(digits: string, asked: FigureAsked, years: boolean): boolean {
  return !asked.given.digits.has(digits) && (years || !isYear(digits));
}

export function isYear(digits: string): boolean {
  return /^(?:19|20)\d\d$/u.test(digits);
}

/**
 * The token positions where one of the forms starts, inflections aside: a long word by its first letters (all but
 * its last three, four at least), a short one whole or as the start of a longer word, a phrase word by word with its
 * last word as a start ("fighter jet" in "fighter jets").
 */
function wordStarts(tokens: readonly string[], forms: readonly string[]): number[] {
  const phrases = forms.flatMap((form) => {
    const words = fold(form)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const [only] = words;
    if (words.length === 1 && only && only.length > 4) return [[only.slice(0, Math.max(4, only.length - 3))]];
    return words.length > 0 ? [words] : [];
  });
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const at = (words: string[]) =>
      words.every((w, k) => (k === words.length - 1 ? tokens[i + k]?.startsWith(w) : tokens[i + k] === w));
    if (phrases.some(at)) out.push(i);
  }
  return out;
}
