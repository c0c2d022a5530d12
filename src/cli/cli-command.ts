import type { CliContext } from "./cli-context.js";
import type { FlagSpecs } from "./parse-flags.js";

/**
 * Bad use of a command (a missing id, a value out of range): one line on stderr, then the command's usage line,
 * exit code 2. `usage: false` for input refused for what it says (a question too long): that one line alone.
 */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
  readonly showUsage: boolean;

  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.showUsage = options.usage ?? true;
  }
}

/** Input that cannot be used (a file that cannot be read): one line on stderr, exit code 1, like bad release text. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Parsed command line: positionals after the command word, and the command's flags. */
export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/**
 * One `nato-brief` sub-command: one file under src/cli/commands/, registered by one line in its index.ts. The
 * file is imported only when its command runs (or its help is asked for), so what it imports statically costs
 * every run of that command and nothing else: reach heavy parts through the context (`ctx.app()`).
 */
export interface CliCommand {
  name: string;
  /** Usage lines without the leading "nato-brief": "brief --file PATH | --url URL | --text - [--json]". */
  usage: string[];
  /** What it does, a few lines for `nato-brief NAME --help`. */
  description: string;
  /** The flags it reads; `--help` is added for every command. */
  flags: FlagSpecs;
  /** Command lines a user can copy, without the leading "nato-brief". */
  examples: string[];
  run(ctx: CliContext, args: CliArgs, io: CliIo): Promise<number>;
}

export function write(io: CliIo, text: string): void {
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** `--json`, for every command that can print machine-readable output. */
export const JSON_FLAG = {
  json: { type: "boolean", describe: "machine-readable output (one JSON document on stdout)" },
} as const;

/** A `--limit N` value: a whole number from `min` to `max`, or the default when absent. */
export function wholeNumber(value: unknown, name: string, fallback: number, min: number, max?: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value === "string" && /^-?\d+$/.test(value) && n >= min && (max === undefined || n <= max)) return n;
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  throw new UsageError(`--${name} must be a whole number ${range} (got "${String(value)}")`);
}

/** `--lang en|fr|both`, both by default. */
export function langChoice(value: unknown): "en" | "fr" | "both" {
  if (value === undefined) return "both";
  if (value === "en" || value === "fr" || value === "both") return value;
  throw new UsageError(`--lang must be en, fr or both (got "${String(value)}")`);
}
