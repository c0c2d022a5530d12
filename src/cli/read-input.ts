import fs from "node:fs";
import type { App } from "../app.js";
import { DEFAULT_MAX_CHARS } from "../core/ingest/build-draft.js";
import { IngestError, isIngestError } from "../core/ingest/ingest-error.js";
import type { IngestResult } from "../core/ingest/ingest-service.js";
import { checkTextBytes, decodeText } from "../core/ingest/text-gate.js";
import { type CliArgs, type CliIo, InputError, UsageError } from "./cli-command.js";

/** `--file PATH | --url URL | --text -` (or `--text "…"`), shared by `brief` and `ingest`. */
export const SOURCE_FLAGS = {
  file: { type: "string", value: "PATH", describe: "a release as a text file (UTF-8; title on the first line)" },
  url: { type: "string", value: "URL", describe: "a release page, from ALLOWED_SOURCE_HOSTS only" },
  text: { type: "string", value: "-", describe: 'the release text on stdin ("-"), or the text itself' },
} as const;

/** What `--file`, `--text` or `--url` gave: text already decoded (and checked to be text), or a URL to fetch. */
export type ReleaseInput = { url: string } | { text: string };

/**
 * Reads the input the flags name before anything else is loaded: a file or stdin that is not text is refused
 * at once, without starting the app.
 */
export async function readInput(args: CliArgs, io: CliIo): Promise<ReleaseInput> {
  const { file, url, text } = args.values;
  const given = [file, url, text].filter((v) => v !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --file PATH, --url URL or --text - (stdin)");
  if (typeof url === "string") return { url };
  if (typeof file === "string") {
    let bytes: Buffer;
    try {
      bytes = readRelease(file);
    } catch (err) {
      if (isIngestError(err)) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const why = READ_ERRORS[code] ?? (err as Error).message;
      throw new InputError(`cannot read ${file}: ${why}${code ? ` (${code})` : ""}`);
    }
    return { text: decodeText(bytes) };
  }
  if (text === "-") return { text: decodeText(await readAll(io.stdin, MAX_FILE_BYTES)) };
  return { text: String(text ?? "") };
}

/** The release the input names, stored (or found stored). */
export function ingestInput(app: App, input: ReleaseInput): Promise<IngestResult> {
  return "url" in input ? app.ingest.fromUrl(input.url) : app.ingest.fromText(input.text);
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder, not a file",
};

/**
 * No release is this large (the text limit is DEFAULT_MAX_CHARS characters, at most 4 bytes each): a bigger
 * file is refused after reading its head only, as not text when the head says so, else as too long.
 */
const MAX_FILE_BYTES = 4 * DEFAULT_MAX_CHARS;

function readRelease(file: string): Buffer {
  const size = fs.statSync(file).size;
  if (size <= MAX_FILE_BYTES) return fs.readFileSync(file);
  const head = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(file, "r");
  try {
    checkTextBytes(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
  } finally {
    fs.closeSync(fd);
  }
  throw tooLarge(size);
}

function tooLarge(bytes: number): IngestError {
  return new IngestError(
    "too-long",
    `This is ${(bytes / 1_000_000).toFixed(1)} MB: a release is at most ${DEFAULT_MAX_CHARS} characters; give one release at a time.`,
  );
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    size += buf.length;
    if (size > limit) {
      checkTextBytes(Buffer.concat(chunks).subarray(0, 64 * 1024));
      throw tooLarge(size);
    }
  }
  return Buffer.concat(chunks);
}
