import { cleanGeneratedText } from "../briefing/clean-text.js";
import type { Lang } from "../domain/language.js";
import type { Logger } from "../ports/logger.port.js";
import type { Translator } from "../ports/translator.port.js";
import { fold } from "../text/fold.js";
import { unsupportedFacts } from "./answer-check.js";
import { CitationNumbers, markers } from "./citations.js";
import { QA_MESSAGES } from "./qa-messages.js";
import type { PassageMatch } from "./search-index.port.js";

export interface ExtractiveAnswer {
  text: string;
  numbers: CitationNumbers;
}

/**
 * An answer made of the passages themselves, each followed by the number of the release it comes from. A passage
 * in the other language is translated offline (names, figures and official terms protected) and labelled so;
 * when the translation is unavailable, or loses a figure, the passage is quoted as written, and the answer says so.
 */
export async function extractiveAnswer(
  picked: PassageMatch[],
  lang: Lang,
  deps: { translator?: Translator | undefined; logger: Logger },
): Promise<ExtractiveAnswer> {
  const numbers = new CitationNumbers();
  const notes = new Set<string>();
  const translations = await translateForeign(picked, lang, deps, notes);
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const [i, m] of picked.entries()) {
    const translated = translations[i];
    let sentence = m.passage.text;
    let note = m.passage.label;
    if (translated !== undefined) {
      const lost = unsupportedFacts(translated, lang, [m.passage], undefined, ["number", "date", "time"]);
      if (lost.length === 0) {
        sentence = translated;
        note = QA_MESSAGES.machineTranslation(lang);
      } else {
        deps.logger.warn("machine translation lost a figure; quoting the original", { lost: lost.map((f) => f.value) });
        note = QA_MESSAGES.untranslated(lang, QA_MESSAGES.figureLost(lang));
      }
    }
    const clean = cleanGeneratedText(sentence, m.passage.text);
    // A brief's translated sentence and the same sentence of the release, translated now, say one thing once.
    const key = fold(clean).replace(/[^\p{L}\p{N}]+/gu, "");
    if (seen.has(key)) continue;
    seen.add(key);
    if (note) notes.add(note);
    parts.push(withMarker(clean, markers([numbers.number(m.passage.releaseId)])));
  }
  const note = notes.size > 0 ? `\n(${[...notes].join("; ")})` : "";
  return { text: `${QA_MESSAGES.extractiveIntro(lang)} ${parts.join(" ")}${note}`, numbers };
}

/** One batch per source language; `undefined` where no translation is needed or possible. */
async function translateForeign(
  picked: PassageMatch[],
  lang: Lang,
  deps: { translator?: Translator | undefined; logger: Logger },
  notes: Set<string>,
): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = picked.map(() => undefined);
  const foreign = picked.map((m, i) => ({ m, i })).filter(({ m }) => m.passage.lang !== lang);
  if (foreign.length === 0) return out;
  const from = foreign[0]!.m.passage.lang;
  const translator = deps.translator;
  const status = translator
    ? await translator.status(from, lang).catch((err: unknown) => ({ available: false as const, reason: String(err) }))
    : { available: false as const, reason: "offline translation is off" };
  if (!translator || !status.available) {
    notes.add(QA_MESSAGES.untranslated(lang, status.available ? "no translator" : status.reason));
    return out;
  }
  try {
    const texts = await translator.translate(
      foreign.map(({ m }) => m.passage.text),
      from,
      lang,
    );
    foreign.forEach(({ i }, k) => {
      out[i] = texts[k];
    });
  } catch (err) {
    deps.logger.warn("offline translation of passages failed", { error: err });
    notes.add(QA_MESSAGES.untranslated(lang, "Apertium failed"));
  }
  return out;
}

/** "… millimètres [1]." rather than "… millimètres. [1]". */
function withMarker(sentence: string, marker: string): string {
  return /[.!?…]$/u.test(sentence) ? sentence.replace(/([.!?…]+)$/u, ` ${marker}$1`) : `${sentence} ${marker}`;
}
