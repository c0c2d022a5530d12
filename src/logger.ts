import type { Logger, LogLevel } from "./core/ports/logger.port.js";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** JSON lines on stderr: stdout belongs to command output (`brief --json` prints one document there). */
export function createLogger(
  level: LogLevel,
  bindings: Record<string, unknown> = {},
  write = (line: string) => process.stderr.write(line),
): Logger {
  const log = (at: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...bindings, ...fields }, errorReplacer)}\n`,
    );
  };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => createLogger(level, { ...bindings, ...fields }, write),
    enabled: (at) => ORDER[at] >= ORDER[level],
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
