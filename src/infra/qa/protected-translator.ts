import type { Lang } from "../../core/domain/language.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import { spelledOutOne } from "../../core/qa/answer-check.js";
import type { PartTranslator } from "../offline/part-translator.js";

/**
 * Offline MT of questions and quoted passages with the brief pipeline's protections: official NATO terms,
 * figures with their magnitudes ("10 milliards de dollars" → "10 billion dollars"), dates and names are rendered
 * by rule, Apertium translates the rest. Closing is the underlying translator's owner's job.
 */
/**
 * Bump when what this pipeline does by rule changes (term, figure, date or name protection, leak repair, number
 * localisation): stored offline translations record it (with the glossary's edition) and are made again in the
 * background, served as they are meanwhile (translation-queue.ts).
 */
export const OFFLINE_RULES_EDITION = 1;

export class ProtectedTranslator implements Translator {
  /** `glossary`: the edition of the glossary the parts are protected with (glossary.ts `edition`). */
  private readonly stamp: string;

  constructor(
    private readonly raw: Translator | undefined,
    private readonly parts: PartTranslator,
    glossary?: string,
  ) {
    this.stamp = ` + protected terms (rules ${OFFLINE_RULES_EDITION}${glossary ? `, glossary ${glossary}` : ""})`;
  }

  async status(from: Lang, to: Lang): Promise<TranslatorStatus> {
    if (!this.raw) {
      return {
        available: false,
        reason: "offline translation is turned off (OFFLINE_TRANSLATION=off)",
      };
    }
    const status = await this.raw.status(from, to);
    // The pipeline names what made a translation: the same Apertium chain under other rules is another pipeline.
    return status.available && from !== to ? { ...status, pipeline: `${status.pipeline}${this.stamp}` } : status;
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
