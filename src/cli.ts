/**
 * `nato-brief` command line. Machine output (`--json`) goes to stdout alone; logs and errors go to stderr;
 * bad input exits non-zero with one line on stderr.
 */
import { parseArgs } from "node:util";
import { createApp } from "./app.js";
import { type CliArgs, type CliCommand, type CliIo, UsageError } from "./cli/cli-command.js";
import { COMMANDS } from "./cli/commands/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

function helpText(commands: CliCommand[]): string {
  return `nato-brief — bilingual (EN/FR) briefs of NATO releases

Usage: npm run --silent cli -- <command> [options]

Commands:
${commands.map((c) => `  ${c.help}`).join("\n")}
  help                                       This text

Common options:
  --json        Machine-readable output on stdout
  -h, --help    This text

Environment: see .env.example (DATABASE_URL, OPENAI_API_KEY, LOG_LEVEL, ...).`;
}

export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stdin: process.stdin },
): Promise<number> {
  const word = argv.find((a) => !a.startsWith("-"));
  const command = COMMANDS.find((c) => c.name === word);
  if (!word || word === "help" || argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${helpText(COMMANDS)}\n`);
    return 0;
  }
  if (!command) throw new UsageError(`unknown command "${word}" (try \`help\`)`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.filter((a) => a !== word),
      allowPositionals: true,
      options: { json: { type: "boolean" }, ...command.options },
    });
  } catch (err) {
    throw new UsageError(`${command.name}: ${(err as Error).message.split("\n")[0]}`);
  }
  const config = loadConfig();
  const app = await createApp(config, createLogger(config.logLevel));
  try {
    return await command.run(app, { positionals: parsed.positionals, values: parsed.values as CliArgs["values"] }, io);
  } finally {
    await app.close();
  }
}

const isMain = process.argv[1]?.endsWith("/src/cli.ts") || process.argv[1]?.endsWith("/src/cli.js");
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      const known =
        err instanceof ConfigError ||
        err instanceof UsageError ||
        (err instanceof Error && ["IngestError", "FetchError"].includes(err.name));
      process.stderr.write(`nato-brief: ${known ? "" : "error: "}${message.split("\n")[0]}\n`);
      process.exitCode = err instanceof UsageError ? 2 : 1;
    },
  );
}
