import { cleanGeneratedText } from "../briefing/clean-text.js";
import type { FactFinding } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import { splitSentences } from "../text/sentences.js";
import { definedAcronyms } from "../trust/acronyms.js";
import { checkSentence } from "../trust/check-sentence.js";
import { buildEvidence, type TrustTools } from "../trust/evidence.js";
import { spelledOutOne } from "../trust/spelled-out.js";
import type { NumberedPassage } from "./answer-model.port.js";

export { spelledOutOne };

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
 * given ([n]), and every figure, date, time and name in it must be in the passages it cites, checked by the same
 * evidence as the brief's fact guard (so an English answer citing a French passage is read across languages).
 * Everything else is dropped, with the reason, rather than shown uncited. The text is cleaned first (no pings,
 * markup or foreign links).
 */
export function checkModelAnswer(
  raw: string,
  lang: Lang,
  passages: NumberedPassage[],
  tools?: TrustTools,
): CheckedAnswer {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const source = passages.map((p) => `${p.title}\n${p.text}`).join("\n");
  // "… dollars. [1]" → "… dollars [1]." so the marker stays with the sentence it ends.
  const text = cleanGeneratedText(raw, source).replace(/([.!?…])((?:\s*\[\d[\d,;\s]*\])+)/gu, (_m, stop, marks) => {
    return ` ${String(marks).trim()}${stop}`;
  });
  const defined = definedAcronyms(text.replace(MARKERS, ""));
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
      tools,
      undefined,
      defined,
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
 * Figures (by value across languages: "10 milliards" = "10 billion"), dates, times and names of `sentence` that
 * none of `sources` carries. `kinds` narrows the check, e.g. to numbers for machine-translated quotes.
 */
export function unsupportedFacts(
  sentence: string,
  lang: Lang,
  sources: Pick<NumberedPassage, "lang" | "text" | "title">[],
  tools?: TrustTools,
  kinds: FactFinding["kind"][] = ["number", "date", "time", "name"],
  defined?: ReadonlySet<string>,
): FactFinding[] {
  const evidence = buildEvidence(
    sources.map((s) => ({ lang: s.lang, text: spelledOutOne(`${s.title}\n\n${s.text}`, s.lang) })),
    tools,
  );
  return checkSentence(sentence, lang, evidence, defined)
    .filter((f) => kinds.includes(f.kind))
    .map((f) => ({ lang, kind: f.kind, value: f.value, where: sentence }));
}
