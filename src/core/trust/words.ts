import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";

/** One word of a text with its offsets; elided articles and possessives are cut off ("d'Evenes" → "Evenes"). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// Words joined by hyphens or apostrophes stay one word ("Bosnie-Herzégovine", "Da'esh"); "l'"/"d'" in front and
// "'s" behind are not part of the name.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const ELISION = /^(?:l|d|qu|jusqu|lorsqu|n|s|c|j|m)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s?$/u;

export function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    let start = m.index;
    const elided = ELISION.exec(word);
    if (elided) {
      start += elided[0].length;
      word = word.slice(elided[0].length);
    }
    word = word.replace(/['’]s$/u, "").replace(POSSESSIVE, "");
    if (word) out.push({ text: word, start, end: start + word.length });
  }
  return out;
}

/**
 * Matching key of a word: folded, without a final plural or feminine mark, so "Alliés", "Allies" and "allié"
 * meet, as do "Evenes" and "d'Evenes". Never displayed.
 */
export function wordKey(word: string): string {
  let w = fold(word)
    .replace(/['’]s$/u, "")
    .replace(/^(?:l|d|qu)'/u, "");
  if (w.length > 3) w = w.replace(/(?:es|s|x)$/u, "");
  if (w.length > 3) w = w.replace(/e$/u, "");
  return w;
}

/**
 * Spelling skeleton of a transliterated name, so "Sergueï" meets "Sergey", "Porochenko" "Poroshenko", "Daech"
 * "Da'esh" and "Zelensky" "Zelenskyy": the same sounds written by French and English conventions.
 */
export function skeleton(word: string): string {
  // Arabic names: "AlShimari" is "al Shimari", "AlDin" is "Ah Din": the article is not part of the skeleton.
  return fold(word.replace(/^(?:Al|El|Ah|Ad|As|At|Ash|Ar)(?=\p{Lu})/u, ""))
    .replace(/['’\s-]/gu, "")
    .replace(/sh/gu, "ch")
    .replace(/gu(?=[ei])/gu, "g")
    .replace(/ou/gu, "u")
    .replace(/[yj]/gu, "i")
    .replace(/ck|q/gu, "k")
    .replace(/(.)\1+/gu, "$1");
}

/** Words the check never takes for names: they open clauses or are institutional nouns in any release. */
export const FUNCTION_WORDS: Record<Lang, Set<string>> = {
  en: new Set(
    "the a an this that these those it its he she they we i you in on at for with from by as of to and but or if when while after before since during over under about around some all both each more most many new also than then there here their his her our who which what where how why not no nor so yet".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les l un une des du de d ce cet cette ces il elle ils elles nous vous on en dans pour par avec sur sous selon depuis lors après avant et mais ou si quand plus tous toutes tout toute leur leurs son sa ses notre nos qui que quoi dont où comme aussi ainsi entre vers chez au aux à".split(
      " ",
    ),
  ),
};

// Folded spellings too, so "À", "Où" and "Apres" are found.
for (const set of Object.values(FUNCTION_WORDS)) for (const w of [...set]) set.add(fold(w));

/**
 * Ranks and their abbreviations are titles, not names ("Lt Gen Charles Costanza", "Vice Admiral"): the person's
 * name is what is checked.
 */
export const RANKS = new Set(
  "lieutenant lt general gen admiral adm vice rear major maj colonel col brigadier brig captain capt marshal sergeant commodore".split(
    " ",
  ),
);

/** Connectors inside a name span: "Bosnia and Herzegovina", « Conseil de l'Atlantique Nord ». */
export const CONNECTORS = new Set("of the and for on in de du des d l la le les et pour en à au aux sur".split(" "));
