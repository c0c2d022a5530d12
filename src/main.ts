/**
 * `npm start`: serves everything configured on PORT. On embedded defaults (no Slack, no Teams) it stores the
 * bundled sample release(s) when the store is empty, prints the latest brief, and, with a terminal attached,
 * opens the console chat.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runConsoleChat } from "../adapters/console/console-chat.js";
import { renderBriefText } from "../adapters/console/render/brief-text.js";
import { type App, createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { CommandHandler } from "./core/commands/command-handler.js";
import { createHttpServer } from "./http/server.js";
import { createLogger } from "./logger.js";

const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "samples");

async function seedSamples(app: App): Promise<void> {
  if (app.store.countReleases() > 0 || !fs.existsSync(SAMPLES_DIR)) return;
  for (const file of fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt"))) {
    try {
      const { release } = app.ingest.fromText(fs.readFileSync(path.join(SAMPLES_DIR, file), "utf8"));
      app.logger.info("stored bundled sample release", { file, releaseId: release.id });
    } catch (err) {
      app.logger.warn("could not store a bundled sample", { file, error: err });
    }
  }
}

export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const handler = new CommandHandler({ store: app.store, briefs: app.briefs, ingest: app.ingest });
  const http = createHttpServer(logger, () => ({ releases: app.store.countReleases(), engine: app.briefs.engineId }));

  const platforms = [config.slack && "slack", config.teams && "teams"].filter(Boolean);
  if (platforms.length === 0) {
    await seedSamples(app);
    const [latest] = app.store.listReleases({ limit: 1 });
    if (latest) {
      const { brief, cached } = await app.briefs.brief(latest);
      process.stdout.write(`${renderBriefText(brief)}\n${cached ? "(stored brief reused)\n" : ""}\n`);
    }
  }

  const port = await http.listen(config.port);
  logger.info("listening", { port, platforms, engine: app.briefs.engineId });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await http.close();
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  if (platforms.length === 0 && process.stdin.isTTY) {
    await runConsoleChat(handler, logger);
    await stop("console closed");
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`nato-brief: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
