/**
 * The only module that reads the environment: dotenv, then a zod schema, then one frozen typed object.
 * A bad value stops start-up with a message that names the variable and what it should look like.
 */
import path from "node:path";
import dotenv from "dotenv";
import { validate as isValidCron } from "node-cron";
import { z } from "zod";
import type { ModelReading } from "./core/qa/model-reading.js";
import { parseKey } from "./infra/crypto/token-cipher.js";

const KEY_HINT = "must be 32 random bytes as base64 or hex, e.g. the output of `openssl rand -base64 32`";
function isKeyOrEmpty(v: string | undefined): boolean {
  if (v === undefined) return true;
  try {
    parseKey(v);
    return true;
  } catch {
    return false;
  }
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const optionalUrl = optionalString.pipe(z.url({ message: "must be an absolute http(s) URL" }).optional());
const int = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? String(def) : v))
    .pipe(z.string().regex(/^\d+$/, "must be a whole number").transform(Number))
    .pipe(z.number().int().min(min).max(max));

const pivot = optionalString.pipe(z.enum(["es", "ca"], { message: "must be es (Spanish) or ca (Catalan)" }).optional());

const urlList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, message: "must be comma-separated absolute http(s) URLs" })));
/** Comma-separated origins (scheme://host[:port], nothing after); `loopbackOnly` refuses any other host. */
const originList = (def: string, loopbackOnly = false) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const entry of v
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean)) {
        const origin = originOf(entry);
        if (!origin || (loopbackOnly && !isLoopbackOrigin(origin))) {
          ctx.addIssue({
            code: "custom",
            message: loopbackOnly
              ? "must be comma-separated loopback origins like http://127.0.0.1:3978"
              : "must be comma-separated origins like https://hooks.slack.com",
          });
          return z.NEVER;
        }
        origins.push(origin);
      }
      return origins;
    });
