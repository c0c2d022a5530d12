import { CircuitBreaker } from "../../core/briefing/circuit-breaker.js";
import type { Release } from "../../core/domain/release.js";
import type { Clock } from "../../core/ports/clock.port.js";
import type { Logger } from "../../core/ports/logger.port.js";
import type { PosTagger } from "../../core/ports/pos-tagger.port.js";
import type { QaSnapshotStore, ReleaseTranslationStore } from "../../core/ports/qa-index-store.port.js";
import type { ReleaseStore } from "../../core/ports/release-store.port.js";
import type { Translator } from "../../core/ports/translator.port.js";
import type { AnswerModel } from "../../core/qa/answer-model.port.js";
import { ConversationMemory } from "../../core/qa/conversation-memory.js";
import { Coverage } from "../../core/qa/coverage.js";
import type { ModelReading } from "../../core/qa/model-reading.js";
import { observeSaves } from "../../core/qa/observe-saves.js";
import { QaIndexer } from "../../core/qa/qa-indexer.js";
import { QaService } from "../../core/qa/qa-service.js";
import { RateLimiter } from "../../core/qa/rate-limiter.js";
import { Retriever } from "../../core/qa/retriever.js";
import { TranslationQueue } from "../../core/qa/translation-queue.js";
import type { TrustTools } from "../../core/trust/evidence.js";
import type { OpenAiAnswererOptions } from "../llm/openai-answerer.js";
import type { PromptLibrary } from "../llm/prompt-loader.js";
import type { Glossary } from "../offline/glossary.js";
import { PartTranslator } from "../offline/part-translator.js";
import { MiniSearchIndex } from "./minisearch-index.js";
import { ProtectedTranslator } from "./protected-translator.js";

export interface Qa {
  service: QaService;
  /** `ensureReady()` at start-up builds the index from the store; saves through `store` keep it current. */
  indexer: QaIndexer;
  /** Retrieval alone (benchmarks, recall tests). */
  retriever: Retriever;
  /** Offline translation of stored releases into their other language, in the background; undefined without a store. */
  translations: TranslationQueue | undefined;
  /** Finishes (or, with a long backlog, stops) the translations and saves the index snapshot if it changed. */
  close(): Promise<void>;
}

/** Where the index keeps what it needs beyond the releases: translations and its snapshot. */
export interface QaIndexStores {
  translations?: ReleaseTranslationStore | undefined;
  snapshots?: QaSnapshotStore | undefined;
  /** See QaIndexerStores.persistDelayMs: the server saves the snapshot shortly after changes, the CLI at exit. */
  persistDelayMs?: number | undefined;
}

/** What a save through the observed store tells besides the index: the translation queue, once there is one. */
export interface QaIndex {
  indexer: QaIndexer;
  translations: ReleaseTranslationStore | undefined;
  afterReleaseSaved: Set<(release: Release) => void>;
}

/** Past this many releases left to translate, closing stops the queue (the next start resumes it) rather than wait. */
const DRAIN_ON_CLOSE = 20;

/**
 * The search index over `store`, and the same store observed so every release and brief saved through it, by
 * ingest, the source poller or the brief service, updates the index. Give the returned store to everyone.
 */
export function createQaIndex<T extends ReleaseStore>(
  store: T,
  logger: Logger,
  stores: QaIndexStores = {},
): QaIndex & { store: T } {
  const indexer = new QaIndexer(new MiniSearchIndex(), store, logger.child({ component: "qa-index" }), stores);
  const afterReleaseSaved = new Set<(release: Release) => void>();
  const observed = observeSaves(store, {
    onReleaseSaved: async (release) => {
      // Queued, not awaited: the translation is made in the background; the index refresh takes milliseconds.
      for (const listener of afterReleaseSaved) listener(release);
      await indexer.onReleaseSaved(release);
    },
    onBriefSaved: (brief) => indexer.onBriefSaved(brief),
  });
  return { indexer, translations: stores.translations, afterReleaseSaved, store: observed };
}

export interface QaOptions {
  indexer: QaIndexer;
  /** createQaIndex's result: with a translation store, releases saved are translated into their other language. */
  index?: QaIndex | undefined;
  store: ReleaseStore;
  /** Apertium, or undefined when offline translation is off. */
  translator: Translator | undefined;
  /** The briefs' protected translation of parts; built from `translator` and `glossary` when not given. */
  parts?: PartTranslator | undefined;
  glossary: Glossary;
  trust: TrustTools;
  /** Apertium's tagger, for the coverage check (coverage.ts); without one every release is taken to cover. */
  tagger?: PosTagger | undefined;
  llm?: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number } | undefined;
  prompts: PromptLibrary;
  limits: { rateLimitPerHour: number; maxQuestionChars: number; modelReading?: ModelReading };
  logger: Logger;
  clock?: Clock;
}

/** The Q&A use case with its infra: MiniSearch retrieval, offline MT with protected terms, the LLM when configured. */
export function createQa(options: QaOptions): Qa {
  const logger = options.logger.child({ component: "qa" });
  const now = options.clock ? () => options.clock!.now().getTime() : Date.now;
  const translator = new ProtectedTranslator(
    options.translator,
    options.parts ??
      new PartTranslator(options.translator, (text, lang) =>
        options.glossary.findTerms(text, lang).map((m) => ({ ...m, kind: m.term.kind })),
      ),
    options.glossary.edition,
  );
  const retriever = new Retriever({
    indexer: options.indexer,
    store: options.store,
    translator,
    trust: options.trust,
    logger,
  });
  const translations =
    options.index?.translations && options.translator
      ? new TranslationQueue({
          store: options.store,
          translations: options.index.translations,
          translator,
          onTranslated: (id) => options.indexer.onTranslationSaved(id),
          logger: logger.child({ component: "qa-translations" }),
        })
      : undefined;
  if (translations) options.index?.afterReleaseSaved.add((release) => translations.onReleaseSaved(release));
  const service = new QaService({
    retriever,
    memory: new ConversationMemory({ now }),
    limiter: new RateLimiter({ limit: options.limits.rateLimitPerHour, now }),
    maxQuestionChars: options.limits.maxQuestionChars,
    modelReading: options.limits.modelReading,
    model: options.llm ? lazyAnswerer({ ...options.llm, prompts: options.prompts, logger }) : undefined,
    breaker: options.llm ? new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000, now }) : undefined,
    translator,
    trust: options.trust,
    coverage: options.tagger
      ? new Coverage({
          tagger: options.tagger,
          trust: options.trust,
          vocabulary: options.indexer.index,
          logger: logger.child({ component: "coverage" }),
        })
      : undefined,
    clock: options.clock,
    logger,
  });
  const close = async () => {
    if (translations && translations.size > DRAIN_ON_CLOSE) {
      logger.info("stopping the offline translation of stored releases; the next start resumes it", {
        left: translations.size,
      });
      await translations.stop();
    } else await translations?.idle();
    await options.indexer.flush();
  };
  return { service, indexer: options.indexer, retriever, translations, close };
}

/**
 * The OpenAI answerer, its SDK imported at the first question: commands that never ask one (brief, ingest,
 * digest) do not load `openai`. The prompt is still checked now, so a broken one fails at start-up.
 */
function lazyAnswerer(options: OpenAiAnswererOptions): AnswerModel {
  options.prompts.get("answer");
  let model: Promise<AnswerModel> | undefined;
  return {
    id: `llm:${options.model}`,
    async answer(request) {
      model ??= import("../llm/openai-answerer.js").then((m) => new m.OpenAiAnswerer(options));
      return (await model).answer(request);
    },
  };
}
