import { type CliCommand, JSON_FLAG, write } from "../cli-command.js";
import { ingestInput, readInput, SOURCE_FLAGS } from "../read-input.js";

export const command: CliCommand = {
  name: "ingest",
  usage: ["ingest --file PATH | --url URL | --text - [--json]"],
  description:
    "Stores a release without briefing it; prints whether it was new, updated or unchanged, with its id.\n" +
    "What is not a text release (binary data, code, another language) is refused and nothing is stored.",
  flags: { ...SOURCE_FLAGS, ...JSON_FLAG },
  examples: [
    "ingest --file samples/breton-defence-industry.fr.txt",
    "ingest --url https://www.nato.int/cps/en/natohq/news_222735.htm",
  ],
  async run(ctx, args, io) {
    const input = await readInput(args, io);
    const { release, outcome } = await ingestInput(await ctx.app(), input);
    const title = release.texts[release.sourceLanguage]?.title ?? "";
    write(io, args.values.json ? JSON.stringify({ id: release.id, outcome }) : `${outcome}: ${release.id} ${title}`);
    return 0;
  },
};