const selector = (def: string) => z.string().trim().min(1, "must be a CSS selector").default(def);
const onOff = (def: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .default(def)
    .transform((v) => v === "true" || v === "1" || v === "yes");

/** Release sources (issue #4): where to look, how often, how politely. Defaults follow nato.int as of 2026. */
const SOURCE_VARIABLES = {
  SOURCES_POLL: z.enum(["auto", "true", "false", "1", "0", "yes", "no"]).default("auto"),
  SOURCES_POLL_CRON: z
    .string()
    .default("*/20 * * * *")
    .refine((v) => isValidCron(v), "must be a cron expression like */20 * * * *"),
  SOURCES_MIN_INTERVAL_MS: int(1000, 0, 600_000),
  SOURCES_TIMEOUT_MS: int(15_000, 1_000, 120_000),
  SOURCES_MAX_BYTES: int(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  SOURCES_MAX_ITEMS: int(50, 1, 500),
  SOURCES_USER_AGENT: optionalString,
  SOURCES_FEEDS: urlList,
  SOURCES_PAGES: urlList,
  NATO_SITE_ENABLED: onOff("true"),
  NATO_LISTING_PATH: z
    .string()
    .default(
      "/content/nato/en/news-and-events/articles/news/jcr:content/root/container/general_search.search.json" +
        "?searchText=&searchType=wcm&sortBy=dateDesc&pageSize=50&page=1&languages=en",
    ),
  NATO_SITEMAP_PATH: z.string().default("/sitemap.xml"),
  NATO_SITEMAP_INCLUDE: z.string().default("/en/news-and-events/articles/news/"),
  NATO_LEGACY_RSS_PATH: z.string().default("/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml"),
  NATO_BODY_SELECTOR: selector("div.ca04-rich-text div.cmp-text__background-container"),
  NATO_TITLE_SELECTOR: selector("h1"),
  NATO_DATE_SELECTOR: selector("time"),
  NATO_LEGACY_BODY_SELECTOR: selector("div#content div.text"),
  NATO_LEGACY_TITLE_SELECTOR: selector("h1"),
  NATO_LEGACY_DATE_SELECTOR: selector("p.date"),
};

/**
 * Replicas on one PostgreSQL database (issue #16): how fast a dead poller leader is replaced and a dead
 * replica's digest claims are taken over. Defaults suit production; tests shorten them.
 */
const REPLICA_VARIABLES = {
  // A follower tries the poller's lock this often: a dead leader is replaced within this interval (≤ 60 s).
  POLLER_LEADER_RETRY_MS: int(15_000, 100, 60_000),
  // A digest row claimed by a replica stays its own this long without renewal (renewed while it delivers).
  DIGEST_LEASE_MS: int(120_000, 300, 3_600_000),
  // Each replica looks this often for unfinished digest rows whose claim lapsed (a replica died) and resumes them.
  DIGEST_RESUME_INTERVAL_MS: int(30_000, 100, 3_600_000),
};

/** Distributed Slack app (issue #17): OAuth v2 installs, a token per workspace, sealed at rest. */
const SLACK_OAUTH_VARIABLES = {
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString.pipe(
    z.string().min(16, "must be at least 16 characters, e.g. the output of `openssl rand -hex 32`").optional(),
  ),
  SLACK_REDIRECT_URI: optionalUrl.refine(
    (v) => v === undefined || new URL(v).pathname === "/slack/oauth_redirect",
    "must end with /slack/oauth_redirect, e.g. https://nato-brief.example.org/slack/oauth_redirect",
  ),
  SLACK_AUTHORIZE_URL: optionalUrl,
  TOKEN_ENCRYPTION_KEY: optionalString.refine(isKeyOrEmpty, KEY_HINT),
  TOKEN_ENCRYPTION_OLD_KEYS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every(isKeyOrEmpty), `must be comma-separated keys; each ${KEY_HINT}`),
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(3000, 0, 65535),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DATABASE_URL: z
    .string()
    .trim()
    .default("sqlite:./data/nato-brief.db")
    .refine(
      (v) => v.startsWith("sqlite:") || isPostgresUrl(v),
      "must look like sqlite:./data/nato-brief.db, sqlite::memory: or postgres://user:password@host:5432/database",
    ),
  DATABASE_POOL_MAX: int(10, 1, 200),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default("gpt-4.1-mini"),
  OPENAI_TIMEOUT_MS: int(20_000, 1_000, 600_000),
  OPENAI_MAX_RETRIES: int(1, 0, 5),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  // Digest posts per minute this process allows itself (Slack's limit is per workspace: split it among replicas).
  SLACK_POSTS_PER_MINUTE: int(300, 1, 100_000),
  ...SLACK_OAUTH_VARIABLES,
  SLACK_RESPONSE_URL_ORIGINS: originList("https://hooks.slack.com"),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MICROSOFT_APP_TENANT_ID: optionalString,
  TEAMS_ENABLED: bool,
  TEAMS_DEV_SERVICE_URLS: originList("", true),
  TEAMS_APP_ID: optionalString.pipe(
    z
      .string()
      .regex(
        /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/,
        "must be a GUID like 00000000-0000-0000-0000-000000000000",
      )
      .optional(),
  ),
  TEAMS_BOT_DOMAIN: optionalString,
  ALLOWED_SOURCE_HOSTS: z
    .string()
    .default("www.nato.int,nato.int")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  NATO_BASE_URL: z.url({ message: "must be an absolute http(s) URL" }).default("https://www.nato.int"),
  ...SOURCE_VARIABLES,
  ...REPLICA_VARIABLES,
  DIGEST_TIMEZONE: z.string().default("Europe/Brussels"),
  DIGEST_POST_WHEN_EMPTY: bool,
  DIGEST_CATCHUP_HOURS: int(6, 0, 168),
  APERTIUM_MODES_DIR: z.string().default("/usr/share/apertium/modes"),
  OFFLINE_TRANSLATION: z.enum(["apertium", "off"]).default("apertium"),
  // Pivot language of the offline translation per direction; unset = the measured best (src/infra/offline/pivots.ts).
  OFFLINE_PIVOT_EN_FR: pivot,
  OFFLINE_PIVOT_FR_EN: pivot,
  QA_RATE_LIMIT_PER_HOUR: int(20, 1, 10_000),
  QA_MAX_QUESTION_CHARS: int(500, 20, 10_000),
  // With a model: "wide" (default) gives it what the search found too, "checked" only what the offline checks chose.
  QA_MODEL_READING: z.enum(["wide", "checked"]).default("wide"),
});

