import { BoundedMemo } from "./bounded-memo.js";

/**
 * One spelling for the words British and American English write differently: NATO writes British English, its
 * releases' machine translations and the people asking mix both ("standardization", "center", "program",
 * "armored"). Applied to a lower-case English word on both sides of a match (the index and the question), so only
 * the two spellings of one word need to meet; which one wins does not matter.
 *
 * Each rule is decided by the stem before the suffix, never by the word's length: every inflection of one word
 * ("organize", "organizes", "organized", "organizer", "organization") folds the same way.
 */

// -ize / -ise and the words made from it: "organized", "realizing", "standardization", "organizational".
// Three letters before it at least: "size", "seize", "prize" have none to speak of.
const IZE = /(?<=\p{L}{3})iz(?=(?:e|es|ed|ing|er|ers|ation|ations|ational|able)$)/u;
// -yze / -yse: "analyzed", "paralyze", "catalyzing".
const YZE = /(?<=\p{L}{2}l)yz(?=(?:e|es|ed|ing|er|ers)$)/u;
// -or / -our: only these stems ("labor" is also in "laboratory", which has no other spelling: the suffix decides).
const OUR =
  /^((?:dis|un|mis)?(?:harb|hon|behavi|lab|col|fav|arm|neighb|rum|endeav|vig|val|flav|savi|splend|rig|parl))or(?=(?:|s|ed|ing|able|ably|ite|ites|ful|er|ers|y|ies|al|ally|less)$)/u;
// -er / -re: only these stems ("diameter", "parameter" are the same in both).
const RE =
  /^((?:epi)?cent|kilomet|centimet|millimet|met|theat|fib|calib|lit|millilit|spect|sab|somb|lust|meag|sepulch)er(s|ed|ing)?$/u;
// British "centred", "centring": the e of -re goes before -ed and -ing.
const RE_SUFFIX: Record<string, string> = { s: "res", ed: "red", ing: "ring" };
// -ense / -ence nouns and their family: "defense", "offenses", "licensed".
const ENCE = /^(defen|offen|preten|licen)s(e|es|ed|ing)$/u;
// "program" / "programme" as a noun; "programmed", "programming" are the same in both.
const PROGRAM = /^program(s?)$/u;
// "dialog" / "dialogue", "catalog" / "catalogue", "analog" / "analogue".
const OGUE = /^(dial|catal|anal)og(s?)$/u;
// "maneuver" / "manoeuvre", and their inflections.
const MANOEUVRE = /^manoeuvr(e|es|ed|ing)$/u;
const MANOEUVRE_SUFFIX: Record<string, string> = { e: "", es: "s", ed: "ed", ing: "ing" };

// Text repeats its words and coverage reads a release many times: memoised, bounded.
const memo = new BoundedMemo<string>(100_000);

/** The British spelling of a lower-case English word (itself when it has one spelling). */
export function britishSpelling(word: string): string {
  return memo.get(word, fold);
}

function fold(word: string): string {
  return word
    .replace(IZE, "is")
    .replace(YZE, "ys")
    .replace(OUR, "$1our")
    .replace(RE, (_, stem: string, s?: string) => `${stem}${s ? RE_SUFFIX[s] : "re"}`)
    .replace(ENCE, "$1c$2")
    .replace(PROGRAM, "programme$1")
    .replace(OGUE, "$1ogue$2")
    .replace(MANOEUVRE, (_, s: string) => `maneuver${MANOEUVRE_SUFFIX[s] ?? ""}`);
}
