import { fold } from "../text/fold.js";
import type { Passage } from "./qa-types.js";

/**
 * "Who will be the next chair?", « Où se tiendra le prochain sommet ? »: a question about the next one of
 * something is about the future. A sentence about the last one (a past summit, the current chair's visit) is on
 * topic but does not answer it; the answer speaks of what is to come: "next", "upcoming", a future tense
 * (« se tiendra », « se déroulera »), "will", "is to". "Next year" / « l'an prochain » is a span of time, not the
 * next event: it neither asks nor answers such a question.
 */

/** `\b` is ASCII-only even with the u flag: the same boundary over Unicode letters and digits. */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

const TIME_UNITS =
  "year|years|month|months|week|weeks|day|days|decade|decades|time|times|an|ans|année|années|mois|semaine|semaines|jour|jours|décennie|décennies|fois";

// "the next summit", « le prochain sommet », « la prochaine édition », "the upcoming meeting".
const NEXT_WORD = new RegExp(
  `${START}(?:next|upcoming|forthcoming|prochaine?s?|futur(?:e|s|es)?)\\s+(?!(?:${TIME_UNITS})${END})[\\p{L}]`,
  "iu",
);
// « le sommet prochain » is rare, « l'année prochaine » is a span: only « à venir » after a noun other than time.
const A_VENIR = new RegExp(`${START}(?!(?:${TIME_UNITS})${END})\\p{L}{3,}\\s+à venir${END}`, "iu");

/** Whether the question asks about the next one of something (not "next year"). */
export function asksAboutNext(question: string): boolean {
  const text = question.replace(/[’]/gu, "'");
  return NEXT_WORD.test(text) || A_VENIR.test(text);
}

// English future: "will", "shall", "'ll", "is to be", "is due to", "is scheduled / planned / expected to".
const FUTURE_EN = new RegExp(
  `${START}(?:will|shall|won't)${END}|'ll${END}|${START}(?:is|are)\\s+(?:to|due to|scheduled|planned|expected to|set to|going to)${END}`,
  "iu",
);
// French future and conditional of the verbs releases use, and the usual future words.
const FUTURE_FR = new RegExp(
  `${START}(?:sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|devra|devront|devrait|devraient|tiendra|tiendront|déroulera|dérouleront|accueillera|accueilleront|succédera|remplacera|prendra|prendront|deviendra|commencera|commenceront|aura lieu|à venir)${END}|${START}\\p{Ll}{3,}(?:era|eront|ira|iront|dra|dront)${END}`,
  "u",
);

/** Whether a text speaks of something to come, in either language (a stored translation keeps the original's). */
export function speaksOfFuture(text: string): boolean {
  const plain = text.replace(/[’]/gu, "'");
  return NEXT_WORD.test(plain) || A_VENIR.test(plain) || FUTURE_EN.test(plain) || FUTURE_FR.test(plain);
}

/**
 * A passage answers a question about the next `noun` when it, or the sentence it translates, speaks of the next
 * one of it (« la prochaine édition », "the next NATO summit") or says in the future something of the noun itself
 * ("the summit will be held in…"), a few words apart. A future sentence about something else ("the Chair will
 * guide the Committee… for the Summit in 2022") does not say where the next summit is.
 */
export function passageSpeaksOfFuture(
  passage: Passage,
  noun?: string | undefined,
  alternatives: readonly string[] = [],
): boolean {
  const texts = [passage.text, ...(passage.original ? [passage.original.text] : [])].map((t) =>
    t.replace(/[’]/gu, "'"),
  );
  if (!noun) return texts.some(speaksOfFuture);
  const spellings = [noun, ...alternatives].map(plain).filter(Boolean);
  return texts.some((text) => {
    const words = plain(text).split(" ");
    const isNoun = (k: number) => spellings.some((s) => startsPhrase(words, k, s));
    for (const [k, w] of words.entries()) {
      // "next summit", « prochain sommet de l'OTAN », "next annual summit", « la prochaine édition ».
      if (NEXT.has(w) && [1, 2].some((d) => isNoun(k + d) || GENERIC.has(words[k + d] ?? ""))) return true;
      if (FUTURE_WORD.test(w) && [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5].some((d) => isNoun(k + d))) return true;
    }
    return false;
  });
}

const NEXT = new Set(["next", "upcoming", "forthcoming", "prochain", "prochaine", "prochains", "prochaines"]);
/** The next "edition" or "session" of the thing asked about: the release need not name it again. */
const GENERIC = new Set(["edition", "session", "meeting", "round", "one", "reunion", "rencontre"]);
// One word of a future tense, accents folded: "will", « sera », « tiendra », « deroulera ».
const FUTURE_WORD =
  /^(?:will|shall|ll|sera|seront|aura|auront|fera|feront|pourra|devra|devrait|tiendra|tiendront|accueillera|\p{Ll}{3,}(?:era|eront|ira|iront|dra|dront))$/u;

/** Whether the words from `k` on spell `phrase` (its last word inflected at most a few letters). */
function startsPhrase(words: readonly string[], k: number, phrase: string): boolean {
  if (k < 0) return false;
  const parts = phrase.split(" ");
  return parts.every((p, i) => {
    const w = words[k + i] ?? "";
    const stem = p.length <= 4 ? p : p.slice(0, Math.max(4, p.length - 3));
    return i < parts.length - 1 ? w === p : w.startsWith(stem);
  });
}

/** The word the question asks the next one of: "the next summit" → "summit", « la prochaine édition » → « édition ». */
export function nextNoun(question: string): string | undefined {
  const m = new RegExp(`${START}(?:next|upcoming|forthcoming|prochaine?s?)\\s+([\\p{L}-]{3,})`, "iu").exec(
    question.replace(/[’]/gu, "'"),
  );
  return m?.[1]?.toLowerCase();
}

/**
 * Whether a release's text (all its languages, its stored translation included) has the word or one of its other
 * spellings, inflections aside. A release that never mentions a summit does not say where the next one is.
 */
export function textCovers(text: string, word: string, alternatives: readonly string[]): boolean {
  const hay = ` ${plain(text)} `;
  return [word, ...alternatives].some((w) => {
    const stem = stemOf(w);
    return stem !== "" && hay.includes(` ${stem}`);
  });
}

/** What `textCovers` looks for of a word: folded, its last letters off when it is long (inflections aside). */
export function stemOf(word: string): string {
  const f = plain(word);
  return f.includes(" ") || f.length <= 4 ? f : f.slice(0, Math.max(4, f.length - 3));
}

function plain(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