export type Env = z.input<typeof schema>;

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** false when LOG_LEVEL was not set: the console chat then logs warnings only, so lines don't cut into it. */
  logLevelExplicit: boolean;
  /** The embedded SQLite file (the default), or a PostgreSQL server shared by replicas. */
  database: DatabaseConfig;
  llm?: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number };
  /**
   * Single-workspace mode (`botToken`), or distributed mode (`oauth`: installs through "Add to Slack", a token
   * per workspace; a `botToken` beside it is imported once as its workspace's installation).
   */
  slack?: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** Digest posts per minute this process allows itself (SLACK_POSTS_PER_MINUTE). */
    postsPerMinute: number;
    /** The only origins a `response_url` may point to (Slack's hooks host; a fake in tests). */
    responseUrlOrigins: string[];
    oauth?: {
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      redirectUri?: string;
      authorizeUrl?: string;
    };
  };
  /** Keys sealing tokens at rest (base64/hex text): `current` seals, `previous` still open older rows. */
  tokenKeys?: { current: string; previous: string[] };
  teams?: {
    appId?: string;
    appPassword?: string;
    appType: string;
    tenantId?: string;
    authDisabled: boolean;
    /** Without authentication, the only service URLs replies may go to (loopback origins, for tests). */
    devServiceUrls: string[];
  };
  /** What `npm run teams:package` fills into the Teams app manifest (read whether or not Teams runs here). */
  teamsPackage: { appId?: string; botId?: string; domain?: string };
  sources: SourcesConfig;
  digest: {
    timezone: string;
    postWhenEmpty: boolean;
    catchUpHours: number;
    /** Replicas: a claim's lease, and how often lapsed claims are looked for and resumed. */
    leaseMs: number;
    resumeIntervalMs: number;
  };
  offline: {
    translation: "apertium" | "off";
    apertiumModesDir: string;
    /** Pivot per direction when configured; otherwise the measured default applies. */
    pivots: { "en-fr"?: "es" | "ca"; "fr-en"?: "es" | "ca" };
  };
  /** Questions and answers: questions per user per hour, longest question accepted. */
  qa: { rateLimitPerHour: number; maxQuestionChars: number; modelReading: ModelReading };
}

export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | {
      kind: "postgres";
      /** The connection string without `schema=` (node-postgres reads the rest). */
      url: string;
      /** `?schema=name`: tables live in that schema (search_path), created when missing. */
      schema?: string | undefined;
      poolMax: number;
    };

export interface SelectorsConfig {
  body: string;
  title: string;
  date: string;
}

export interface SourcesConfig {
  allowedHosts: string[];
  natoBaseUrl: string;
  /** Poll on the schedule in `npm start`: SOURCES_POLL, where "auto" means "when Slack or Teams is configured". */
  poll: boolean;
  pollCron: string;
  /** Replicas: how often a follower tries to become the poller's leader (POLLER_LEADER_RETRY_MS). */
  leaderRetryMs: number;
  /** Least time between two requests to one host. */
  minIntervalMs: number;
  timeoutMs: number;
  maxBytes: number;
  /** Entries read per source and poll. */
  maxItems: number;
  userAgent?: string | undefined;
  feeds: string[];
  pages: string[];
  nato: {
    enabled: boolean;
    listingPath: string;
    sitemapPath: string;
    sitemapInclude: string;
    /** Empty: the legacy RSS feed is not read. */
    legacyRssPath: string;
    selectors: SelectorsConfig;
    legacySelectors: SelectorsConfig;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = "ConfigError";
  }
}

