import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/core/ports/logger.port.js";

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/** Slack token shapes: xoxb-/xoxp-/xoxe-1- (refresh), xoxe.xoxb- (rotating), xapp- (app-level). */
const TOKEN = /\b(?:xox[a-z]?(?:\.xox[a-z])?|xapp)-[A-Za-z0-9-]+/g;

/** Takes Slack tokens, and the given secrets (client secret, signing secret …), out of a log message. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN, "[redacted token]");
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * Bolt and the Web API client log through our JSON-lines logger, so one stream carries everything. The SDK
 * redacts fields named like tokens at debug level but not, for instance, `client_secret` in the body of
 * `oauth.v2.access`: every message goes through `redactSecrets` first.
 */
export function boltLogger(
  logger: Logger,
  initial: LogLevel = LogLevel.INFO,
  secrets: readonly string[] = [],
): BoltLogger {
  let level = initial;
  let name = "bolt";
  const at =
    (lvl: LogLevel, write: Logger["info"]) =>
    (...parts: unknown[]) => {
      if (ORDER[lvl] < ORDER[level]) return;
      const error = parts.find((p): p is Error => p instanceof Error);
      const msg = parts
        .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : safeJson(p)))
        .join(" ");
      const clean = error
        ? Object.assign(new Error(redactSecrets(error.message, secrets)), { name: error.name })
        : undefined;
      write(redactSecrets(msg, secrets), { component: name, ...(clean ? { error: clean } : {}) });
    };
  return {
    debug: at(LogLevel.DEBUG, logger.debug.bind(logger)),
    info: at(LogLevel.INFO, logger.info.bind(logger)),
    warn: at(LogLevel.WARN, logger.warn.bind(logger)),
    error: at(LogLevel.ERROR, logger.error.bind(logger)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

export function boltLevel(level: "debug" | "info" | "warn" | "error"): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[level];
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
