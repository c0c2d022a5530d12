/**
 * `nato-brief` command line. Machine output (`--json`) goes to stdout alone; logs and errors go to stderr;
 * bad input exits non-zero with one line on stderr.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { renderBriefText } from "../adapters/console/render/brief-text.js";
import { type App, createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const HELP = `nato-brief — bilingual (EN/FR) briefs of NATO releases

Usage: npm run --silent cli -- <command> [options]

Commands:
  brief --file PATH | --url URL | --text -   Brief a release (stores it); --json prints one JSON Brief
  ingest --file PATH | --url URL | --text -  Store a release without briefing it
  list [--limit N] [--json]                  Latest stored releases
  show ID [--json]                           The stored brief of one release (briefs it if needed)
  help                                       This text

Options:
  --json        Machine-readable output on stdout
  --lang L      en, fr or both (human output only; default both)

Environment: see .env.example (DATABASE_URL, OPENAI_API_KEY, LOG_LEVEL, ...).`;

export class UsageError extends Error {}

type Options = {
  file?: string;
  url?: string;
  text?: string;
  json?: boolean;
  limit?: string;
  lang?: string;
  help?: boolean;
};

export async function runCli(argv: string[], io = { stdout: process.stdout, stdin: process.stdin }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: "string" },
      url: { type: "string" },
      text: { type: "string" },
      json: { type: "boolean" },
      limit: { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }) as { values: Options; positionals: string[] };
  const [command, ...rest] = positionals;
  if (!command || command === "help" || values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  try {
    const out = (s: string) => io.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
    const lang = parseLang(values.lang);
    switch (command) {
      case "brief": {
        const { release, outcome } = await ingestFrom(app, values, io.stdin);
        const { brief, cached } = await app.briefs.brief(release);
        logger.info(cached ? "reused the stored brief" : "wrote a new brief", {
          releaseId: release.id,
          outcome,
          cached,
        });
        out(
          values.json
            ? JSON.stringify({ ...brief, cached })
            : `${renderBriefText(brief, lang)}${cached ? "\n(stored brief reused)" : ""}`,
        );
        return 0;
      }
      case "ingest": {
        const { release, outcome } = await ingestFrom(app, values, io.stdin);
        out(
          values.json
            ? JSON.stringify({ id: release.id, outcome })
            : `${outcome}: ${release.id} ${release.texts[release.sourceLanguage]?.title ?? ""}`,
        );
        return 0;
      }
      case "list": {
        const limit = values.limit ? Number.parseInt(values.limit, 10) : 20;
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError(`--limit must be a positive whole number (got "${values.limit}")`);
        const releases = app.store.listReleases({ limit });
        if (values.json)
          out(
            JSON.stringify(
              releases.map((r) => ({
                id: r.id,
                published: r.published,
                sourceLanguage: r.sourceLanguage,
                titles: Object.fromEntries(Object.values(r.texts).map((t) => [t?.lang, t?.title])),
              })),
            ),
          );
        else
          out(
            releases.length
              ? releases
                  .map(
                    (r) =>
                      `${r.id}  ${r.published ?? "          "}  [${r.sourceLanguage}] ${r.texts[r.sourceLanguage]?.title ?? ""}`,
                  )
                  .join("\n")
              : "No releases stored yet. Try: npm run cli -- ingest --file samples/breton-defence-industry.fr.txt",
          );
        return 0;
      }
      case "show": {
        const id = rest[0];
        if (!id) throw new UsageError("show needs a release id (see `list`)");
        const release = app.store.getRelease(id);
        if (!release) throw new UsageError(`no release with id "${id}" (see \`list\`)`);
        const { brief, cached } = await app.briefs.brief(release);
        out(values.json ? JSON.stringify({ ...brief, cached }) : renderBriefText(brief, lang));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}" (try \`help\`)`);
    }
  } finally {
    await app.close();
  }
}

async function ingestFrom(app: App, values: Options, stdin: NodeJS.ReadableStream) {
  const given = [values.file, values.url, values.text].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --file PATH, --url URL or --text - (stdin)");
  if (values.url) return app.ingest.fromUrl(values.url);
  let raw: string;
  if (values.file) {
    try {
      raw = fs.readFileSync(values.file, "utf8");
    } catch (err) {
      throw new UsageError(
        `cannot read ${values.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  } else if (values.text === "-") raw = await readAll(stdin);
  else raw = values.text ?? "";
  return app.ingest.fromText(raw);
}

function parseLang(value: string | undefined): "en" | "fr" | "both" {
  if (value === undefined) return "both";
  if (value === "en" || value === "fr" || value === "both") return value;
  throw new UsageError(`--lang must be en, fr or both (got "${value}")`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/src/cli.ts");
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      const prefix = err instanceof ConfigError || err instanceof UsageError ? "" : "error: ";
      process.stderr.write(`nato-brief: ${prefix}${message.split("\n")[0]}\n`);
      process.exitCode = err instanceof UsageError ? 2 : 1;
    },
  );
}
