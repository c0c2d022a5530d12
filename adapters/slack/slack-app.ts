import { App, HTTPReceiver, type webApi } from "@slack/bolt";
import type { CommandHandler } from "../../src/core/commands/command-handler.js";
import type { SubscriptionService } from "../../src/core/digest/subscription-service.js";
import type { EventDedupe } from "../../src/core/ports/event-dedupe.port.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import type { RouteHandler } from "../../src/http/server.js";
import { AckFirst } from "./ack-first.js";
import { boltLevel, boltLogger } from "./bolt-logger.js";
import { registerListeners } from "./listeners/index.js";
import { adoptSingleWorkspace } from "./oauth/legacy-targets.js";
import {
  receiverOAuthOptions,
  SLACK_INSTALL_PATH,
  SLACK_REDIRECT_PATH,
  type SlackOAuthSettings,
} from "./oauth/oauth-settings.js";
import { OneTimeStateStore } from "./oauth/one-time-state-store.js";
import type { SealedInstallationStore } from "./oauth/sealed-installation-store.js";
import { SlackWorkspaces } from "./oauth/slack-workspaces.js";
import { guardSlackRequests } from "./request-guard.js";
import type { SlackDeps, SlackHealth } from "./slack-deps.js";
import { UserLanguages } from "./user-languages.js";

function secretsOf(settings: SlackSettings): string[] {
  return [settings.signingSecret, settings.oauth?.clientSecret, settings.oauth?.stateSecret].filter((s): s is string =>
    Boolean(s),
  );
}

/** Where Slack requests arrive over HTTP: the one path given to Slack for events, commands and interactivity. */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackSettings {
  /** Single-workspace mode; in distributed mode, imported once as its workspace's installation. */
  botToken?: string | undefined;
  signingSecret?: string | undefined;
  /** Socket Mode instead of HTTP when set (xapp-…). */
  appToken?: string | undefined;
  /** Web API base, e.g. a proxy or a test double; Slack's own by default. */
  apiUrl?: string | undefined;
  /** Distributed mode: installs through OAuth v2, a token per workspace. */
  oauth?: SlackOAuthSettings | undefined;
  /** Origins a `response_url` may point to; Slack's hooks host by default. */
  responseUrlOrigins?: readonly string[] | undefined;
}

export const SLACK_HOOKS_ORIGIN = "https://hooks.slack.com";

export interface SlackAdapterDeps {
  handler: CommandHandler;
  preferences: PreferenceStore;
  dedupe: EventDedupe;
  logger: Logger;
  logLevel?: "debug" | "info" | "warn" | "error";
  /** Mounts the HTTP receiver on the shared server (`route("POST", "/slack/events", …)`). */
  route: (method: string, path: string, handler: RouteHandler) => void;
  /** Digest subscriptions: an uninstall disables a workspace's; start-up adopts single-workspace targets. */
  subscriptions?: SubscriptionService | undefined;
  /** Distributed mode: where installations live, tokens sealed. */
  installations?: SealedInstallationStore | undefined;
}

export interface SlackAdapter {
  app: App;
  mode: "http" | "socket";
  /** Single workspace: one bot token for everything; distributed: a token per installation. */
  distribution: "single" | "oauth";
  /** The app's Web API client (with the bot token in single-workspace mode, none in distributed mode). */
  client: webApi.WebClient;
  /** Requests refused at the edge and listener failures since start (for /healthz). */
  health(): SlackHealth;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app and starts receiving: over HTTP on the shared server (Bolt's HTTPReceiver verifies every
 * request's signature and answers 401 itself), or over Socket Mode when an app token is set. Single-workspace
 * mode checks the bot token (`auth.test`) and throws with Slack's error when it is refused; distributed mode
 * serves "Add to Slack" and the OAuth redirect beside the events and authorizes each request with its
 * workspace's token.
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
  // Distributed mode: the installation store Bolt's OAuth uses, and what an uninstall or a reinstall does.
  let distributed:
    | { oauth: SlackOAuthSettings; installations: SealedInstallationStore; workspaces: SlackWorkspaces }
    | undefined;
  if (settings.oauth) {
    if (settings.appToken) throw new Error("OAuth installs are served over HTTP: unset SLACK_APP_TOKEN");
    if (!deps.installations || !deps.subscriptions) {
      throw new Error("Slack OAuth needs the installation store and the subscriptions");
    }
    const { installations, subscriptions } = deps;
    distributed = {
      oauth: settings.oauth,
      installations,
      workspaces: new SlackWorkspaces({ installations, subscriptions, logger }),
    };
  } else if (!settings.botToken) {
    throw new Error("Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID for OAuth installs");
  }
  const common = {
    ...(distributed ? {} : { token: settings.botToken }),
    logger: boltLogger(logger, level, secretsOf(settings)),
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
      ...(distributed
        ? receiverOAuthOptions(distributed.oauth, {
            installationStore: distributed.installations,
            stateStore: new OneTimeStateStore(distributed.oauth.stateSecret, deps.dedupe),
            clientOptions,
            logger,
            afterInstall: (installation) => distributed.workspaces.installed(installation),
          })
        : {}),
    });
    app = new App({ ...common, receiver });
  }

  const ackFirst = new AckFirst();
  const health: SlackHealth = { rejectedRequests: 0, listenerFailures: 0 };
  const slackDeps: SlackDeps = {
    health,
    handler: deps.handler,
    afterAcks: (job) => ackFirst.run(job),
    dedupe: deps.dedupe,
    logger,
    languages: new UserLanguages(deps.preferences),
    workspaces: distributed?.workspaces,
  };
  registerListeners(app, slackDeps);
  try {
    await app.init();
  } catch (err) {
    throw new Error(`Slack refused the bot token (auth.test): ${(err as Error).message}`);
  }
  if (distributed) {
    const resealed = await distributed.installations.reseal();
    if (resealed) logger.info("Slack installations re-encrypted with the current key", { resealed });
  }
  if (deps.subscriptions) {
    await adoptSingleWorkspace({
      subscriptions: deps.subscriptions,
      client: app.client,
      botToken: settings.botToken,
      installations: distributed?.installations,
      logger,
    });
  }

  if (receiver) {
    const guard = guardSlackRequests(receiver.requestListener, {
      signingSecret: settings.signingSecret!,
      responseUrlOrigins: [...(settings.responseUrlOrigins ?? [SLACK_HOOKS_ORIGIN])],
      logger,
      onRejected: () => {
        health.rejectedRequests++;
      },
    });
    deps.route("POST", SLACK_EVENTS_PATH, ackFirst.track(guard));
    if (distributed) {
      deps.route("GET", SLACK_INSTALL_PATH, receiver.requestListener);
      deps.route("GET", SLACK_REDIRECT_PATH, receiver.requestListener);
    }
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new Error(`Slack Socket Mode could not connect (apps.connections.open): ${(err as Error).message}`);
    }
  }
  logger.info("slack adapter started", {
    mode: receiver ? "http" : "socket",
    distribution: distributed ? "oauth" : "single",
    path: receiver ? SLACK_EVENTS_PATH : undefined,
    installPath: distributed ? SLACK_INSTALL_PATH : undefined,
  });
  return {
    app,
    mode: receiver ? "http" : "socket",
    distribution: distributed ? "oauth" : "single",
    client: app.client,
    health: () => ({ ...health }),
    async stop() {
      if (!receiver) await app.stop();
    },
  };
}
