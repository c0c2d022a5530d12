import type { Lang } from "../domain/language.js";

/**
 * Numbers written in words, cardinal and ordinal, up to 99 and round hundreds ("eleven", "Forty", "trente et un",
 * "quatre-vingt-dix", "seventeen", "tenth", « dixième »): a writer turns 11 into "eleven" and « deux » into 2,
 * and the figure must still be traced (or caught) by value. Larger figures are written in digits in releases.
 */
export interface NumberWord {
  raw: string;
  start: number;
  end: number;
  value: number;
}

const EN_UNITS =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_ORD: Record<string, number> = {
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  hundredth: 100,
};
const FR_UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split(
  " ",
);
const FR_TENS = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"];

/** Spelling → value, both languages: built once. "une" counts; "a"/"an" do not (they are articles). */
const WORDS: Record<Lang, Map<string, number>> = { en: new Map(), fr: new Map() };
EN_UNITS.forEach((w, i) => {
  WORDS.en.set(w, i);
});
for (let t = 2; t < 10; t++) {
  WORDS.en.set(EN_TENS[t] as string, t * 10);
  for (let u = 1; u < 10; u++) WORDS.en.set(`${EN_TENS[t]}-${EN_UNITS[u]}`, t * 10 + u);
}
for (const [w, v] of Object.entries(EN_ORD)) WORDS.en.set(w, v);
for (let h = 1; h < 10; h++) WORDS.en.set(`${EN_UNITS[h]} hundred`, h * 100);
FR_UNITS.forEach((w, i) => {
  WORDS.fr.set(w, i);
});
WORDS.fr.set("une", 1);
for (let u = 7; u <= 9; u++) WORDS.fr.set(`dix-${FR_UNITS[u]}`, 10 + u);
for (let t = 2; t <= 6; t++) {
  const tens = FR_TENS[t] as string;
  WORDS.fr.set(tens, t * 10);
  WORDS.fr.set(`${tens} et un`, t * 10 + 1);
  WORDS.fr.set(`${tens}-et-un`, t * 10 + 1);
  for (let u = 2; u < 10; u++) WORDS.fr.set(`${tens}-${FR_UNITS[u]}`, t * 10 + u);
}
WORDS.fr.set("soixante et onze", 71).set("soixante-et-onze", 71);
for (let u = 2; u <= 9; u++) WORDS.fr.set(`soixante-${FR_UNITS[10 + u] ?? `dix-${FR_UNITS[u]}`}`, 70 + u);
WORDS.fr.set("soixante-dix", 70).set("quatre-vingts", 80).set("quatre-vingt", 80).set("quatre-vingt-dix", 90);
for (let u = 1; u <= 9; u++) WORDS.fr.set(`quatre-vingt-${FR_UNITS[u]}`, 80 + u);
for (let u = 1; u <= 9; u++) WORDS.fr.set(`quatre-vingt-${FR_UNITS[10 + u] ?? `dix-${FR_UNITS[u]}`}`, 90 + u);
WORDS.fr.set("cent", 100);
for (let h = 2; h < 10; h++) WORDS.fr.set(`${FR_UNITS[h]} cents`, h * 100);
// "first" / « premier » are left out: "for the first time", « Premier ministre » are not figures.
const FR_ORD: Record<string, number> = {};
for (const [w, v] of WORDS.fr) {
  if (v < 2 || w.includes(" et ")) continue;
  const stem = w
    .replace(/e$/u, "")
    .replace(/q$/u, "qu")
    .replace(/f$/u, "v")
    .replace(/(vingt|cent)s$/u, "$1");
  FR_ORD[`${stem}ième`] = v;
}
for (const [w, v] of Object.entries(FR_ORD)) WORDS.fr.set(w, v);

const PATTERN: Record<Lang, RegExp> = {
  en: alternation([...WORDS.en.keys()]),
  fr: alternation([...WORDS.fr.keys()]),
};

function alternation(words: string[]): RegExp {
  const escaped = words.sort((a, b) => b.length - a.length).map((w) => w.replace(/[-\s]/gu, "[-\\s]"));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Number words in reading order, longest spelling first ("trente et un" before "un"). */
export function findNumberWords(text: string, lang: Lang): NumberWord[] {
  const out: NumberWord[] = [];
  for (const m of text.matchAll(PATTERN[lang])) {
    const key = m[0].toLowerCase().replace(/\s+/gu, " ");
    const value = WORDS[lang].get(key) ?? WORDS[lang].get(key.replace(/ /gu, "-"));
    if (value === undefined) continue;
    // « un » and « une » are articles far more often than figures; "one" too ("one of NATO's partners").
    if (value === 1 && /^(?:un|une|one)$/iu.test(key)) continue;
    out.push({ raw: m[0], start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
