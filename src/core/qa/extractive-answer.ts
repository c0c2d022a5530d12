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
 * of the release's offline translation (made when it was stored), or one in the other language translated now
 * (names, figures and official terms protected), is shown labelled, then followed by the original sentence so the
 * reader can check it; when the translation is unavailable, or loses a figure, the original is quoted as written,
 * and the answer says so. A release NATO published in the asker's language is quoted in NATO's own words.
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
    const stored = m.passage.kind === "translation" ? m.passage.original : undefined;
    // The original sentence and the translation of it (stored with the release, or made now).
    const source = stored ?? { lang: m.passage.lang, text: m.passage.text };
    const translated = stored ? m.passage.text : translations[i];
    let sentence = source.text;
    let note = m.passage.label;
    let original: string | undefined;
    if (translated !== undefined) {
      const from = { ...m.passage, lang: source.lang, text: source.text };
      const lost = unsupportedFacts(translated, lang, [from], undefined, ["number", "date", "time"]);
      if (lost.length === 0) {
        sentence = translated;
        note = QA_MESSAGES.machineTranslation(lang);
        original = QA_MESSAGES.original(lang, source.lang, source.text.trim());
      } else {
        deps.logger.warn("machine translation lost a figure; quoting the original", { lost: lost.map((f) => f.value) });
        note = QA_MESSAGES.untranslated(lang, QA_MESSAGES.figureLost(lang));
      }
    }
    const clean = cleanGeneratedText(sentence, source.text);
    // A brief's translated sentence and the same sentence of the release, translated now, say one thing once.
    const key = fold(clean).replace(/[^\p{L}\p{N}]+/gu, "");
    if (seen.has(key)) continue;
    seen.add(key);
    if (note) notes.add(note);
    const cited = withMarker(clean, markers([numbers.number(m.passage.releaseId)]));
    parts.push(original ? `${cited} ${original}` : cited);
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
  // A stored translation's passage is already in the asker's language (its original travels with it).
  const foreign = picked
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.passage.lang !== lang && m.passage.kind !== "translation");
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
