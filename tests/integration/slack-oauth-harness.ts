import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type SlackAdapter, startSlack } from "../../adapters/slack/slack-app.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { type FakeWorkspace, SESSION_COOKIE } from "../fakes/fake-slack-oauth.js";
import { Browser, linkById, type Page } from "../helpers/browser.js";
import { postToSlackApp, type SlackRequest } from "../helpers/slack-requests.js";
import { SAMPLE, SIGNING_SECRET } from "./slack-harness.js";

export const STATE_SECRET = "state-secret-for-the-tests-0123456789";

export interface OAuthHarness {
  fake: FakeSlackApi;
  app: App;
  slack: SlackAdapter;
  http: HttpServer;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** The SQLite file the installations are stored in. */
  dbFile: string;
  /** TOKEN_ENCRYPTION_KEY (base64). */
  key: string;
  /** Every log line written, at debug level. */
  logs: string[];
  addWorkspace(id: string, name: string, enterpriseId?: string): FakeWorkspace;
  /** "Add to Slack" as a person signed in to `workspaceId` would: install page, Slack's authorize, redirect. */
  install(workspaceId: string, browser?: Browser): Promise<{ page: Page; browser: Browser }>;
  send(request: SlackRequest): Promise<{ status: number; text: string; ms: number }>;
  close(): Promise<void>;
}

/**
 * The app as `npm start` composes it in distributed mode (SLACK_CLIENT_ID …), on 127.0.0.1, its Web API and
 * OAuth pointed at a fake Slack that issues a token per workspace and checks every call's token. The store
 * is a SQLite file, so the tests can read what is at rest. Logs are kept at debug level unless `LOG_LEVEL` says.
 */
export async function startOAuthHarness(env: Record<string, string> = {}): Promise<OAuthHarness> {
  const fake = await new FakeSlackApi().start();
  const logs: string[] = [];
  const level = (env.LOG_LEVEL ?? "debug") as "debug" | "info" | "warn" | "error";
  const logger = createLogger(level, {}, (line) => {
    logs.push(line);
    return true;
  });
  const http = createHttpServer(logger, () => ({}));
  const port = await http.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  fake.oauth.redirectUrls = [`${base}/slack/oauth_redirect`];
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "slack-oauth-")), "nato-brief.db");
  const key = randomBytes(32).toString("base64");
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${dbFile}`,
      OFFLINE_TRANSLATION: "off",
      SLACK_CLIENT_ID: fake.oauth.clientId,
      SLACK_CLIENT_SECRET: fake.oauth.clientSecret,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_REDIRECT_URI: `${base}/slack/oauth_redirect`,
      SLACK_AUTHORIZE_URL: fake.authorizeUrl,
      SLACK_API_URL: fake.apiUrl,
      SLACK_RESPONSE_URL_ORIGINS: new URL(fake.apiUrl).origin,
      TOKEN_ENCRYPTION_KEY: key,
      SOURCES_POLL: "false",
      DIGEST_POST_WHEN_EMPTY: "true",
      LOG_LEVEL: "debug",
      ...env,
    },
    { dotenvPath: false },
  );
  const app = await createApp(config, logger);
  await app.ingest.fromText(SAMPLE);
  let slack: SlackAdapter;
  try {
    slack = await startSlack(config.slack!, {
      handler: app.commands,
      preferences: app.preferences,
      dedupe: app.seenEvents,
      logger,
      logLevel: level,
      route: http.route,
      subscriptions: app.digests.subscriptions,
      installations: app.slackInstalls?.store,
    });
  } catch (err) {
    await Promise.all([http.close(), app.close(), fake.close()]);
    throw err;
  }
  let bots = 0;
  return {
    fake,
    app,
    slack,
    http,
    base,
    dbFile,
    key,
    logs,
    addWorkspace: (id, name, enterpriseId) =>
      fake.oauth.addWorkspace({ id, name, enterpriseId, botUserId: `UBOT${++bots}`, botId: `BBOT${bots}` }),
    async install(workspaceId, browser = new Browser()) {
      browser.setCookie(fake.authorizeUrl, SESSION_COOKIE, workspaceId);
      const start = await browser.get(`${base}/slack/install`);
      const href = linkById(start.text, "add-to-slack");
      if (start.status !== 200 || !href) throw new Error(`no Add to Slack link (HTTP ${start.status})`);
      return { page: await browser.get(href), browser };
    },
    send: (request) => postToSlackApp(`${base}/slack/events`, SIGNING_SECRET, request),
    async close() {
      await slack.stop();
      await http.close();
      await app.close();
      await fake.close();
    },
  };
}
