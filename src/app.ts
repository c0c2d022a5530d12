/**
 * Composition root shared by `npm start` and the CLI: builds the core services from the configuration and
 * owns their lifetime. The only place where infra implementations meet core ports.
 */
import { ConsoleChatTarget } from "../adapters/console/console-chat-target.js";
import type { SlackInstalls } from "../adapters/slack/oauth/index.js";
import type { TeamsClient } from "../adapters/teams/index.js";
import { createBriefing } from "./app-briefing.js";
import { type Coordination, createCoordination } from "./app-coordination.js";
import { createAppQa } from "./app-qa.js";
import type { Config } from "./config.js";
import type { BriefService } from "./core/briefing/brief-service.js";
import { CommandHandler } from "./core/commands/command-handler.js";
import { announceSaves } from "./core/coordination/index-sync.js";
import { createDigests, type Digests } from "./core/digest/index.js";
import { IngestService } from "./core/ingest/ingest-service.js";
import type { BriefEngine } from "./core/ports/brief-engine.port.js";
import type { ChatTarget } from "./core/ports/chat-target.port.js";
import { systemClock } from "./core/ports/clock.port.js";
import type { ConversationRefStore } from "./core/ports/conversation-ref-store.port.js";
import type { EventDedupe } from "./core/ports/event-dedupe.port.js";
import type { FeedbackStore } from "./core/ports/feedback-store.port.js";
import type { Logger } from "./core/ports/logger.port.js";
import type { PreferenceStore } from "./core/ports/preference-store.port.js";
import type { Translator } from "./core/ports/translator.port.js";
import { observeSaves } from "./core/qa/observe-saves.js";
import type { ApertiumLexicon } from "./infra/lexicon/apertium-lexicon.js";
import { createQaIndex, type Qa } from "./infra/qa/build-qa.js";
import { NodeCronScheduler } from "./infra/schedule/node-cron-scheduler.js";
import type { Sources } from "./infra/sources/build-sources.js";
import { openStores, type ReleaseStoreWithStats, type Stores } from "./infra/store/stores.js";

