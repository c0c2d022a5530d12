import type { Lang } from "../domain/language.js";
import type { Passage } from "./qa-types.js";

/**
 * Whether a sentence goes on about what the sentence before it said: an anaphor among its first words, one that
 * stands for something already named — "It", "They", "There", "These", "Such"; « Il », « Elles », « Ces », « y »
 * (« Les stagiaires y apprennent… », where « y » is the course the sentence before named). A sentence that opens
 * with a subject of its own ("The longest intercept, on 19 February, lasted…") starts something new. A stored
 * translation may lose the anaphor ("The students learn…"): the sentence it translates is read too.
 */
const OPENING_WORDS = 4;
const ANAPHORS: Record<Lang, ReadonlySet<string>> = {
  en: new Set("it its they their them there these this those such he she his her".split(" ")),
  fr: new Set("il elle ils elles y ce cet cette ces celui celle ceux celles son sa ses leur leurs".split(" ")),
};

export function continuesBefore(passage: Passage): boolean {
  return readings(passage).some(({ lang, text }) => {
    const opening =
      text
        .toLowerCase()
        .match(/[\p{L}]+/gu)
        ?.slice(0, OPENING_WORDS) ?? [];
    return opening.some((w) => ANAPHORS[lang].has(w));
  });
}

/**
 * Whether the sentence opens on what the sentence before it named, by its very first word: "He said that…", « Ces
 * avions… », « C'est… ». Stricter than `continuesBefore`: a possessive further on ("The general took up his post")
 * starts a sentence of its own. The extractive answer quotes the sentence before such a one (antecedent.ts).
 */
const OPENERS: Record<Lang, ReadonlySet<string>> = {
  en: new Set("he she it they this these those such".split(" ")),
  fr: new Set("il elle ils elles ce cet cette ces celui celle ceux celles".split(" ")),
};

export function opensOnBefore(passage: Passage): boolean {
  return readings(passage).some(({ lang, text }) => {
    const first = /\p{L}+/u.exec(text)?.[0]?.toLowerCase();
    // « C'est… », « C’était… »: the elided « ce ».
    return first !== undefined && (OPENERS[lang].has(first) || (lang === "fr" && /^c['’]/iu.test(text.trim())));
  });
}

/** The sentence, and the one a stored translation renders (it may lose the anaphor). */
function readings(passage: Passage): { lang: Lang; text: string }[] {
  return [{ lang: passage.lang, text: passage.text }, ...(passage.original ? [passage.original] : [])];
}
