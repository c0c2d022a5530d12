import { textCovers } from "./focus-future.js";
import type { Passage } from "./qa-types.js";

/**
 * "Which aircraft carrier took part?", « Quels navires participent ? »: like "how many N", a "which N" question
 * asks for one of the Ns. Of the sentences that answer it, the one that names an N (or another spelling of it)
 * comes first; the sentence that only repeats the topic ("Exercise X began on…") comes after it. A preference,
 * not a requirement: the release may list the Ns without the word ("frigates and patrol aircraft" for "assets").
 */

const START = String.raw`(?<![\p{L}\p{N}])`;
const WHICH = new RegExp(`${START}(?:which|quel|quelle|quels|quelles)\\s+([\\p{L}][\\p{L}-]+)`, "iu");
/** What follows "which" / « quel » that is not the thing asked for: « quel est », "which of". */
const NOT_NOUNS = new Set(
  "of is are was were did do does has have will one ones est sont était étaient a ont sera seront".split(" "),
);

/** The noun a "which N" / « quel N » question asks for, lower case; undefined for other questions. */
export function whichNoun(question: string): string | undefined {
  const noun = WHICH.exec(question.replace(/[’]/gu, "'"))?.[1]?.toLowerCase();
  return noun && !NOT_NOUNS.has(noun) ? noun : undefined;
}

/** Whether the passage, or the sentence it translates, has the noun or one of its other spellings. */
export function namesWhich(passage: Passage, noun: string, alternatives: readonly string[]): boolean {
  const texts = [passage.text, ...(passage.original ? [passage.original.text] : [])];
  return texts.some((text) => textCovers(text, noun, alternatives));
}
