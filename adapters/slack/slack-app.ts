import { App, HTTPReceiver, type webApi } from "@slack/bolt";
import type { CommandHandler } from "../../src/core/commands/command-handler.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import type { RouteHandler } from "../../src/http/server.js";
import { AckFirst } from "./ack-first.js";
import { boltLevel, boltLogger } from "./bolt-logger.js";
import { registerListeners } from "./listeners/index.js";
import type { SlackDeps } from "./slack-deps.js";
import { UserLanguages } from "./user-languages.js";

/** Where Slack requests arrive over HTTP: the one path given to Slack for events, commands and interactivity. */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackSettings {
  botToken: string;
  signingSecret?: string | undefined;
  /** Socket Mode instead of HTTP when set (xapp-…). */
  appToken?: string | undefined;
  /** Web API base, e.g. a proxy or a test double; Slack's own by default. */
  apiUrl?: string | undefined;
}

export interface SlackAdapterDeps {
  handler: CommandHandler;
  preferences: PreferenceStore;
  dedupe: EventDedupe;
  logger: Logger;
  logLevel?: "debug" | "info" | "warn" | "error";
  /** Mounts the HTTP receiver on the shared server (`route("POST", "/slack/events", …)`). */
  route: (method: string, path: string, handler: RouteHandler) => void;
}

export interface SlackAdapter {
  app: App;
  mode: "http" | "socket";
  /** Bot-token Web API client (e.g. for the digest ChatTarget). */
  client: webApi.WebClient;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app, checks the token (`auth.test`), and starts receiving: over HTTP on the shared server
 * (Bolt's HTTPReceiver verifies every request's signature and answers 401 itself), or over Socket Mode when
 * an app token is set. Throws with Slack's error when the token is refused.
 */
export async function startSlack(settings: SlackSettings, deps: SlackAdapterDeps): Promise<SlackAdapter> {
  const logger = deps.logger.child({ component: "slack" });
  const level = boltLevel(deps.logLevel ?? "info");
  const clientOptions: webApi.WebClientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // The SDK's default retries for about 30 minutes; a chat answer is worth a few seconds at most.
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 3000 },
    timeout: 15_000,
  };
  const common = {
    token: settings.botToken,
    logger: boltLogger(logger, level),
    logLevel: level,
    clientOptions,
    // auth.test runs in init() below, so a bad token fails start-up instead of an unhandled rejection.
    deferInitialization: true,
    // Bolt's conversation store is unused here; leaving it out takes a middleware off every request.
    convoStore: false as const,
  };

  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (settings.appToken) {
    app = new App({ ...common, appToken: settings.appToken, socketMode: true });
  } else {
    if (!settings.signingSecret) throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET");
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: common.logger,
      logLevel: level,
    });
    app = new App({ ...common, receiver });
  }

  const ackFirst = new AckFirst();
  const slackDeps: SlackDeps = {
    handler: deps.handler,
    afterAcks: (job) => ackFirst.run(job),
    dedupe: deps.dedupe,
    logger,
    languages: new UserLanguages(deps.preferences, async (user) => {
      const info = await app.client.users.info({ user, include_locale: true });
      return info.user?.locale;
    }),
  };
  registerListeners(app, slackDeps);
  try {
    await app.init();
  } catch (err) {
    throw new Error(`Slack refused the bot token (auth.test): ${(err as Error).message}`);
  }

  if (receiver) {
    deps.route("POST", SLACK_EVENTS_PATH, ackFirst.track(receiver.requestListener));
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new Error(`Slack Socket Mode could not connect (apps.connections.open): ${(err as Error).message}`);
    }
  }
  logger.info("slack adapter started", {
    mode: receiver ? "http" : "socket",
    path: receiver ? SLACK_EVENTS_PATH : undefined,
  });
  return {
    app,
    mode: receiver ? "http" : "socket",
    client: app.client,
    async stop() {
      if (!receiver) await app.stop();
    },
  };
}
