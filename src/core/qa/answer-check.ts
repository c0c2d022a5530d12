import { cleanGeneratedText } from "../briefing/clean-text.js";
import { checkFacts, type TermEquivalents } from "../briefing/fact-guard.js";
import type { FactFinding } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { ReleaseText } from "../domain/release.js";
import { splitSentences } from "../text/sentences.js";
import type { NumberedPassage } from "./answer-model.port.js";

export interface CitedSentence {
  /** Without its markers. */
  text: string;
  /** Passage numbers it cites, in order, each once. */
  passages: number[];
}

export interface CheckedAnswer {
  sentences: CitedSentence[];
  dropped: { sentence: string; why: string }[];
}

const MARKERS = /\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]/gu;

/**
 * Keeps only what a generated answer can back up: each sentence must cite at least one of the passages it was
 * given ([n]), and every figure and name in it must be in the passages it cites. Everything else is dropped, with
 * the reason, rather than shown uncited. The text is cleaned first (no pings, markup or foreign links).
 */
export function checkModelAnswer(
  raw: string,
  lang: Lang,
  passages: NumberedPassage[],
  equivalents?: TermEquivalents,
): CheckedAnswer {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const source = passages.map((p) => `${p.title}\n${p.text}`).join("\n");
  // "… dollars. [1]" → "… dollars [1]." so the marker stays with the sentence it ends.
  const text = cleanGeneratedText(raw, source).replace(/([.!?…])((?:\s*\[\d[\d,;\s]*\])+)/gu, (_m, stop, marks) => {
    return ` ${String(marks).trim()}${stop}`;
  });
  const out: CheckedAnswer = { sentences: [], dropped: [] };
  for (const sentence of splitSentences(text)) {
    const cited = [...sentence.matchAll(MARKERS)].flatMap((m) =>
      (m[1] ?? "").split(/[,;]/).map((n) => Number(n.trim())),
    );
    const known = [...new Set(cited.filter((n) => byNumber.has(n)))];
    const bare = sentence
      .replace(MARKERS, "")
      .replace(/\s+([.,;:!?])/gu, "$1")
      .trim();
    if (!/[\p{L}\p{N}]/u.test(bare)) continue;
    if (known.length === 0) {
      out.dropped.push({ sentence, why: cited.length > 0 ? "cites no passage it was given" : "uncited" });
      continue;
    }
    const findings = unsupportedFacts(
      bare,
      lang,
      known.map((n) => byNumber.get(n)!),
      equivalents,
    );
    if (findings.length > 0) {
      out.dropped.push({ sentence, why: `not in the cited passages: ${findings.map((f) => f.value).join(", ")}` });
      continue;
    }
    out.sentences.push({ text: bare, passages: known });
  }
  return out;
}

/**
 * Figures (by value across languages: "10 milliards" = "10 billion") and names of `sentence` that none of
 * `sources` carries. `kinds` narrows the check, e.g. to numbers for machine-translated quotes.
 */
export function unsupportedFacts(
  sentence: string,
  lang: Lang,
  sources: Pick<NumberedPassage, "lang" | "text" | "title">[],
  equivalents?: TermEquivalents,
  kinds: FactFinding["kind"][] = ["number", "name"],
): FactFinding[] {
  const texts: Partial<Record<Lang, ReleaseText>> = {};
  for (const s of sources) {
    const t = texts[s.lang] ?? { lang: s.lang, title: "", paragraphs: [], official: true };
    t.paragraphs.push(s.title, spelledOutOne(s.text, s.lang));
    texts[s.lang] = t;
  }
  const check = checkFacts({ [lang]: { headline: "", summary: sentence, keyPoints: [] } }, { texts }, { equivalents });
  return check.findings.filter((f) => kinds.includes(f.kind));
}

/**
 * "un milliard d'euros" → "1 milliard d'euros": the figure a reader sees, so a translation or an answer that
 * writes "1 billion euros" is traced to it, and offline MT protects it instead of writing "a millardo".
 */
export function spelledOutOne(text: string, lang: Lang): string {
  return lang === "fr"
    ? text.replace(/\b(?:un|une)\s+(milliards?|millions?)\b/giu, "1 $1")
    : text.replace(/\b(?:one|a)\s+(billion|million)\b/giu, "1 $1");
}
