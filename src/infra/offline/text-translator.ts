import type { Lang } from "../../core/domain/language.js";
import type { Translator, TranslatorStatus } from "../../core/ports/translator.port.js";
import type { PartTranslator } from "./part-translator.js";

/**
 * Any text's segments through the briefs' protected pipeline (glossary terms, names, figures, dates, verb
 * phrases, post-editing rules): what `translate` gives users. Segments are one part, so a name seen in one is
 * protected in all. Closing is the owner of the underlying translator's job.
 */
export class ProtectedTextTranslator implements Translator {
  constructor(
    private readonly raw: Translator,
    private readonly parts: PartTranslator,
  ) {}

  status(from: Lang, to: Lang): Promise<TranslatorStatus> {
    return this.raw.status(from, to);
  }

  async translate(segments: string[], from: Lang, to: Lang): Promise<string[]> {
    if (from === to || segments.length === 0) return [...segments];
    const [headline = "", summary = "", ...keyPoints] = segments;
    const part = await this.parts.translatePart({ headline, summary, keyPoints }, from, to);
    return [part.headline, part.summary, ...part.keyPoints].slice(0, segments.length);
  }

  async close(): Promise<void> {}
}
