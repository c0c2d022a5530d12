import type { Lang } from "../../core/domain/language.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import { spelledOutOne } from "../../core/qa/answer-check.js";
import type { PartTranslator } from "../offline/part-translator.js";

/**
 * Offline MT of questions and quoted passages with the brief pipeline's protections: official NATO terms,
 * figures with their magnitudes ("10 milliards de dollars" → "10 billion dollars"), dates and names are rendered
 * by rule, Apertium translates the rest. Closing is the underlying translator's owner's job.
 */
export class ProtectedTranslator implements Translator {
  constructor(
    private readonly raw: Translator | undefined,
    private readonly parts: PartTranslator,
  ) {}

  status(from: Lang, to: Lang): Promise<TranslatorStatus> {
    if (!this.raw) {
      return Promise.resolve({
        available: false,
        reason: "offline translation is turned off (OFFLINE_TRANSLATION=off)",
      });
    }
    return this.raw.status(from, to);
  }

  async translate(segments: string[], from: Lang, to: Lang): Promise<string[]> {
    if (from === to || segments.length === 0) return [...segments];
    // PartTranslator works on brief parts; a part is just a list of segments in order.
    const prepared = segments.map((t) => spelledOutOne(t, from));
    const [headline = "", summary = "", ...keyPoints] = prepared;
    const part = await this.parts.translatePart({ headline, summary, keyPoints }, from, to);
    return [part.headline, part.summary, ...part.keyPoints]
      .slice(0, segments.length)
      .map((out, i) => localiseNumbers(prepared[i] ?? "", out, from, to));
  }

  async close(): Promise<void> {}
}

// Plain figures pass through Apertium as written: "90,000" would read as ninety in French, "20 000" looks odd in English.
const GROUPED: Record<Lang, RegExp> = {
  en: /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b/g,
  fr: /\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?\b/g,
};
const DECIMAL: Record<Lang, RegExp> = { en: /\b\d+\.\d+\b/g, fr: /\b\d+,\d+\b/g };

/** Writes the source's plain grouped and decimal numbers the target language's way in the translation. */
function localiseNumbers(source: string, translated: string, from: Lang, to: Lang): string {
  let out = translated;
  const convert = (n: string) =>
    from === "en"
      ? n.replace(/,/g, "\u00a0").replace(/\.(?=\d+$)/, ",")
      : n.replace(/[ \u00a0\u202f]/g, ",").replace(/,(?=\d{1,2}$|\d{4,}$)/, ".");
  const spellings = new Set([...(source.match(GROUPED[from]) ?? []), ...(source.match(DECIMAL[from]) ?? [])]);
  for (const n of [...spellings].sort((a, b) => b.length - a.length)) {
    if (from !== to && out.includes(n)) out = out.split(n).join(convert(n));
  }
  return out;
}
