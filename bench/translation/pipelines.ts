import type { Lang } from "../../src/core/domain/language.js";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import {
  createOfflineTranslation,
  type OfflineTranslationOptions,
} from "../../src/infra/offline/offline-translation.js";
import { PIVOT_CHAINS } from "../../src/infra/offline/pivots.js";

export interface Pipeline {
  what: string;
  /** Translates one release's lines (title first) in one direction. */
  translate(lines: string[], from: Lang, to: Lang): Promise<string[]>;
  close(): Promise<void>;
}

/** The app's own composition (src/infra/offline/offline-translation.ts): a release is one brief part. */
function app(what: string, options: Omit<OfflineTranslationOptions, "glossary"> = {}): Pipeline {
  // TRANSLATION_GLOSSARY: another glossary file, to see what the glossary alone is worth.
  const glossary = process.env.TRANSLATION_GLOSSARY ? loadGlossary(process.env.TRANSLATION_GLOSSARY) : loadGlossary();
  const offline = createOfflineTranslation({ glossary, ...options });
  return {
    what,
    async translate(lines, from, to) {
      const [headline = "", summary = "", ...keyPoints] = lines;
      const p = await offline.parts.translatePart({ headline, summary, keyPoints }, from, to);
      return [p.headline, p.summary, ...p.keyPoints].slice(0, lines.length);
    },
    close: () => offline.close(),
  };
}

/** Apertium alone, line by line: a fixed reference that no change of ours moves. */
function bare(what: string, pivot: "es" | "ca"): Pipeline {
  const raw = new ApertiumTranslator({ chains: PIVOT_CHAINS[pivot] });
  return { what, translate: (lines, from, to) => raw.translate(lines, from, to), close: () => raw.close() };
}

const ES = { "en-fr": "es", "fr-en": "es" } as const;
const CA = { "en-fr": "ca", "fr-en": "ca" } as const;

export const PIPELINES: Record<string, () => Pipeline> = {
  app: () => app("what users get: the pivot chosen per direction (DEFAULT_PIVOTS), leak guard, protection, rules"),
  "app-es": () => app("the same through Spanish both ways", { pivots: ES }),
  "app-ca": () => app("the same through Catalan both ways", { pivots: CA }),
  "app-es-noguard": () => app("through Spanish, without the leak guard", { pivots: ES, leakGuard: false }),
  "app-ca-noguard": () => app("through Catalan, without the leak guard", { pivots: CA, leakGuard: false }),
  "bare-es": () => bare("bare Apertium via Spanish (no protection, no guard, no rules)", "es"),
  "bare-ca": () => bare("bare Apertium via Catalan (no protection, no guard, no rules)", "ca"),
};
