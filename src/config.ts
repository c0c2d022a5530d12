/**
 * The only module that reads the environment: dotenv, then a zod schema, then one frozen typed object.
 * A bad value stops start-up with a message that names the variable and what it should look like.
 */
import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";

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

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(3000, 0, 65535),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DATABASE_URL: z
    .string()
    .default("sqlite:./data/nato-brief.db")
    .refine((v) => v.startsWith("sqlite:"), "must look like sqlite:./data/nato-brief.db or sqlite::memory:"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default("gpt-4.1-mini"),
  OPENAI_TIMEOUT_MS: int(20_000, 1_000, 600_000),
  OPENAI_MAX_RETRIES: int(1, 0, 5),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MICROSOFT_APP_TENANT_ID: optionalString,
  TEAMS_ENABLED: bool,
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
  DIGEST_TIMEZONE: z.string().default("Europe/Brussels"),
  APERTIUM_MODES_DIR: z.string().default("/usr/share/apertium/modes"),
  OFFLINE_TRANSLATION: z.enum(["apertium", "off"]).default("apertium"),
});

export type Env = z.input<typeof schema>;

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  logLevel: "debug" | "info" | "warn" | "error";
  databasePath: string;
  llm?: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number };
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  teams?: { appId?: string; appPassword?: string; appType: string; tenantId?: string; authDisabled: boolean };
  sources: { allowedHosts: string[]; natoBaseUrl: string };
  digest: { timezone: string };
  offline: { translation: "apertium" | "off"; apertiumModesDir: string };
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
    const value = env[variable];
    throw new ConfigError(variable, `${issue.message}${value === undefined ? "" : ` (got ${JSON.stringify(value)})`}`);
  }
  const e = parsed.data;
  if (!isValidTimezone(e.DIGEST_TIMEZONE)) {
    throw new ConfigError(
      "DIGEST_TIMEZONE",
      `must be an IANA timezone like Europe/Brussels (got "${e.DIGEST_TIMEZONE}")`,
    );
  }
  const teamsConfigured = Boolean(e.MICROSOFT_APP_ID) || e.TEAMS_ENABLED;
  if (e.TEAMS_ENABLED && !e.MICROSOFT_APP_ID && e.NODE_ENV === "production") {
    throw new ConfigError(
      "TEAMS_ENABLED",
      "cannot run Teams with authentication disabled when NODE_ENV=production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD",
    );
  }
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
    databasePath: databasePath(e.DATABASE_URL),
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
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
        }
      : undefined,
    teams: teamsConfigured
      ? {
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          appType: e.MICROSOFT_APP_TYPE,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
          authDisabled: !e.MICROSOFT_APP_ID,
        }
      : undefined,
    sources: { allowedHosts: e.ALLOWED_SOURCE_HOSTS, natoBaseUrl: e.NATO_BASE_URL },
    digest: { timezone: e.DIGEST_TIMEZONE },
    offline: { translation: e.OFFLINE_TRANSLATION, apertiumModesDir: e.APERTIUM_MODES_DIR },
  };
  return deepFreeze(config);
}

function databasePath(url: string): string {
  const rest = url.slice("sqlite:".length);
  if (rest === ":memory:") return ":memory:";
  return rest.startsWith("//") ? rest.replace(/^\/\//, "") : rest;
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