/** Reads `.env` (if any) into `env` without overriding what is set, validates, and freezes the result. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: { dotenvPath?: string | false } = {},
): Config {
  if (options.dotenvPath !== false) {
    dotenv.config({
      path: options.dotenvPath ?? path.resolve(".env"),
      processEnv: env as Record<string, string>,
      quiet: true,
    });
  }
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    // The value itself is never repeated: a URL or a token can carry a secret, and this message goes to logs.
    const value = env[variable];
    throw new ConfigError(variable, `${issue.message}${value === undefined ? "" : ` (${describeValue(value)})`}`);
  }
  const e = parsed.data;
  if (!isValidTimezone(e.DIGEST_TIMEZONE)) {
    throw new ConfigError(
      "DIGEST_TIMEZONE",
      `must be an IANA timezone like Europe/Brussels (${describeValue(e.DIGEST_TIMEZONE)})`,
    );
  }
  const teamsConfigured = Boolean(e.MICROSOFT_APP_ID) || e.TEAMS_ENABLED;
  if (e.TEAMS_ENABLED && !e.MICROSOFT_APP_ID && e.NODE_ENV === "production") {
    throw new ConfigError(
      "TEAMS_ENABLED",
      "cannot run Teams with authentication disabled when NODE_ENV=production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD",
    );
  }
  if (e.SLACK_CLIENT_ID) checkSlackOAuth(e);
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      "is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  const config: Config = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logLevelExplicit: Boolean(env.LOG_LEVEL?.trim()),
    database: databaseConfig(e.DATABASE_URL, e.DATABASE_POOL_MAX),
    llm:
      e.OPENAI_API_KEY || e.OPENAI_BASE_URL
        ? {
            apiKey: e.OPENAI_API_KEY,
            baseURL: e.OPENAI_BASE_URL,
            model: e.OPENAI_MODEL,
            timeoutMs: e.OPENAI_TIMEOUT_MS,
            maxRetries: e.OPENAI_MAX_RETRIES,
          }
        : undefined,
    slack:
      e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            postsPerMinute: e.SLACK_POSTS_PER_MINUTE,
            responseUrlOrigins: e.SLACK_RESPONSE_URL_ORIGINS,
            oauth: e.SLACK_CLIENT_ID
              ? {
                  clientId: e.SLACK_CLIENT_ID,
                  clientSecret: e.SLACK_CLIENT_SECRET!,
                  stateSecret: e.SLACK_STATE_SECRET!,
                  redirectUri: e.SLACK_REDIRECT_URI,
                  authorizeUrl: e.SLACK_AUTHORIZE_URL,
                }
              : undefined,
          }
        : undefined,
    tokenKeys: e.TOKEN_ENCRYPTION_KEY
      ? { current: e.TOKEN_ENCRYPTION_KEY, previous: e.TOKEN_ENCRYPTION_OLD_KEYS }
      : undefined,
    teamsPackage: {
      appId: e.TEAMS_APP_ID ?? e.MICROSOFT_APP_ID,
      botId: e.MICROSOFT_APP_ID,
      domain: e.TEAMS_BOT_DOMAIN,
    },
    teams: teamsConfigured
      ? {
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          appType: e.MICROSOFT_APP_TYPE,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
          authDisabled: !e.MICROSOFT_APP_ID,
          devServiceUrls: e.TEAMS_DEV_SERVICE_URLS,
        }
      : undefined,
    sources: sourcesConfig(e, Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID) || teamsConfigured),
    digest: {
      timezone: e.DIGEST_TIMEZONE,
      postWhenEmpty: e.DIGEST_POST_WHEN_EMPTY,
      catchUpHours: e.DIGEST_CATCHUP_HOURS,
      leaseMs: e.DIGEST_LEASE_MS,
      resumeIntervalMs: e.DIGEST_RESUME_INTERVAL_MS,
    },
    offline: {
      translation: e.OFFLINE_TRANSLATION,
      apertiumModesDir: e.APERTIUM_MODES_DIR,
      pivots: {
        ...(e.OFFLINE_PIVOT_EN_FR ? { "en-fr": e.OFFLINE_PIVOT_EN_FR } : {}),
        ...(e.OFFLINE_PIVOT_FR_EN ? { "fr-en": e.OFFLINE_PIVOT_FR_EN } : {}),
      },
    },
    qa: {
      rateLimitPerHour: e.QA_RATE_LIMIT_PER_HOUR,
      maxQuestionChars: e.QA_MAX_QUESTION_CHARS,
      modelReading: e.QA_MODEL_READING,
    },
  };
  return deepFreeze(config);
}

/** Distributed Slack needs its app credentials, a state secret, HTTP (not Socket Mode) and a key for the tokens. */
function checkSlackOAuth(e: z.output<typeof schema>): void {
  const needs: [keyof typeof e, string][] = [
    ["SLACK_CLIENT_SECRET", "is required with SLACK_CLIENT_ID (Basic Information → App Credentials)"],
    ["SLACK_SIGNING_SECRET", "is required with SLACK_CLIENT_ID (Basic Information → App Credentials)"],
    [
      "SLACK_STATE_SECRET",
      "is required with SLACK_CLIENT_ID: any random text, e.g. the output of `openssl rand -hex 32`",
    ],
    [
      "TOKEN_ENCRYPTION_KEY",
      "is required with SLACK_CLIENT_ID (it encrypts each workspace's tokens): 32 random bytes, e.g. `openssl rand -base64 32`",
    ],
  ];
  for (const [variable, message] of needs) if (!e[variable]) throw new ConfigError(variable, message);
  if (e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      "SLACK_APP_TOKEN",
      "cannot be used with SLACK_CLIENT_ID: OAuth installs are served over HTTP",
    );
  }
}

