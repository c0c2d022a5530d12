import fs from "node:fs";
import { renderBriefText } from "../../../adapters/console/render/brief-text.js";
import type { App } from "../../app.js";
import { type CliArgs, type CliCommand, type CliIo, UsageError, write } from "../cli-command.js";

const SOURCE_OPTIONS = { file: { type: "string" }, url: { type: "string" }, text: { type: "string" } } as const;

export const briefCommand: CliCommand = {
  name: "brief",
  help: "brief --file PATH | --url URL | --text -   Brief a release (stores it); --json prints one JSON Brief",
  options: { ...SOURCE_OPTIONS, lang: { type: "string" } },
  async run(app, args, io) {
    const { release, outcome } = await ingestFrom(app, args, io);
    const { brief, cached } = await app.briefs.brief(release);
    app.logger.info(cached ? "reused the stored brief" : "wrote a new brief", {
      releaseId: release.id,
      outcome,
      cached,
    });
    write(
      io,
      args.values.json
        ? JSON.stringify({ ...brief, cached })
        : `${renderBriefText(brief, parseLang(args.values.lang))}${cached ? "\n(stored brief reused)" : ""}`,
    );
    return 0;
  },
};

export const ingestCommand: CliCommand = {
  name: "ingest",
  help: "ingest --file PATH | --url URL | --text -  Store a release without briefing it",
  options: SOURCE_OPTIONS,
  async run(app, args, io) {
    const { release, outcome } = await ingestFrom(app, args, io);
    const title = release.texts[release.sourceLanguage]?.title ?? "";
    write(io, args.values.json ? JSON.stringify({ id: release.id, outcome }) : `${outcome}: ${release.id} ${title}`);
    return 0;
  },
};

export async function ingestFrom(app: App, args: CliArgs, io: CliIo) {
  const { file, url, text } = args.values;
  const given = [file, url, text].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --file PATH, --url URL or --text - (stdin)");
  if (typeof url === "string") return app.ingest.fromUrl(url);
  let raw: string;
  if (typeof file === "string") {
    try {
      raw = fs.readFileSync(file, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else if (text === "-") raw = await readAll(io.stdin);
  else raw = String(text ?? "");
  return app.ingest.fromText(raw);
}

export function parseLang(value: unknown): "en" | "fr" | "both" {
  if (value === undefined) return "both";
  if (value === "en" || value === "fr" || value === "both") return value;
  throw new UsageError(`--lang must be en, fr or both (got "${String(value)}")`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