export interface App {
  config: Config;
  logger: Logger;
  /** Every store port on the configured database (SQLite file or PostgreSQL server); `health()` for /healthz. */
  stores: Stores;
  /** The release store, observed so every save keeps the Q&A index current: use this one, not `stores.releases`. */
  store: ReleaseStoreWithStats;
  briefs: BriefService;
  ingest: IngestService;
  engines: { primary: BriefEngine; offline: BriefEngine };
  /**
   * Release sources (NATO site, feeds, pages) and the poller over them, built at the first call (the HTML and
   * XML parsers load then: a command that never fetches a page never loads them); polling is started by its caller.
   */
  sources(): Promise<Sources>;
  /** Digest subscriptions, delivery and schedule; `npm start` starts the schedule. */
  digests: Digests;
  /** Where digests go, by platform: "console" always; the Slack and Teams adapters add theirs. */
  chatTargets: Map<string, ChatTarget>;
  /** Users' language choices, 👍/👎 on briefs, and chat events already handled (Slack redeliveries). */
  preferences: PreferenceStore;
  feedback: FeedbackStore;
  seenEvents: EventDedupe;
  /** Conversation references for proactive posts (Teams digests). */
  conversationRefs: ConversationRefStore;
  /** Distributed Slack (SLACK_CLIENT_ID): the installations, tokens sealed, and each one's bot token. */
  slackInstalls?: SlackInstalls | undefined;
  /** The Bot Framework connection when Teams is configured (botbuilder is loaded only then). */
  teams?: TeamsClient | undefined;
  /** Questions and answers over the stored releases (`ask`, `search`); `qa.indexer.ensureReady()` warms it up. */
  qa: Qa;
  /** The fact guard's bilingual lexicon (loaded on first use; `ready()` builds its cache when missing). */
  lexicon: ApertiumLexicon;
  /** Replicas: the poller's leader lock and the release feed (PostgreSQL), or their one-process stand-ins. */
  coordination: Coordination;
  /** The platform-neutral entry point of every chat surface (console, Slack, Teams). */
  commands: CommandHandler;
  /** Offline English↔French translation of any text (`translate`); undefined when OFFLINE_TRANSLATION=off. */
  textTranslator: Translator | undefined;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Save the Q&A index snapshot this long after a change (the server); without it, at close only (the CLI). */
  persistDelayMs?: number | undefined;
}

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const stores = await openStores(config.database, { logger: logger.child({ component: "store" }) });
  // Every release and brief saved through `store`, by whoever, keeps the Q&A search index current (and queues the
  // offline translation of a release NATO published in one language).
  const qaIndex = createQaIndex(stores.releases, logger, {
    translations: stores.releaseTranslations,
    snapshots: stores.qaSnapshots,
    persistDelayMs: options.persistDelayMs,
  });
  const coordination = await createCoordination(config, logger);
  // …and, with replicas, tells the others, whose indexes re-read the release from the shared store.
  const store =
    coordination.kind === "local"
      ? qaIndex.store
      : observeSaves(qaIndex.store, announceSaves(coordination.releases, logger));
  const briefing = await createBriefing(config, logger, store, stores.briefRejections);
  const { briefs, engines, translator, translation, lexicon } = briefing;
  const textTranslator: Translator | undefined = translator ? translation.text : undefined;
  let built: Promise<Sources> | undefined;
  const sources = () => {
    built ??= import("./infra/sources/build-sources.js").then((m) =>
      m.createSources(config.sources, { state: stores.sourceState, store, logger }),
    );
    return built;
  };
  // A pasted URL is read like a polled page: politely, and paired with NATO's other-language version.
  const ingest = new IngestService({
    store,
    pages: async (url) => (await sources()).ingestUrl(url),
    logger: logger.child({ component: "ingest" }),
  });
  const chatTargets = new Map<string, ChatTarget>([["console", new ConsoleChatTarget()]]);
  // Slack's modules (Web API client, OAuth installs) load only when Slack is configured: the command line starts
  // faster without them.
  const slackInstalls =
    config.slack?.oauth && config.tokenKeys
      ? (await import("../adapters/slack/oauth/index.js")).createSlackInstalls(
          { oauth: config.slack.oauth, apiUrl: config.slack.apiUrl },
          config.tokenKeys,
          { records: stores.installations, logger },
        )
      : undefined;
  if (config.slack) {
    const { SlackChatTarget } = await import("../adapters/slack/slack-chat-target.js");
    chatTargets.set(
      "slack",
      new SlackChatTarget({
        botToken: config.slack.botToken,
        tokens: slackInstalls?.tokens,
        apiUrl: config.slack.apiUrl,
        postsPerMinute: config.slack.postsPerMinute,
        logger,
      }),
    );
  }
  const conversationRefs = stores.conversationRefs;
  let teams: TeamsClient | undefined;
  if (config.teams) {
    const { createTeamsClient } = await import("../adapters/teams/index.js");
    teams = createTeamsClient(config.teams, { logger });
    chatTargets.set("teams", teams.chatTarget(conversationRefs));
  }
  const scheduler = new NodeCronScheduler(logger.child({ component: "scheduler" }));
  const digests = createDigests({
    store,
    briefs,
    subscriptionStore: stores.subscriptions,
    ledger: stores.ledger,
    scheduler,
    targets: chatTargets,
    clock: systemClock,
    logger,
    defaultTimezone: config.digest.timezone,
    postWhenEmpty: config.digest.postWhenEmpty,
    catchUpMs: config.digest.catchUpHours * 3600_000,
    leaseMs: config.digest.leaseMs,
    resumeEveryMs: config.digest.resumeIntervalMs,
  });
  const qa = createAppQa(config, logger, qaIndex, store, briefing);
  const { preferences, feedback } = stores;
  const commands = new CommandHandler({
    store,
    briefs,
    ingest,
    subscriptions: digests.subscriptions,
    preferences,
    feedback,
    qa: qa.service,
    translator: textTranslator,
  });
  return {
    qa,
    lexicon,
    coordination,
    commands,
    textTranslator,
    config,
    logger,
    stores,
    store,
    briefs,
    ingest,
    engines,
    sources,
    digests,
    chatTargets,
    preferences,
    feedback,
    seenEvents: stores.seenEvents,
    conversationRefs,
    slackInstalls,
    teams,
    async close() {
      digests.schedule.stop();
      scheduler.close();
      await qa.close();
      await translation.close();
      await coordination.close();
      // PostgreSQL: the pool ends, and with it every session lock this process held.
      await stores.close();
    },
  };
}
