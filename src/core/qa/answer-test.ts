import { type Lang, otherLang } from "../domain/language.js";
import type { BilingualLexicon } from "../ports/bilingual-lexicon.port.js";
import { alternativesOf } from "./coverage.js";
import { carriesFocus, type QuestionFocus } from "./focus.js";
import { textCovers } from "./focus-future.js";
import type { Retrieval } from "./retriever.js";
import type { PassageMatch } from "./search-index.port.js";

/**
 * Whether a retrieved passage answers the question: it carries the focus (focus.ts), names also looked for in
 * their other-language spellings (the bilingual lexicon's proper nouns), a word that is a common word of one
 * language not taken for a name of the other; for "the next X" the release must speak of X at all.
 */
export function answerTest(
  focus: QuestionFocus,
  lang: Lang,
  retrieval: Retrieval,
  lexicon: BilingualLexicon | undefined,
): (m: PassageMatch) => boolean {
  const alternatives = retrieval.query.alternatives ?? {};
  const spellings = new Map<string, readonly string[]>();
  const equivalents = (name: string): readonly string[] => {
    if (!lexicon) return [];
    let known = spellings.get(name);
    if (!known) {
      known = lexicon
        .equivalents(name, lang, otherLang(lang))
        .filter((e) => e.pos === "np")
        .map((e) => e.lemma);
      spellings.set(name, known);
    }
    return known;
  };
  const common = new Map<string, boolean>();
  const commonWord = lexicon?.available()
    ? (word: string, wordLang: Lang): boolean => {
        const key = `${wordLang}:${word}`;
        let known = common.get(key);
        if (known === undefined) {
          known = lexicon.equivalents(word, wordLang, otherLang(wordLang)).some((e) => e.pos !== "np");
          common.set(key, known);
        }
        return known;
      }
    : undefined;
  const focused = (m: PassageMatch): boolean =>
    carriesFocus(focus, m.passage, {
      equivalents: m.passage.lang === lang ? undefined : equivalents,
      commonWord,
      alternatives: (word) => alternativesOf(alternatives, word),
    });
  const { nextOf } = focus;
  if (!nextOf) return focused;
  // "Where is the next summit?": a release that never speaks of a summit does not answer it.
  return (m) =>
    focused(m) &&
    textCovers(
      retrieval.texts?.get(m.passage.releaseId) ?? `${m.passage.title}\n${m.passage.text}`,
      nextOf,
      alternativesOf(alternatives, nextOf),
    );
}
