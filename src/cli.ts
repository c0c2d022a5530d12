/**
 * `nato-brief` command line. Machine output (`--json`) goes to stdout alone; logs and errors go to stderr;
 * bad input exits non-zero with one line on stderr (a mistake in the command line adds its usage line).
 *
 * Start-up stays light: this file imports only the registry and the flag parser. A command's file, and what it
 * needs (the store, the brief engines, the Q&A index, a chat SDK), load when that command runs.
 */
import { type CliIo, UsageError } from "./cli/cli-command.js";
import { type CliContext, createCliContext } from "./cli/cli-context.js";
import { COMMANDS, type CommandEntry } from "./cli/commands/index.js";
import { commandHelp, globalHelp, usageLine } from "./cli/help.js";
import { closest, FlagError, parseFlags } from "./cli/parse-flags.js";

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

/** Runs one command line; resolves to the process's exit code (0 done, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const ctx = createCliContext();
  let entry: CommandEntry | undefined;
  let usage: string | undefined;
  try {
    const [word, ...rest] = argv;
    if (word === undefined || word === "-h" || word === "--help") return say(io, globalHelp(COMMANDS));
    if (word === "--version") return say(io, await version());
    if (word === "help") return rest[0] ? say(io, commandHelp(await load(rest[0]))) : say(io, globalHelp(COMMANDS));
    const command = await load(word);
    entry = COMMANDS.find((c) => c.name === word);
    usage = usageLine(command);
    const args = parseFlags(rest, { ...command.flags, help: { type: "boolean", short: "h", describe: "" } });
    if (args.values.help) return say(io, commandHelp(command));
    return await command.run(ctx, args, io);
  } catch (err) {
    return report(err, io, entry?.name, usage);
  } finally {
    await closeQuietly(ctx, io);
  }
}

async function load(name: string) {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry) return entry.load();
  const near = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(`unknown command "${name}" (${near ? `did you mean ${near}?` : "see `nato-brief help`"})`, {
    usage: false,
  });
}

function say(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`);
  return 0;
}

/** The one error line (and, for a mistake in the command line, the usage line); the exit code. */
function report(err: unknown, io: CliIo, name: string | undefined, usage: string | undefined): number {
  const message = (err instanceof Error ? err.message : String(err)).split("\n")[0];
  const where = name ? `${name}: ` : "";
  if (err instanceof FlagError || err instanceof UsageError) {
    const showUsage = err instanceof FlagError || err.showUsage;
    io.stderr.write(`nato-brief: ${where}${message}\n${showUsage && usage ? `${usage}\n` : ""}`);
    return 2;
  }
  // Input the user can fix (a configuration value, a release text, a page): their own words, no "error:".
  const known = err instanceof Error && ["ConfigError", "IngestError", "FetchError", "InputError"].includes(err.name);
  io.stderr.write(`nato-brief: ${known ? "" : "error: "}${message}\n`);
  return 1;
}

async function closeQuietly(ctx: CliContext, io: CliIo): Promise<void> {
  try {
    await ctx.close();
  } catch (err) {
    io.stderr.write(`nato-brief: error while closing: ${(err as Error).message}\n`);
  }
}

async function version(): Promise<string> {
  const [{ readFileSync }, { join }, { packageRoot }] = await Promise.all([
    import("node:fs"),
    import("node:path"),
    import("./package-root.js"),
  ]);
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return `nato-brief ${pkg.version}`;
}

/** Entry point of the executable (bin/nato-brief.mjs) and of `npm run cli`. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `nato-brief list | head -1` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await runCli(argv);
}

const isMain = process.argv[1]?.endsWith("/src/cli.ts") || process.argv[1]?.endsWith("/src/cli.js");
if (isMain) void main();
