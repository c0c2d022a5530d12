import fs from "node:fs";
import type { App } from "../app.js";
import type { IngestResult } from "../core/ingest/ingest-service.js";
import { type CliArgs, type CliIo, UsageError } from "./cli-command.js";

/** `--file PATH | --url URL | --text -` (or `--text "…"`), shared by `brief` and `ingest`. */
export const SOURCE_FLAGS = {
  file: { type: "string", value: "PATH", describe: "a release as a text file (UTF-8; title on the first line)" },
  url: { type: "string", value: "URL", describe: "a release page, from ALLOWED_SOURCE_HOSTS only" },
  text: { type: "string", value: "-", describe: 'the release text on stdin ("-"), or the text itself' },
} as const;

/**
 * The release the flags name, stored. File and stdin are read as bytes, so what is not text is refused as such
 * before anything is decoded.
 */
export async function ingestFrom(app: App, args: CliArgs, io: CliIo): Promise<IngestResult> {
  const { file, url, text } = args.values;
  const given = [file, url, text].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --file PATH, --url URL or --text - (stdin)");
  if (typeof url === "string") return app.ingest.fromUrl(url);
  if (typeof file === "string") {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const why = READ_ERRORS[code] ?? (err as Error).message;
      throw new UsageError(`cannot read ${file}: ${why}${code ? ` (${code})` : ""}`, { usage: false });
    }
    return app.ingest.fromBytes(bytes);
  }
  if (text === "-") return app.ingest.fromBytes(await readAll(io.stdin));
  return app.ingest.fromText(String(text ?? ""));
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder, not a file",
};

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
