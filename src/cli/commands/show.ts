import { renderBriefText } from "../../../adapters/console/render/brief-text.js";
import { type CliCommand, JSON_FLAG, langChoice, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "show",
  usage: ["show ID [--lang en|fr|both] [--json]"],
  description:
    "The brief of a stored release (ids come from `nato-brief list`); a release never briefed is briefed now.\n" +
    "Loads the brief engines, not the search index or the sources.",
  flags: {
    lang: { type: "string", value: "en|fr|both", describe: "languages to print (default both; not with --json)" },
    ...JSON_FLAG,
  },
  examples: ["show d073cbfda6", "show d073cbfda6 --lang fr"],
  async run(ctx, args, io) {
    const id = args.positionals[0];
    if (!id) throw new UsageError("needs a release id (see `nato-brief list`)");
    const choice = langChoice(args.values.lang);
    const store = await ctx.store();
    const release = await store.getRelease(id);
    if (!release) throw new UsageError(`no release with id "${id}" (see \`nato-brief list\`)`, { usage: false });
    const { brief, cached } = await (await ctx.briefing()).briefs.brief(release);
    write(io, args.values.json ? JSON.stringify({ ...brief, cached }) : renderBriefText(brief, choice));
    return 0;
  },
};
