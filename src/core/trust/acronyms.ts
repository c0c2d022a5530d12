import type { Lang } from "../domain/language.js";
import { fold } from "../text/fold.js";
import type { Evidence } from "./evidence.js";
import { CONNECTORS, FUNCTION_WORDS, splitWords } from "./words.js";

/**
 * Acronyms as evidence: the ones a source writes ("NATO", "CoEs"), the initials of its names in its own language
 * ("North Atlantic Council" → NAC) or through the other language's words (CDNA for the "Conference of National
 * Armaments Directors"), and the ones a generated text spells out itself ("Comprehensive Assistance Package (CAP)").
 */
/** "NATO" → "NATO", "CoEs" → "COE", "SNMG2" → "SNMG2"; undefined for ordinary words. */
export function acronymOf(word: string): string | undefined {
  const w = word.replace(/['’]?s$/u, (s) => (/\p{Lu}/u.test(word.slice(0, -s.length)) ? "" : s));
  const letters = w.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2 || w.length > 10) return undefined;
  const upper = [...letters].filter((c) => c !== c.toLowerCase()).length;
  // All capitals, or mostly capitals with lowercase inside ("CoE", "DIANA"): an acronym, not a word.
  if (upper === letters.length || (upper >= 2 && upper >= letters.length - 2 && /^\p{Lu}/u.test(w))) {
    return fold(w)
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]/gu, "");
  }
  return undefined;
}

/** Initials of a multi-word term in its own language: "Comprehensive Assistance Package" → "CAP". */
export function sameLanguageAcronym(term: string): string | undefined {
  const content = splitWords(term)
    .map((w) => w.text)
    .filter((w) => !CONNECTORS.has(fold(w)));
  if (content.length < 2) return undefined;
  return content.map((w) => initialOf(w)).join("");
}

export function initialOf(word: string): string {
  return fold(word).charAt(0).toUpperCase();
}

/**
 * Runs of words that may form a name: they start with a capital and go on through capitalised words and
 * connectors (and, in French, the lowercase words of a name: « Union européenne », « Agence OTAN de soutien »),
 * never across punctuation. Only the content words are returned.
 */
export function nameRuns(text: string, lang: Lang, words = splitWords(text)): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let prevEnd = -1;
  const flush = () => {
    if (run.length >= 2) runs.push(run.slice(0, 8));
    run = [];
  };
  for (const w of words) {
    const gap = prevEnd >= 0 ? text.slice(prevEnd, w.start) : "";
    prevEnd = w.end;
    const folded = fold(w.text);
    // The gap between two words of a name holds spaces, hyphens or an elided article, never punctuation.
    if (/[^\s'’‐-]/u.test(gap.replace(/(?:qu|[dlDL])['’]/gu, ""))) flush();
    const capital = /^\p{Lu}/u.test(w.text);
    if (capital && !FUNCTION_WORDS[lang].has(folded)) {
      run.push(w.text);
    } else if (run.length > 0 && CONNECTORS.has(folded)) {
      // a connector continues the run without counting
    } else if (run.length > 0 && lang === "fr" && !FUNCTION_WORDS.fr.has(folded) && /^\p{Ll}/u.test(w.text)) {
      run.push(w.text);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/**
 * An acronym of the other language's name: CDNA for the "Conference of National Armaments Directors", EIIL for
 * "Islamic State of Iraq and the Levant". Some run of the source's name words has one word per letter whose
 * initial, in either language, is that letter (in any order: French puts adjectives after the noun).
 */
export function crossAcronym(acronym: string, runs: Evidence["runs"]): boolean {
  const letters = [...acronym.replace(/\d/gu, "")];
  if (letters.length < 2 || letters.length > 8) return false;
  for (const run of runs) {
    for (let i = 0; i + letters.length <= run.length; i++) {
      if (matches(letters, run.slice(i, i + letters.length))) return true;
    }
  }
  return false;
}

function matches(letters: string[], words: readonly Set<string>[]): boolean {
  const used = new Array<boolean>(words.length).fill(false);
  const assign = (k: number): boolean => {
    if (k === letters.length) return true;
    for (let j = 0; j < words.length; j++) {
      if (!used[j] && words[j]?.has(letters[k] ?? "")) {
        used[j] = true;
        if (assign(k + 1)) return true;
        used[j] = false;
      }
    }
    return false;
  };
  return assign(0);
}

/** Acronyms a text spells out before using: "Comprehensive Assistance Package (CAP)", "the CAP". */
export function definedAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\(([\p{Lu}][\p{L}\p{N}]{1,9})\)/gu)) {
    const acronym = acronymOf(m[1] ?? "");
    if (!acronym) continue;
    const before = splitWords(text.slice(0, m.index))
      .map((w) => w.text)
      .filter((w) => !CONNECTORS.has(fold(w)));
    const letters = [...acronym.replace(/\d/gu, "")];
    const tail = before.slice(-letters.length);
    if (tail.length === letters.length && tail.map((w) => initialOf(w)).join("") === letters.join("")) out.add(acronym);
  }
  return out;
}
