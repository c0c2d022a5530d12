import fs from "node:fs";
import path from "node:path";
import { type SlackAdapter, startSlack } from "../../adapters/slack/slack-app.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/logger.port.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { postToSlackApp, type SignedOptions, type SlackRequest } from "../helpers/slack-requests.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const root = path.resolve(import.meta.dirname, "../..");
export const SAMPLE = fs.readFileSync(path.join(root, "samples/breton-defence-industry.fr.txt"), "utf8");

export interface SlackHarness {
  fake: FakeSlackApi;
  app: App;
  slack: SlackAdapter;
  http: HttpServer;
  /** `http://127.0.0.1:PORT/slack/events` */
  url: string;
  send(request: SlackRequest, options?: SignedOptions): Promise<{ status: number; text: string; ms: number }>;
  close(): Promise<void>;
}

/**
 * The app as `npm start` composes it (createApp → CommandHandler → startSlack on the shared HTTP server), on
 * 127.0.0.1 with an in-memory store holding the bundled sample, its Web API pointed at a fresh fake Slack.
 */
export async function startSlackHarness(env: Record<string, string> = {}, given?: FakeSlackApi): Promise<SlackHarness> {
  const fake = given ?? (await new FakeSlackApi().start());
  const config = loadConfig(
    {
      DATABASE_URL: "sqlite::memory:",
      OFFLINE_TRANSLATION: "off",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_RESPONSE_URL_ORIGINS: new URL(fake.apiUrl).origin,
      SOURCES_POLL: "false",
      LOG_LEVEL: "error",
      ...env,
    },
    { dotenvPath: false },
  );
  const app = await createApp(config, silentLogger);
  await app.ingest.fromText(SAMPLE);
  const handler = app.commands;
  const http = createHttpServer(silentLogger, () => ({}));
  let slack: SlackAdapter;
  try {
    slack = await startSlack(config.slack!, {
      handler,
      preferences: app.preferences,
      dedupe: app.seenEvents,
      logger: silentLogger,
      route: http.route,
    });
  } catch (err) {
    await app.close();
    if (!given) await fake.close();
    throw err;
  }
  await app.qa.indexer.ensureReady();
  const port = await http.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake,
    app,
    slack,
    http,
    url,
    send: (request, options) => postToSlackApp(url, SIGNING_SECRET, request, options),
    async close() {
      await slack.stop();
      await http.close();
      await app.close();
      if (!given) await fake.close();
    },
  };
}
