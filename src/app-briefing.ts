/**
 * The brief engines and the BriefService over a store, built from the configuration: the part of the composition
 * root that `createApp` and the command line's light commands (`show`) share, so both compute the same brief
 * cache key. The `openai` SDK is loaded only when an LLM is configured.
 */
import { createHash } from "node:crypto";
import type { Config } from "./config.js";
import { BriefService } from "./core/briefing/brief-service.js";
import { CircuitBreaker } from "./core/briefing/circuit-breaker.js";
import type { BriefEngine } from "./core/ports/brief-engine.port.js";
import type { BriefRejectionStore } from "./core/ports/brief-rejection-store.port.js";
import type { Logger } from "./core/ports/logger.port.js";
import type { ReleaseStore } from "./core/ports/release-store.port.js";
import type { Translator } from "./core/ports/translator.port.js";
import type { TrustTools } from "./core/trust/evidence.js";
import { ApertiumLexicon } from "./infra/lexicon/apertium-lexicon.js";
import { loadPrompts, type PromptLibrary } from "./infra/llm/prompt-loader.js";
import { type Glossary, loadGlossary } from "./infra/offline/glossary.js";
import { OfflineBriefEngine } from "./infra/offline/offline-brief-engine.js";
import { createOfflineTranslation, type OfflineTranslation } from "./infra/offline/offline-translation.js";
import { createTrustTools } from "./infra/trust/trust-tools.js";

export interface Briefing {
  briefs: BriefService;
  engines: { primary: BriefEngine; offline: BriefEngine };
  /** Apertium (its pipelines start on first use), or undefined when offline translation is off. */
  translator: Translator | undefined;
  /** The pivots, leak guard, protection and rules behind `translator`; `close()` stops all their processes. */
  translation: OfflineTranslation;
  glossary: Glossary;
  prompts: PromptLibrary;
  /** The fact guard's look-ups (glossary and bilingual lexicon), shared with the Q&A answer check. */
  trust: TrustTools;
  /** The fact guard's bilingual lexicon (loaded on first use; `ready()` builds its cache when missing). */
  lexicon: ApertiumLexicon;
}

export async function createBriefing(
  config: Config,
  logger: Logger,
  store: ReleaseStore,
  rejections: BriefRejectionStore,
): Promise<Briefing> {
  const glossary = loadGlossary();
  // The fact guard's EN↔FR dictionary: read on first use only (never for `help` or `list`).
  const lexicon = new ApertiumLexicon({ logger: logger.child({ component: "lexicon" }) });
  const trust = createTrustTools(glossary, lexicon);
  // Apertium's processes (both pivots, the analysers) start on first use: commands that translate nothing never pay.
  const translation = createOfflineTranslation({
    glossary,
    modesDir: config.offline.apertiumModesDir,
    pivots: config.offline.pivots,
    logger: logger.child({ component: "apertium" }),
  });
  const translator: Translator | undefined =
    config.offline.translation === "apertium" ? translation.translator : undefined;
  const offline = new OfflineBriefEngine({
    translator,
    parts: translation.parts,
    logger,
    // The glossary shapes offline translations: a changed glossary is a new engine version for the cache.
    glossaryVersion: createHash("sha256").update(JSON.stringify(glossary.terms)).digest("hex").slice(0, 8),
  });
  // Prompts load (and are checked) at start-up even without an LLM, so a broken prompt never waits for a key.
  const prompts = loadPrompts();
  let primary: BriefEngine = offline;
  if (config.llm) {
    const { OpenAiBriefEngine } = await import("./infra/llm/openai-brief-engine.js");
    primary = new OpenAiBriefEngine({ ...config.llm, prompts, logger: logger.child({ component: "llm" }) });
  }
  const briefs = new BriefService({
    store,
    primary,
    offline,
    breaker: config.llm ? new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }) : undefined,
    tools: trust,
    rejections,
    logger: logger.child({ component: "briefs" }),
  });
  return { briefs, engines: { primary, offline }, translator, translation, glossary, prompts, trust, lexicon };
}
