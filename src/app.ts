/**
 * Composition root shared by `npm start` and the CLI: builds the core services from the configuration and
 * owns their lifetime. The only place where infra implementations meet core ports.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { Config } from "./config.js";
import { BriefService } from "./core/briefing/brief-service.js";
import { CircuitBreaker } from "./core/briefing/circuit-breaker.js";
import { IngestService } from "./core/ingest/ingest-service.js";
import type { BriefEngine } from "./core/ports/brief-engine.port.js";
import type { Logger } from "./core/ports/logger.port.js";
import type { Translator } from "./core/ports/translator.port.js";
import { OpenAiBriefEngine } from "./infra/llm/openai-brief-engine.js";
import { loadPrompts } from "./infra/llm/prompt-loader.js";
import { ApertiumTranslator } from "./infra/offline/apertium-translator.js";
import { loadGlossary } from "./infra/offline/glossary.js";
import { OfflineBriefEngine } from "./infra/offline/offline-brief-engine.js";
import { PartTranslator } from "./infra/offline/part-translator.js";
import { HttpFetcher } from "./infra/sources/http-fetcher.js";
import { openDatabase } from "./infra/store/sqlite.js";
import { SqliteReleaseStore } from "./infra/store/sqlite-release-store.js";

export interface App {
  config: Config;
  logger: Logger;
  /** The SQLite handle, for infra repositories that live beside the release store. */
  db: Database.Database;
  store: SqliteReleaseStore;
  briefs: BriefService;
  ingest: IngestService;
  engines: { primary: BriefEngine; offline: BriefEngine };
  close(): Promise<void>;
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const db = openDatabase(config.databasePath);
  const store = new SqliteReleaseStore(db);
  const glossary = loadGlossary();
  const translator: Translator | undefined =
    config.offline.translation === "apertium"
      ? new ApertiumTranslator({
          modesDir: config.offline.apertiumModesDir,
          logger: logger.child({ component: "apertium" }),
        })
      : undefined;
  const offline = new OfflineBriefEngine({
    translator,
    parts: new PartTranslator(translator, (text, lang) =>
      glossary.findTerms(text, lang).map((m) => ({ ...m, kind: m.term.kind })),
    ),
    logger,
    // The glossary shapes offline translations: a changed glossary is a new engine version for the cache.
    glossaryVersion: createHash("sha256").update(JSON.stringify(glossary.terms)).digest("hex").slice(0, 8),
  });
  // Prompts load (and are checked) at start-up even without an LLM, so a broken prompt never waits for a key.
  const prompts = loadPrompts();
  const primary: BriefEngine = config.llm
    ? new OpenAiBriefEngine({ ...config.llm, prompts, logger: logger.child({ component: "llm" }) })
    : offline;
  const briefs = new BriefService({
    store,
    primary,
    offline,
    breaker: config.llm ? new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }) : undefined,
    equivalents: (text, from, to) => glossary.findTerms(text, from).map((m) => (to === from ? m.source : m.target)),
    logger: logger.child({ component: "briefs" }),
  });
  const fetcher = new HttpFetcher({ allowedHosts: config.sources.allowedHosts, logger });
  const ingest = new IngestService({ store, fetcher, logger: logger.child({ component: "ingest" }) });
  return {
    config,
    logger,
    db,
    store,
    briefs,
    ingest,
    engines: { primary, offline },
    async close() {
      await translator?.close();
      store.close();
    },
  };
}
