import { format } from "node:util";
import type { Logger } from "./core/ports/logger.port.js";

/** What the guards counted since start, for /healthz. */
export interface ProcessHealth {
  unhandledRejections: number;
}

/**
 * For `npm start`: a promise rejected where nobody listens (a bug in our code or an SDK's) is logged and counted,
 * never fatal: one request must not take the server down for everyone. An uncaught exception still ends the
 * process (its state is unknown), after a JSON log line. Third-party `console.*` output (botbuilder prints
 * stack traces with console.error) goes through the JSON logger too, so stderr stays one JSON line per record.
 */
export function installProcessGuards(logger: Logger): ProcessHealth {
  const health: ProcessHealth = { unhandledRejections: 0 };
  process.on("unhandledRejection", (reason: unknown) => {
    health.unhandledRejections++;
    logger.error("unhandled promise rejection (ignored, counted)", {
      error: reason instanceof Error ? reason : new Error(String(reason)),
      count: health.unhandledRejections,
    });
  });
  process.on("uncaughtException", (error: Error) => {
    logger.error("uncaught exception; exiting", { error });
    process.exit(1);
  });
  routeConsole(logger.child({ component: "console" }));
  return health;
}

/** console.log/info/warn/error/debug → one JSON log line each, the first Error's message as `error`. */
export function routeConsole(logger: Logger): void {
  const to =
    (write: Logger["info"]) =>
    (...parts: unknown[]) => {
      const error = parts.find((p): p is Error => p instanceof Error);
      const msg = parts
        .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : format("%o", p)))
        .join(" ");
      write(msg.slice(0, 2000), error ? { error } : undefined);
    };
  console.error = to(logger.error.bind(logger));
  console.warn = to(logger.warn.bind(logger));
  console.log = to(logger.info.bind(logger));
  console.info = to(logger.info.bind(logger));
  console.debug = to(logger.debug.bind(logger));
}
