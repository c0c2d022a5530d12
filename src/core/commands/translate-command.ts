import type { Provenance } from "../domain/brief.js";
import { type Lang, otherLang } from "../domain/language.js";
import type { Translation } from "../domain/translation.js";
import { detectLanguage } from "../ingest/detect-language.js";
import type { Translator } from "../ports/translator.port.js";
import { INPUT_LIMITS, tooLong } from "./input-limits.js";

/** Longest text `translate` takes in a chat; the command line takes more (MAX_CLI_TRANSLATE_CHARS). */
export const MAX_TRANSLATE_CHARS = INPUT_LIMITS.translateChars;
export const MAX_CLI_TRANSLATE_CHARS = 50_000;

export const MACHINE_LABEL: Record<Lang, string> = {
  en: "Machine translation (offline, Apertium): may contain errors",
  fr: "Traduction automatique (hors ligne, Apertium) : peut contenir des erreurs",
};

export class TranslateError extends Error {
  override readonly name = "UsageError";
}

/**
 * Translates a user's text between English and French with the briefs' offline pipeline (names, figures, dates
 * and NATO's official terms protected), paragraph by paragraph. The source language is detected unless given.
 * Too long, empty or same-language requests are refused with the reason; a missing Apertium is reported, labelled.
 */
export async function translateText(
  translator: Translator | undefined,
  request: { text: string; from?: Lang | undefined; to?: Lang | undefined; maxChars?: number },
): Promise<Translation> {
  const source = request.text.replace(/\r\n?/g, "\n").trim();
  const max = request.maxChars ?? MAX_TRANSLATE_CHARS;
  if (!source) throw new TranslateError("translate needs some text");
  if (source.length > max) {
    throw new TranslateError(tooLong("The text to translate", source.length, max));
  }
  const from = request.from ?? (request.to ? otherLang(request.to) : guessLanguage(source));
  const to = request.to ?? otherLang(from);
  if (from === to) throw new TranslateError(`translate goes between English and French (got ${from} to ${to})`);
  const unavailable = (reason: string): Translation => ({
    from,
    to,
    source,
    text: "",
    provenance: {
      kind: "unavailable",
      label: to === "en" ? "Translation unavailable" : "Traduction indisponible",
      reason,
    },
  });
  if (!translator) return unavailable("offline translation is turned off (OFFLINE_TRANSLATION=off)");
  const status = await translator.status(from, to);
  if (!status.available) return unavailable(status.reason);
  // Paragraphs are translated apart and put back with the blank lines between them.
  const paragraphs = source.split(/\n\s*\n/);
  const lines = paragraphs.map((p) => p.replace(/\s*\n\s*/g, " ").trim());
  const translated = await translator.translate(lines, from, to);
  const provenance: Provenance = { kind: "machine-offline", label: MACHINE_LABEL[to], model: status.pipeline };
  return { from, to, source, text: translated.join("\n\n"), provenance };
}

/**
 * The language of a request: the detector when the text is long enough for it, else French when it has French
 * letters or function words ("L'OTAN a dit"), English otherwise ("NATO said").
 */
function guessLanguage(text: string): Lang {
  try {
    return detectLanguage(text);
  } catch {
    return /[éèêàçùâîôûœ]|(?:^|[^\p{L}])(?:(?:le|la|les|des|du|et|est|une?|au|aux|pour|dans|avec)(?=[^\p{L}]|$)|[ld]['’]\p{L})/iu.test(
      text,
    )
      ? "fr"
      : "en";
  }
}
