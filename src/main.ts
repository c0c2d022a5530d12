/**
 * `npm start`: serves everything configured on PORT. On embedded defaults (no Slack, no Teams) it stores the
 * bundled sample release(s) when the store is empty, prints the latest brief, and, with a terminal attached,
 * opens the console chat.
 */
import fs from "node:fs";
import path from "node:path";
import { runConsoleChat } from "../adapters/console/console-chat.js";
import { renderBriefText } from "../adapters/console/render/brief-text.js";
import { type SlackAdapter, startSlack } from "../adapters/slack/slack-app.js";
import { type App, createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { followReleaseChanges } from "./core/coordination/index-sync.js";
import { LeaderElection } from "./core/coordination/leader-election.js";
import { resumeTranslationsWhenLeading } from "./core/qa/translation-leader.js";
import { createHttpServer } from "./http/server.js";
import { schedulePolling } from "./infra/sources/poll-schedule.js";
import { createLogger } from "./logger.js";
import { packageRoot } from "./package-root.js";
import { installProcessGuards } from "./process-guard.js";

const SAMPLES_DIR = path.join(packageRoot(), "samples");

async function seedSamples(app: App): Promise<void> {
  if ((await app.store.countReleases()) > 0 || !fs.existsSync(SAMPLES_DIR)) return;
  for (const file of fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt"))) {
    try {
      const { release } = await app.ingest.fromText(fs.readFileSync(path.join(SAMPLES_DIR, file), "utf8"));
      app.logger.info("stored bundled sample release", { file, releaseId: release.id });
    } catch (err) {
      app.logger.warn("could not store a bundled sample", { file, error: err });
    }
  }
}

/** Which database, whether it answers, and (when it does) how many releases it holds. */
async function storeHealth(app: App): Promise<Record<string, unknown>> {
  const health = await app.stores.health();
  if (!health.reachable) {
    app.logger.warn("health check: the database does not answer", { store: health.store, error: health.error });
    return { status: "degraded", store: health.store, storeReachable: false };
  }
  const releases = await app.store.countReleases().catch(() => undefined);
  return { store: health.store, storeReachable: true, releases };
}

const USAGE = `nato-brief server — npm start [-- --help]

Serves everything configured on PORT (default 3000): POST /slack/events (Slack), POST /api/messages (Teams),
GET /healthz; with SLACK_CLIENT_ID also GET /slack/install ("Add to Slack") and GET /slack/oauth_redirect. With no Slack or Teams configured it stores the bundled sample release when the store is empty,
prints the latest brief, and opens the console chat when a terminal is attached (type "help").
Scheduled digests and source polling run in the same process.

Configuration comes from the environment or .env (see .env.example); nothing is required.
One-off commands: npx nato-brief help (or npm run --silent cli -- help)`;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const consoleChat = !config.slack && !config.teams && Boolean(process.stdin.isTTY);
  const logger = createLogger(consoleChat && !config.logLevelExplicit ? "warn" : config.logLevel);
  const guards = installProcessGuards(logger);
  const app = await createApp(config, logger, { persistDelayMs: 10_000 });
  const handler = app.commands;
  let slack: SlackAdapter | undefined;
  let election: LeaderElection | undefined;
  const http = createHttpServer(logger, async () => ({
    ...(await storeHealth(app)),
    engine: app.briefs.engineId,
    ...guards,
    ...(slack ? { slack: slack.health() } : {}),
    // Replicas: whether this one is the source poller right now (one of them is, when polling is on).
    ...(election ? { pollerLeader: election.isLeader } : {}),
  }));

  const platforms = [config.slack && "slack", config.teams && "teams"].filter(Boolean);
  if (platforms.length === 0) {
    await seedSamples(app);
    const [latest] = await app.store.listReleases({ limit: 1 });
    if (latest) {
      const { brief, cached } = await app.briefs.brief(latest);
      process.stdout.write(`${renderBriefText(brief)}\n${cached ? "(stored brief reused)\n" : ""}\n`);
    }
  }

  // Slack mounts POST /slack/events on the shared server (or connects over Socket Mode) before it listens.
  slack = config.slack
    ? await startSlack(config.slack, {
        handler,
        preferences: app.preferences,
        dedupe: app.seenEvents,
        logger,
        logLevel: config.logLevel,
        route: http.route,
        subscriptions: app.digests.subscriptions,
        installations: app.slackInstalls?.store,
      })
    : undefined;
  // Teams mounts POST /api/messages on the same server; its Bot Framework client was built by createApp.
  const teams = app.teams
    ? (await import("../adapters/teams/index.js")).startTeams({
        client: app.teams,
        route: http.route,
        handler,
        refs: app.conversationRefs,
        preferences: app.preferences,
        dedupe: app.seenEvents,
        logger,
      })
    : undefined;

  // `kill -USR2 PID`: deliver the current period's digests now (on any replica: the ledger posts each part once).
  // Installed before the server listens: until then the signal's default action would end the process.
  process.on("SIGUSR2", () => {
    logger.info("SIGUSR2: delivering the current digests now");
    void app.digests.schedule.runNow().then(
      (outcomes) => logger.info("digest run-now done", { outcomes: countStatuses(outcomes) }),
      (err: unknown) => logger.error("digest run-now failed", { error: err }),
    );
  });
  // The Q&A search index is loaded from its snapshot (or built once from the store) in the background, questions
  // waiting for it; after it, the replica leading the "translations" election (this process, on SQLite) queues
  // what an earlier run left untranslated or an older offline pipeline made.
  const translationsElection = app.qa.translations
    ? new LeaderElection({
        lock: app.coordination.translationsLock,
        logger: logger.child({ component: "qa-translations" }),
        retryMs: config.sources.leaderRetryMs,
      })
    : undefined;
  void app.qa.indexer
    .warmUp()
    .then(() => {
      if (!translationsElection || !app.qa.translations) return;
      resumeTranslationsWhenLeading(translationsElection, app.qa.translations, logger);
      translationsElection.start();
    })
    .catch((err: unknown) => logger.error("search index build failed", { error: err }));
  const port = await http.listen(config.port);
  logger.info("listening", { port, platforms, engine: app.briefs.engineId });
  // The fact guard's lexicon: loaded (or, once per machine, built from Apertium's dictionaries) in the background.
  void app.lexicon.ready();
  // Digest jobs from the stored subscriptions; resumes interrupted fan-outs and catches up missed periods.
  void app.digests.schedule.start().then(
    (outcomes) => outcomes.length && logger.info("digest catch-up done", { outcomes }),
    (err: unknown) => logger.error("digest schedule failed to start", { error: err }),
  );
  // Replicas: each one's search index follows the releases the others store (nothing to follow on SQLite).
  if (app.coordination.kind !== "local") {
    void followReleaseChanges(app.coordination.releases, app.qa.indexer, app.store, logger).catch((err: unknown) =>
      logger.error("cannot follow other replicas' releases", { error: err }),
    );
  }
  // SOURCES_POLL=auto (default) polls only when a chat platform is configured: a fresh `npm start` stays offline.
  // Of several replicas only the poller's leader polls; on SQLite this process always leads.
  election = config.sources.poll
    ? new LeaderElection({
        lock: app.coordination.pollerLock,
        logger: logger.child({ component: "sources" }),
        retryMs: config.sources.leaderRetryMs,
      })
    : undefined;
  const polling = election
    ? schedulePolling((await app.sources()).poller, {
        cron: config.sources.pollCron,
        logger: logger.child({ component: "sources" }),
        leader: election,
      })
    : undefined;
  election?.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await polling?.stop();
    // Gives the poller's lock up at once, so another replica takes over at its next try.
    await election?.stop();
    await translationsElection?.stop();
    await slack?.stop();
    await http.close();
    await teams?.idle();
    // Digest rows being delivered: the part in flight finishes, then the row is let go for another replica.
    app.digests.schedule.stop();
    await app.digests.delivery.drain(10_000);
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  if (consoleChat) {
    await runConsoleChat(handler, logger, {
      input: process.stdin,
      output: process.stdout,
      preferences: app.preferences,
    });
    await stop("console closed");
  }
}

function countStatuses(outcomes: { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

main().catch((err: unknown) => {
  process.stderr.write(`nato-brief: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
