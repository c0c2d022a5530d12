/**
 * Ordinals written as figures ("60th", « 60e », « 1er ») and as words ("sixtieth", « soixantième »), 1–99, so a
 * question typed with the figure finds a release that spells the word, in either language, and back.
 */

const EN_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const EN_TEENS = [
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_TENTHS = [
  "",
  "",
  "twentieth",
  "thirtieth",
  "fortieth",
  "fiftieth",
  "sixtieth",
  "seventieth",
  "eightieth",
  "ninetieth",
];

const FR_CARDINAL = [
  "",
  "un",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "onze",
  "douze",
  "treize",
  "quatorze",
  "quinze",
  "seize",
];
const FR_TENS = [
  "",
  "dix",
  "vingt",
  "trente",
  "quarante",
  "cinquante",
  "soixante",
  "soixante",
  "quatre-vingt",
  "quatre-vingt",
];

/** The English ordinal word of 1–99 ("sixtieth", "twenty-first"); undefined outside. */
export function englishOrdinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  if (n < 10) return EN_UNITS[n];
  if (n < 20) return EN_TEENS[n - 10];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  return unit === 0 ? EN_TENTHS[tens] : `${EN_TENS[tens]}-${EN_UNITS[unit]}`;
}

/** The French cardinal of 1–99 as written in an ordinal's stem (« soixante et un », « quatre-vingt-dix »). */
function frenchCardinal(n: number): string {
  if (n <= 16) return FR_CARDINAL[n] ?? "";
  if (n < 20) return `dix-${FR_CARDINAL[n - 10]}`;
  const tens = Math.floor(n / 10);
  let unit = n % 10;
  // 70–79 and 90–99 count from soixante / quatre-vingt plus 10–19.
  if (tens === 7 || tens === 9) unit += 10;
  const head = FR_TENS[tens] ?? "";
  if (unit === 0) return tens === 8 ? "quatre-vingts" : head;
  if (unit === 1 && tens !== 8 && tens !== 9) return `${head} et un`;
  if (unit === 11 && tens === 7) return `${head} et onze`;
  return `${head}-${frenchCardinal(unit)}`;
}

/** The French ordinal word of 1–99 (« premier », « soixantième », « vingt et unième »); undefined outside. */
export function frenchOrdinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  if (n === 1) return "premier";
  const cardinal = frenchCardinal(n).replace(/vingts$/u, "vingt");
  if (cardinal.endsWith("cinq")) return `${cardinal}uième`;
  if (cardinal.endsWith("neuf")) return `${cardinal.slice(0, -1)}vième`;
  return `${cardinal.replace(/e$/u, "")}ième`;
}

// "60th", "1st", « 60e », « 60ème », « 1er », « 1re », « 2nd ».
const ORDINAL_FIGURE = /(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th|e|ème|eme|er|re|ère)(?![\p{L}\p{N}])/giu;

/** The ordinals a text writes as figures, with their words in both languages: "60th" → ["60", [sixtieth, soixantième]]. */
export function ordinalFigures(text: string): { figure: string; words: string[] }[] {
  return [...text.matchAll(ORDINAL_FIGURE)].flatMap((m) => {
    const figure = m[1] ?? "";
    const n = Number(figure);
    const words = [englishOrdinal(n), frenchOrdinal(n)].filter((w): w is string => !!w);
    return words.length > 0 ? [{ figure, words }] : [];
  });
}

let byWord: Map<string, string> | undefined;

/** The figure of an ordinal word of either language ("sixtieth", « soixantième » → "60"); undefined otherwise. */
export function ordinalWordFigure(word: string): string | undefined {
  if (!byWord) {
    byWord = new Map();
    for (let n = 1; n <= 99; n++)
      for (const w of [englishOrdinal(n), frenchOrdinal(n)]) if (w) byWord.set(w, String(n));
  }
  return byWord.get(word.toLowerCase());
}
