import type { Lang } from "../../core/domain/language.js";
import { type Logger, silentLogger } from "../../core/ports/logger.port.js";
import type { Translator } from "../../core/ports/translator.port.js";
import { ApertiumTagger } from "./apertium-tagger.js";
import { ApertiumTranslator, type Direction } from "./apertium-translator.js";
import type { Glossary } from "./glossary.js";
import { GuardedTranslator } from "./guarded-translator.js";
import { LeakDetector } from "./leak-detector.js";
import { createAnalysers } from "./morph-analyser.js";
import { PartTranslator } from "./part-translator.js";
import { DEFAULT_PIVOTS, PIVOT_CHAINS, type PivotId } from "./pivots.js";
import { createMtRules } from "./rules/index.js";
import { ProtectedTextTranslator } from "./text-translator.js";

export interface OfflineTranslationOptions {
  glossary: Glossary;
  modesDir?: string | undefined;
  /** The pivot per direction; defaults to the measured best (DEFAULT_PIVOTS). */
  pivots?: Partial<Record<Direction, PivotId>> | undefined;
  /** Check every output for a pivot's or the source's words (default on; off only to measure what it does). */
  leakGuard?: boolean;
  logger?: Logger;
}

/** Offline English↔French translation as the briefs, Q&A and the `translate` command use it. */
export interface OfflineTranslation {
  /** Segment by segment through the chosen pivot and the leak guard (placeholders pass through untouched). */
  translator: GuardedTranslator;
  /** Brief parts with names, figures, dates and glossary terms protected, and the post-editing rules. */
  parts: PartTranslator;
  /** Any text's segments through `parts`: what the `translate` command gives. */
  text: Translator;
  /** Part-of-speech tagging of questions and release sentences (Q&A coverage), started on first use. */
  tagger: ApertiumTagger;
  close(): Promise<void>;
}

/**
 * Builds the Apertium pipelines (one long-lived process per pivot and direction, started on first use) and the
 * analysers the leak guard and name protection ask (one `lt-proc` per installed dictionary, also started on use).
 */
export function createOfflineTranslation(options: OfflineTranslationOptions): OfflineTranslation {
  const logger = options.logger ?? silentLogger;
  const { modesDir } = options;
  const analysers = createAnalysers({ modesDir, logger });
  const pivot = (id: PivotId) =>
    new ApertiumTranslator({ chains: PIVOT_CHAINS[id], modesDir, logger: logger.child({ pivot: id }) });
  const translator = new GuardedTranslator({
    pivots: { es: pivot("es"), ca: pivot("ca") },
    choice: { ...DEFAULT_PIVOTS, ...options.pivots },
    detector: options.leakGuard === false ? undefined : new LeakDetector(analysers),
    logger,
  });
  const tagger = new ApertiumTagger({ modesDir, logger: logger.child({ component: "tagger" }) });
  const glossary = options.glossary;
  const parts = new PartTranslator(
    translator,
    (text, lang) => glossary.findTerms(text, lang).map((m) => ({ ...m, kind: m.term.kind })),
    {
      lexicon: (words: readonly string[], lang: Lang) => analysers[lang].lookup(words),
      rules: createMtRules(glossary.terms),
    },
  );
  return {
    translator,
    parts,
    text: new ProtectedTextTranslator(translator, parts),
    tagger,
    async close() {
      await Promise.all([translator.close(), tagger.close(), ...Object.values(analysers).map((a) => a.close())]);
    },
  };
}