function sourcesConfig(e: z.output<typeof schema>, platformConfigured: boolean): SourcesConfig {
  const poll = e.SOURCES_POLL === "auto" ? platformConfigured : ["true", "1", "yes"].includes(e.SOURCES_POLL);
  return {
    allowedHosts: e.ALLOWED_SOURCE_HOSTS,
    natoBaseUrl: e.NATO_BASE_URL,
    poll,
    pollCron: e.SOURCES_POLL_CRON,
    leaderRetryMs: e.POLLER_LEADER_RETRY_MS,
    minIntervalMs: e.SOURCES_MIN_INTERVAL_MS,
    timeoutMs: e.SOURCES_TIMEOUT_MS,
    maxBytes: e.SOURCES_MAX_BYTES,
    maxItems: e.SOURCES_MAX_ITEMS,
    userAgent: e.SOURCES_USER_AGENT,
    feeds: e.SOURCES_FEEDS,
    pages: e.SOURCES_PAGES,
    nato: {
      enabled: e.NATO_SITE_ENABLED,
      listingPath: e.NATO_LISTING_PATH,
      sitemapPath: e.NATO_SITEMAP_PATH,
      sitemapInclude: e.NATO_SITEMAP_INCLUDE,
      legacyRssPath: e.NATO_LEGACY_RSS_PATH.trim(),
      selectors: { body: e.NATO_BODY_SELECTOR, title: e.NATO_TITLE_SELECTOR, date: e.NATO_DATE_SELECTOR },
      legacySelectors: {
        body: e.NATO_LEGACY_BODY_SELECTOR,
        title: e.NATO_LEGACY_TITLE_SELECTOR,
        date: e.NATO_LEGACY_DATE_SELECTOR,
      },
    },
  };
}

/** What was wrong with a value, without the value: its length, and whether it looked like a URL. */
function describeValue(value: string): string {
  const kind = /^[a-z][a-z0-9+.-]*:/iu.test(value.trim()) ? "a URL-like value" : "a value";
  return `got ${kind} of ${value.length} characters, not shown`;
}

function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
      return undefined;
    }
    return url.origin;
  } catch {
    return undefined;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === "localhost" || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** `sqlite:PATH`, or `postgres://` / `postgresql://` with an optional `?schema=name`. */
export function databaseConfig(url: string, poolMax = 10): DatabaseConfig {
  if (!isPostgresUrl(url)) {
    const rest = url.slice("sqlite:".length);
    if (rest === ":memory:") return { kind: "sqlite", path: ":memory:" };
    return { kind: "sqlite", path: rest.startsWith("//") ? rest.replace(/^\/\//, "") : rest };
  }
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) {
    throw new ConfigError("DATABASE_URL", "has a schema= that is not a lower-case SQL name like nato_brief");
  }
  return { kind: "postgres", url: parsed.toString(), schema, poolMax };
}

function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\//u.test(value)) return false;
  try {
    return new URL(value).hostname !== "";
  } catch {
    return false;
  }
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
