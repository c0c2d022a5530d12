/**
 * The Q&A part of the composition root: what `createApp` and the command line's `ask` and `search` share, so both
 * answer with the same parts. The command line builds this alone (see cli-context.ts): a question needs the store,
 * the search index and the offline tools, not the digests, their schedule, the sources or the chat targets.
 */
import type { Briefing } from "./app-briefing.js";
import type { Config } from "./config.js";
import type { Logger } from "./core/ports/logger.port.js";
import type { ReleaseStore } from "./core/ports/release-store.port.js";
import { createQa, type Qa, type QaIndex } from "./infra/qa/build-qa.js";

/** Q&A over `store` (the store the index observes, or one that observes it in turn) with the briefing's tools. */
export function createAppQa(
  config: Config,
  logger: Logger,
  index: QaIndex,
  store: ReleaseStore,
  briefing: Briefing,
): Qa {
  return createQa({
    indexer: index.indexer,
    index,
    store,
    translator: briefing.translator,
    parts: briefing.translation.parts,
    glossary: briefing.glossary,
    trust: briefing.trust,
    tagger: briefing.translation.tagger,
    llm: config.llm,
    prompts: briefing.prompts,
    limits: config.qa,
    logger,
  });
}
