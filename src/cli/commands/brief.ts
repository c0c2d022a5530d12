import { renderBriefText } from "../../../adapters/console/render/brief-text.js";
import { type CliCommand, JSON_FLAG, langChoice, write } from "../cli-command.js";
import { ingestInput, readInput, SOURCE_FLAGS } from "../read-input.js";

export const command: CliCommand = {
  name: "brief",
  usage: ["brief --file PATH | --url URL | --text - [--lang en|fr|both] [--json]"],
  description:
    "Stores the release and prints its brief in English and French, each language labelled with where it\n" +
    "comes from. A release briefed before is not briefed again (the stored brief is reused).",
  flags: {
    ...SOURCE_FLAGS,
    lang: { type: "string", value: "en|fr|both", describe: "languages to print (default both; not with --json)" },
    ...JSON_FLAG,
  },
  examples: [
    "brief --file samples/breton-defence-industry.fr.txt",
    "brief --file samples/breton-defence-industry.fr.txt --json",
    "brief --text - < release.txt",
  ],
  async run(ctx, args, io) {
    const choice = langChoice(args.values.lang);
    const input = await readInput(args, io);
    const app = await ctx.app();
    const { release, outcome } = await ingestInput(app, input);
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
        : `${renderBriefText(brief, choice)}${cached ? "\n(stored brief reused)" : ""}`,
    );
    return 0;
  },
};
