import { renderTranslationText } from "../../../adapters/console/render/translation-text.js";
import { tooLong } from "../../core/commands/input-limits.js";
import { MAX_CLI_TRANSLATE_CHARS, TranslateError, translateText } from "../../core/commands/translate-command.js";
import { isLang } from "../../core/domain/language.js";
import { type CliCommand, type CliIo, InputError, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "translate",
  usage: ["translate [--from en|fr] [--to fr|en] [--text TEXT | --text -] [--json]"],
  description:
    "Offline machine translation between English and French with the briefs' pipeline (Apertium through the pivot\n" +
    "measured best, NATO's official terms, names, figures and dates protected, no word of a third language), of the\n" +
    "text given with --text or on stdin, paragraph by paragraph; the source language is detected unless given.\n" +
    `At most ${MAX_CLI_TRANSLATE_CHARS.toLocaleString("en-GB")} characters. Loads Apertium only, not the store.`,
  flags: {
    from: { type: "string", value: "en|fr", describe: "language of the text (default: detected)" },
    to: { type: "string", value: "fr|en", describe: "language to translate into (default: the other one)" },
    text: { type: "string", value: "TEXT|-", describe: "the text (default, or -: read from stdin)" },
    ...JSON_FLAG,
  },
  examples: [
    'translate --from fr --to en --text "M. Breton a fait un exposé lors d\'une réunion."',
    "translate --to fr < paragraph.txt",
    'translate --text "Allies agreed to step up support." --json',
  ],
  async run(ctx, args, io) {
    const from = lang(args.values.from, "--from");
    const to = lang(args.values.to, "--to");
    const given = args.values.text;
    const text = typeof given === "string" && given !== "-" ? given : await readAll(io);
    const config = await ctx.config();
    if (config.offline.translation === "off") {
      throw new InputError("offline translation is turned off (OFFLINE_TRANSLATION=off)");
    }
    // Apertium's processes start here, for this command only, and stop when it ends.
    const [{ loadGlossary }, { createOfflineTranslation }] = await Promise.all([
      import("../../infra/offline/glossary.js"),
      import("../../infra/offline/offline-translation.js"),
    ]);
    const translation = createOfflineTranslation({
      glossary: loadGlossary(),
      modesDir: config.offline.apertiumModesDir,
      pivots: config.offline.pivots,
      logger: (await ctx.logger()).child({ component: "apertium" }),
    });
    try {
      const result = await translateText(translation.text, { text, from, to, maxChars: MAX_CLI_TRANSLATE_CHARS }).catch(
        (err: unknown) => {
          throw err instanceof TranslateError ? new UsageError(err.message, { usage: false }) : err;
        },
      );
      if (result.provenance.kind === "unavailable") throw new InputError(result.provenance.reason ?? "unavailable");
      if (args.values.json) {
        const { kind, label, model } = result.provenance;
        write(
          io,
          JSON.stringify({ from: result.from, to: result.to, text: result.text, provenance: { kind, label, model } }),
        );
      } else write(io, renderTranslationText(result));
      return 0;
    } finally {
      await translation.close();
    }
  },
};

function lang(value: string | boolean | undefined, flag: string): "en" | "fr" | undefined {
  if (value === undefined) return undefined;
  if (isLang(value)) return value;
  throw new UsageError(`${flag} must be en or fr (got "${String(value)}")`);
}

async function readAll(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    // Far past what translate takes (it counts characters): stop reading rather than buffer without end.
    if (size > MAX_CLI_TRANSLATE_CHARS * 4) {
      throw new UsageError(tooLong("The text to translate", size, MAX_CLI_TRANSLATE_CHARS), { usage: false });
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}
