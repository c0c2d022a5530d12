import { summarize } from "../../core/briefing/extractive-summarizer.js";
import type { BriefPart, Provenance } from "../../core/domain/brief.js";
import { type Lang, otherLang } from "../../core/domain/language.js";
import type { Release } from "../../core/domain/release.js";
import { originalText } from "../../core/domain/release.js";
import type { BriefEngine, EngineBrief } from "../../core/ports/brief-engine.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import { silentLogger } from "../../core/ports/logger.port.js";
import type { Translator } from "../../core/ports/translator.port.js";
import type { PartTranslator } from "./part-translator.js";

// Bumped whenever offline output changes (it is part of the brief cache key). 5: pivot per direction, leak guard,
// names narrowed by Apertium's dictionaries, post-editing rules, verb phrases, dates with their preposition.
// 6: a first name that is a common word (« Rose ») stays with its surname.
export const OFFLINE_ENGINE_VERSION = "extractive-6";

const INSTALL_HINT = "apt-get install apertium apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eng-cat";

/**
 * The engine that needs no key: an extract of each official text, and for a language NATO did not publish,
 * Apertium's translation of that extract, labelled as machine translation. Without Apertium it says so.
 */
export class OfflineBriefEngine implements BriefEngine {
  readonly id = "offline";
  readonly kind = "offline" as const;
  readonly promptVersion: string;
  private readonly logger: Logger;

  constructor(
    private readonly deps: {
      translator?: Translator | undefined;
      parts: PartTranslator;
      logger?: Logger;
      glossaryVersion: string;
    },
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.promptVersion = `${OFFLINE_ENGINE_VERSION}+glossary-${deps.glossaryVersion}`;
  }

  async brief(release: Release): Promise<EngineBrief> {
    const source = release.sourceLanguage;
    const target = otherLang(source);
    const parts = {} as Record<Lang, BriefPart>;
    const provenance = {} as Record<Lang, Provenance>;

    parts[source] = summarize(originalText(release));
    const official = release.texts[target];
    // A release NATO published in both languages: both extracts come from official NATO texts.
    provenance[source] = official
      ? { kind: "official", label: LABELS.officialOriginal[source] }
      : { kind: "source", label: LABELS.source[source] };

    if (official) {
      parts[target] = summarize(official);
      provenance[target] = { kind: "official", label: LABELS.official[target] };
    } else {
      const translated = await this.translate(parts[source], source, target);
      parts[target] = translated.part;
      provenance[target] = translated.provenance;
    }
    return { parts, provenance, usage: null };
  }

  private async translate(part: BriefPart, from: Lang, to: Lang): Promise<{ part: BriefPart; provenance: Provenance }> {
    const translator = this.deps.translator;
    const status = translator
      ? await translator.status(from, to)
      : { available: false as const, reason: "offline translation is turned off (OFFLINE_TRANSLATION=off)" };
    if (translator && status.available) {
      try {
        return {
          part: await this.deps.parts.translatePart(part, from, to),
          provenance: { kind: "machine-offline", label: LABELS.machine[to], model: status.pipeline },
        };
      } catch (err) {
        this.logger.warn("offline translation failed", { from, to, error: err });
        return unavailable(part, to, `Apertium failed: ${(err as Error).message}`);
      }
    }
    return unavailable(part, to, status.available ? "no translator" : status.reason);
  }
}

function unavailable(part: BriefPart, to: Lang, reason: string): { part: BriefPart; provenance: Provenance } {
  const text =
    to === "en"
      ? {
          headline: "English translation unavailable",
          summary: `No English text could be produced: ${reason}. To get offline translation, install Apertium (${INSTALL_HINT}); or configure a language model (OPENAI_API_KEY). The key points below are in the original French.`,
        }
      : {
          headline: "Traduction française indisponible",
          summary: `Aucun texte français n'a pu être produit : ${reason}. Pour la traduction hors ligne, installez Apertium (${INSTALL_HINT}) ou configurez un modèle de langue (OPENAI_API_KEY). Les points clés ci-dessous sont dans l'original anglais.`,
        };
  return {
    part: { ...text, keyPoints: part.keyPoints },
    provenance: { kind: "unavailable", label: LABELS.unavailable[to], reason },
  };
}

const LABELS = {
  source: { en: "Extract of the original English text", fr: "Extrait du texte original en français" },
  official: {
    en: "Extract of NATO's official English translation",
    fr: "Extrait de la traduction officielle de l'OTAN",
  },
  officialOriginal: {
    en: "Extract of NATO's original English text",
    fr: "Extrait du texte original de l'OTAN en français",
  },
  machine: {
    en: "Machine translation (offline, Apertium): may contain errors",
    fr: "Traduction automatique (hors ligne, Apertium) : peut contenir des erreurs",
  },
  unavailable: { en: "Translation unavailable", fr: "Traduction indisponible" },
} satisfies Record<string, Record<Lang, string>>;
