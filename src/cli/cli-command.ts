import type { App } from "../app.js";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Parsed command line: positionals after the command word, and `--flag value` options. */
export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One `nato-brief` sub-command: one file under src/cli/commands/, registered in its index.ts. */
export interface CliCommand {
  name: string;
  /** One line for `help`, usage first: "brief --file PATH | --url URL | --text -   Brief a release". */
  help: string;
  /** Options this command reads, for the argument parser. */
  options?: Record<string, { type: "string" | "boolean"; short?: string }>;
  run(app: App, args: CliArgs, io: CliIo): Promise<number>;
}

export function write(io: CliIo, text: string): void {
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
