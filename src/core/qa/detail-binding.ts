import { type Lang, otherLang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import type { FocusKind } from "./focus.js";
import { textCovers } from "./focus-future.js";
import { releasePassages } from "./passages.js";
import type { Passage } from "./qa-types.js";
import type { SpecificWord } from "./specific-words.js";
import { classMembers } from "./word-classes.js";

/**
 * Binding of the question's details: a noun of the question that the release uses must be said near the sentence
 * that answers. "When did NATO open an office in Japan?" is not answered by the date of a partnership programme
 * agreed in Tokyo because the release speaks of an office three paragraphs on; "how much does Georgia pay for the
 * sensor network?" not by the budget of the project whose sensors another sentence describes. The noun is the
 * question's point, and the release that answers says it where it gives the figure, the date, the person or the
 * place, or just before or after, or in what the whole release is about (its title and lead sentence). A noun the
 * release does not use at all is left to the release-level coverage (coverage.ts), which may forgive one that the
 * other language says otherwise: only a noun the release has and the answer's neighbourhood lacks is evidence that
 * the answer is about something else.
 *
 * Only for a question that asks for something (a figure, a date, a duration, a person, a place): its answer is one
 * sentence. Only for common nouns the dictionary knows as nouns and not as verbs ("start", "call", "host" are often
 * what the question does, not what it asks about) and never for names, figures or words no dictionary knows, which
 * the sentence rule (sentence-binding.ts) and the coverage check judge. Measured on dev (470 answerable, 136 traps):
 * 3 more traps declined for 1 answer lost (« qui commande le groupe de chasseurs de mines » answered by the sentence
 * that says « le groupe », the release's minehunters a paragraph away). Tried and dropped, each against this: words
 * no dictionary knows as details too, 4 more answers lost for no trap (the names of a release's subject are said far
 * from its answers); nouns that are verbs too ("finish", "summit"), 4 lost; questions that ask for no kind, 1 lost;
 * the lead sentence left out of what is near, 4 lost; the whole release's stored translation as what it "has", 2 lost.
 */
export interface DetailLookups {
  /** A question word's spellings, both languages (sentence-binding.ts `formsOf`). */
  forms: (word: SpecificWord) => readonly string[];
}

const ASKING: ReadonlySet<FocusKind> = new Set(["figure", "date", "duration", "person", "place"]);

/** The question's details (see above): the common nouns whose absence near an answer counts. */
export function detailWords(
  words: readonly SpecificWord[],
  kind: FocusKind,
  lang: Lang,
  lexicon: BilingualLexicon | undefined,
): SpecificWord[] {
  if (!ASKING.has(kind) || !lexicon?.available()) return [];
  return words.filter((w) => {
    if ((w.kind !== "common" && w.kind !== "either") || w.unknown) return false;
    const entries = [w.surface, w.lemma].flatMap((base) => lexicon.equivalents(base, lang, otherLang(lang)));
    return entries.some((e) => e.pos === "n") && !entries.some((e) => e.pos === "vblex");
  });
}

/**
 * Whether the passage says, near it (`readings`), every detail of the question that its release
 * has somewhere. Both are read in the language the sentence was published in (and the sentence's own translation):
 * a word the stored translation of another sentence happens to use, which the dictionary does not tie to the
 * original's word, is no evidence either way. No details, no rule.
 */
export function detailBinds(
  details: readonly SpecificWord[],
  passage: Passage,
  release: Release | undefined,
  lookups: DetailLookups,
): boolean {
  if (details.length === 0 || !release) return true;
  const { near, whole } = readings(passage, release);
  return details.every((w) => {
    const forms = [...lookups.forms(w), ...classMembers(w.surface), ...classMembers(w.lemma)];
    return !textCovers(whole, w.surface, forms) || textCovers(near, w.surface, forms);
  });
}

/**
 * The sentence, the one it translates, the sentences just before and after it, and the release's title and lead
 * sentence (`near`); and the whole release (`whole`), in the language the sentence was published in, with the
 * sentence's own translation.
 */
export function readings(passage: Passage, release: Release): { near: string; whole: string } {
  const own = [passage.text, ...(passage.original ? [passage.original.text] : []), passage.title];
  const source = passage.original ?? { lang: passage.lang, text: passage.text };
  const sentences = releasePassages(release).filter((p) => p.lang === source.lang && p.kind === "body");
  const [lead] = sentences;
  if (!lead) return { near: own.join("\n"), whole: own.join("\n") };
  const at = sentences.findIndex((p) => p.text === source.text);
  const near = [...own, lead.title, lead.text];
  if (at > 0) near.push(sentences[at - 1]?.text ?? "");
  if (at >= 0) near.push(sentences[at + 1]?.text ?? "");
  return { near: near.join("\n"), whole: [...own, lead.title, ...sentences.map((p) => p.text)].join("\n") };
}
