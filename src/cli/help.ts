import type { CliCommand } from "./cli-command.js";
import type { CommandEntry } from "./commands/index.js";
import type { FlagSpec } from "./parse-flags.js";

/** `nato-brief help`: every command with its summary, from the registry alone (no command file is loaded). */
export function globalHelp(entries: readonly CommandEntry[]): string {
  const width = Math.max(...entries.map((e) => e.name.length), "help [COMMAND]".length) + 2;
  return `nato-brief — bilingual (EN/FR) briefs of NATO releases

Usage: nato-brief COMMAND [options]
       (in a clone: npx nato-brief COMMAND, or npm run --silent cli -- COMMAND)

Commands:
${entries.map((e) => `  ${e.name.padEnd(width)}${e.summary}`).join("\n")}
  ${"help [COMMAND]".padEnd(width)}This text, or a command's options and an example

Examples:
  nato-brief brief --file PATH --json     one JSON Brief on stdout
  nato-brief list                         the latest stored releases
  nato-brief show ID --lang fr            a stored release's brief, in French

nato-brief COMMAND --help shows a command's options and an example.
Environment: see .env.example (DATABASE_URL, OPENAI_API_KEY, LOG_LEVEL, ...).`;
}

/** `nato-brief NAME --help`: usage lines, what it does, its flags and examples. */
export function commandHelp(command: CliCommand): string {
  const flags = Object.entries(command.flags).map(([name, spec]) => [flagSynopsis(name, spec), spec.describe]);
  flags.push(["-h, --help", "this text"]);
  const width = Math.max(...flags.map(([f]) => f!.length)) + 2;
  const [first, ...more] = command.usage;
  return [
    `Usage: nato-brief ${first}`,
    ...more.map((u) => `       nato-brief ${u}`),
    "",
    command.description,
    "",
    "Options:",
    ...flags.map(([f, d]) => `  ${f!.padEnd(width)}${d}`),
    "",
    command.examples.length > 1 ? "Examples:" : "Example:",
    ...command.examples.map((e) => `  nato-brief ${e}`),
  ].join("\n");
}

/** The first usage line, for an error message: "usage: nato-brief list [--limit N] [--json]". */
export function usageLine(command: CliCommand): string {
  return `usage: nato-brief ${command.usage[0]}   (nato-brief ${command.name} --help for more)`;
}

function flagSynopsis(name: string, spec: FlagSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "";
  return `${short}--${name}${spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : ""}`;
}
