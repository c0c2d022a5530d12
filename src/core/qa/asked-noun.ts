import { fold } from "../text/fold.js";
import type { SpecificWord } from "./specific-words.js";

/**
 * The noun a question asks for: "which tanks…", « quels moyens… », "what is the budget…", « quel est le budget… »,
 * "what is the name of the French company…". The answer is one of them or its value: a release that never speaks
 * of it cannot give it, so coverage (coverage.ts) does not forgive it as it may forgive another common noun. After
 * "which" / « quel » the noun comes next; after "what is the (name of the)" one word (an adjective, a nationality)
 * may come first.
 */
const WHICH = new Set(["which", "quel", "quelle", "quels", "quelles"]);
const WHAT = new Set([...WHICH, "what"]);
/** "who is the deputy commander…", « qui est le directeur… »: the role asked for, whoever holds it. */
const WHO = new Set(["who", "qui"]);
const BE = new Set("is was are were est etait sont etaient sera seront".split(" "));
const ARTICLES = new Set(["the", "le", "la", "les", "l"]);
const NAME_OF = new Set(["name", "nom"]);
const OF = new Set(["of", "de", "du", "des", "d"]);

/** The words with the one the question asks for marked `asked` (a common noun only); the words as given otherwise. */
export function markAsked(words: SpecificWord[], question: string): SpecificWord[] {
  const candidates = askedCandidates(question);
  // A common noun before a word that may also be a name ("french", "turkey"): the adjective comes first.
  const among = (kind: SpecificWord["kind"]) =>
    words.find((w) => w.kind === kind && candidates.some((c) => c === fold(w.surface)));
  const asked = among("common") ?? among("either");
  return asked ? words.map((w) => (w === asked ? { ...w, asked: true } : w)) : words;
}

/** The folded words that may be the asked noun, nearest the frame first; none without a frame. */
function askedCandidates(question: string): string[] {
  const tokens = fold(question)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  for (const [i, t] of tokens.entries()) {
    if ((WHAT.has(t) || WHO.has(t)) && BE.has(tokens[i + 1] ?? "")) {
      let j = skip(tokens, i + 2, ARTICLES);
      if (NAME_OF.has(tokens[j] ?? "") && OF.has(tokens[j + 1] ?? "")) j = skip(tokens, j + 2, ARTICLES);
      return tokens.slice(j, j + 2);
    }
    if (WHICH.has(t)) return tokens.slice(i + 1, i + 2);
  }
  return [];
}

function skip(tokens: string[], from: number, words: ReadonlySet<string>): number {
  let j = from;
  while (words.has(tokens[j] ?? "")) j++;
  return j;
}
