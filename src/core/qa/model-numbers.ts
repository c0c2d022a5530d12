import { fold } from "../text/fold.js";
import { NOT_NAMES } from "../text/names.js";
import { isMonthOrDay } from "./focus-names.js";

/**
 * The digits that are part of a name, not a figure: "Leopard 2 tanks", "Portuguese F-16s", "the A330 MRTT",
 * "Article 5", « des chars Leopard 2 espagnols ». "How many Belgian soldiers?" is not answered by "Spanish
 * Leopard 2 tanks will train alongside Romanian and Belgian infantry": there is no count in it. A digit run is a
 * name's when it is written onto capital letters ("A330", "F-16", "PAC-3"), or after a capitalised word and one
 * space that does not open the sentence and is no grammar word, month, day or currency ("Leopard 2", not
 * "Around 3,200 troops", "In 2025", "on 3 May" or "EUR 5 million"). A figure with its thousands or decimals
 * ("Leopard 2,000"?) is a figure.
 */
const NAMED_DIGITS = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]*)(-| ?)(\d+)(?![.,]\d)/gu;
/** Currency codes written before their figure ("EUR 5 million", "NOK 2 billion"): that figure is an amount. */
const CURRENCY_CODE = /^(?:usd|eur|gbp|nok|sek|dkk|pln|chf|cad|jpy|uah|isk|huf|czk|ron|bgn|aud|us)$/u;
/** What may come before the first word of a sentence: its start, an end of sentence, an opening quote or a colon. */
const OPENING = /(?:^|[.!?:;«“"(]\s*)$/u;

/** The text with the digits of names blanked out (see above): what is left are figures. */
export function withoutModelNumbers(text: string): string {
  return text.replace(NAMED_DIGITS, (all, word: string, sep: string, digits: string, at: number) => {
    const glued = sep === "-" || sep === "";
    if (glued ? !/^\p{Lu}/u.test(word) : !isNameWord(word, text.slice(0, at))) return all;
    if (glued && /\p{Ll}/u.test(word) && word.length > 3) return all;
    return `${word}${sep}${"#".repeat(digits.length)}`;
  });
}

function isNameWord(word: string, before: string): boolean {
  if (word.length < 2 || OPENING.test(before)) return false;
  if (NOT_NAMES.en.has(word) || NOT_NAMES.fr.has(word) || isMonthOrDay(word)) return false;
  return !CURRENCY_CODE.test(fold(word.toLowerCase()));
}
