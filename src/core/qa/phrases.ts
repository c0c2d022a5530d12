import type { Release } from "../domain/release.js";
import { fold } from "../text/fold.js";

/**
 * Phrases a question quotes: the words inside quotation marks must come in that order in what answers it, in a
 * release the retriever keeps and in a passage it ranks (retriever.ts).
 */

// Straight, curly and French quotation marks around two or more words mark a phrase the text must contain.
const PHRASE = /"([^"]{3,}?)"|“([^”]{3,}?)”|«\s*([^»]{3,}?)\s*»/gu;

/** The phrases quoted in a question, as written inside their marks. */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(PHRASE)].map((m) => (m[1] ?? m[2] ?? m[3] ?? "").trim());
}

/** Word sequence match, ignoring case, accents and punctuation: « capacité industrielle » in "capacités… " no. */
export function containsPhrases(text: string, phrases: string[]): boolean {
  const hay = ` ${normalise(text)} `;
  return phrases.every((p) => hay.includes(` ${normalise(p)} `));
}

/** Every title and paragraph of the release, in each language it has. */
export function releaseText(release: Release): string {
  return Object.values(release.texts)
    .map((t) => (t ? [t.title, ...t.paragraphs].join("\n") : ""))
    .join("\n");
}

function normalise(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
