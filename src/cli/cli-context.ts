/**
 * What a command reaches for, built on first use: a command that only lists releases never loads the brief
 * engines, the Q&A index, the sources or a chat SDK. Each part is imported when asked for.
 */
import type { App } from "../app.js";
import type { Config } from "../config.js";
import type { BriefService } from "../core/briefing/brief-service.js";
import type { BriefEngine } from "../core/ports/brief-engine.port.js";
import type { Logger } from "../core/ports/logger.port.js";
import type { Qa } from "../infra/qa/build-qa.js";
import type { ReleaseStoreWithStats, Stores } from "../infra/store/stores.js";

/** Questions and answers over the stored releases: what `ask` and `search` need. */
export interface QaParts {
  qa: Qa;
}

/** The store and what briefs its releases: what `show` needs. */
export interface BriefingParts {
  store: ReleaseStoreWithStats;
  briefs: BriefService;
  engines: { primary: BriefEngine; offline: BriefEngine };
}

export interface CliContext {
  /** The configuration (environment and .env); throws ConfigError on a bad value. */
  config(): Promise<Config>;
  logger(): Promise<Logger>;
  /** The release store alone: for commands that read stored releases and briefs. */
  store(): Promise<ReleaseStoreWithStats>;
  /** The store with the brief engines and BriefService: briefs without the Q&A index, sources or chat SDKs. */
  briefing(): Promise<BriefingParts>;
  /**
   * The Q&A service over the store, with the search index and the offline tools (Apertium, the glossary, the
   * lexicon) as `createApp` builds them: no digests, schedule, sources or chat SDKs.
   */
  qa(): Promise<QaParts>;
  /** The whole composition root (`createApp`): ingest, sources, Q&A, digests, chat targets. */
  app(): Promise<App>;
  /** Closes whatever was opened. */
  close(): Promise<void>;
}

/** The configuration is read from the environment by src/config.ts, the only reader of it. */
export function createCliContext(): CliContext {
  let config: Promise<Config> | undefined;
  let logger: Promise<Logger> | undefined;
  /** The stores under `store`: the brief service keeps its rejections beside the releases. */
  let stores: Promise<Stores> | undefined;
  let briefing: Promise<BriefingParts & { close(): Promise<void> }> | undefined;
  let qa: Promise<QaParts & { close(): Promise<void> }> | undefined;
  let app: Promise<App> | undefined;
  const openStoresOnce = () => {
    stores ??= (async () => {
      const [c, l, { openStores }] = await Promise.all([
        ctx.config(),
        ctx.logger(),
        import("../infra/store/stores.js"),
      ]);
      return openStores(c.database, { logger: l.child({ component: "store" }) });
    })();
    return stores;
  };
  const ctx: CliContext = {
    config: () => {
      config ??= import("../config.js").then((m) => m.loadConfig());
      return config;
    },
    logger: () => {
      logger ??= Promise.all([ctx.config(), import("../logger.js")]).then(([c, m]) => m.createLogger(c.logLevel));
      return logger;
    },
    store: () => {
      if (app) return app.then((a) => a.store);
      return openStoresOnce().then((s) => s.releases);
    },
    briefing: () => {
      if (app) throw new Error("a command asks for part of the app after the whole of it: use app() alone");
      if (qa) throw new Error("a command asks for briefs after Q&A: use qa() or app() alone");
      briefing ??= (async () => {
        const [c, l, s, { createBriefing }] = await Promise.all([
          ctx.config(),
          ctx.logger(),
          ctx.store(),
          import("../app-briefing.js"),
        ]);
        const { briefs, engines, translation } = await createBriefing(c, l, s, (await stores!).briefRejections);
        return { store: s, briefs, engines, close: async () => translation.close() };
      })();
      return briefing;
    },
    qa: () => {
      if (app) return app.then((a) => ({ qa: a.qa }));
      if (briefing) throw new Error("a command asks for Q&A after briefs: use qa() or app() alone");
      qa ??= (async () => {
        const [c, l, s, { createQaIndex }, { createBriefing }, { createAppQa }] = await Promise.all([
          ctx.config(),
          ctx.logger(),
          openStoresOnce(),
          import("../infra/qa/build-qa.js"),
          import("../app-briefing.js"),
          import("../app-qa.js"),
        ]);
        // As in createApp: the brief service and the Q&A read and save through the store the index observes.
        const index = createQaIndex(s.releases, l, { translations: s.releaseTranslations, snapshots: s.qaSnapshots });
        const b = await createBriefing(c, l, index.store, s.briefRejections);
        const parts = createAppQa(c, l, index, index.store, b);
        return {
          qa: parts,
          // As createApp closes: the translations and the snapshot first, then Apertium; the stores last (below).
          close: async () => {
            await parts.close();
            await b.translation.close();
          },
        };
      })();
      return qa;
    },
    app: () => {
      if (stores || briefing || qa)
        throw new Error("a command asks for the whole app after a part of it: ask for app() only");
      app ??= Promise.all([ctx.config(), ctx.logger(), import("../app.js")]).then(([c, l, m]) => m.createApp(c, l));
      return app;
    },
    close: async () => {
      // A part that failed to open was reported by the command already: nothing to close, nothing to say twice.
      const opened = <T>(p: Promise<T> | undefined) => p?.catch(() => undefined);
      await (await opened(app))?.close();
      await (await opened(briefing))?.close();
      await (await opened(qa))?.close();
      await (await opened(stores))?.close();
    },
  };
  return ctx;
}

/** A context over an app built elsewhere (a test, a benchmark): every part comes from it; closing is the caller's. */
export function contextOf(app: App): CliContext {
  return {
    config: async () => app.config,
    logger: async () => app.logger,
    store: async () => app.store,
    briefing: async () => ({ store: app.store, briefs: app.briefs, engines: app.engines }),
    qa: async () => ({ qa: app.qa }),
    app: async () => app,
    close: async () => {},
  };
}
