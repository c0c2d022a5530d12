import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import type { Passage } from "../../src/core/qa/qa-types.js";

/** A stored release in one language, for tests of the Q&A rules: its id is its content hash. */
export function oneLanguageRelease(id: string, lang: Lang, title: string, ...paragraphs: string[]): Release {
  const at = "2026-01-01T00:00:00Z";
  return {
    id,
    contentHash: id,
    sourceLanguage: lang,
    texts: { [lang]: { lang, title, paragraphs, official: true } },
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * A sentence of release "r" for the focus rules (focus*.ts): a body sentence, or, with `original`, the stored
 * translation of that original sentence.
 */
export function sentence(text: string, lang: Lang, original?: Passage["original"]): Passage {
  const kind = original ? "translation" : "body";
  return { id: `r:${lang}:${kind}:0`, releaseId: "r", lang, kind, title: "A release", text, original };
}

/** Whether the sentence carries what the question (in `lang`) asks for, as the answer test reads it. */
export function focusAnswers(question: string, lang: Lang, passage: Passage): boolean {
  return carriesFocus(questionFocus(question, lang), passage);
}
