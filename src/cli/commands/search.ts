import { renderSearchText } from "../../../adapters/console/render/answer-text.js";
import { type CliCommand, JSON_FLAG, UsageError, wholeNumber, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "search",
  usage: ["search WORDS [--limit N] [--json]"],
  description:
    "Stored releases matching the words, best first, with their best sentence. Date words narrow the search\n" +
    '("this week", "in February 2024", « ce mois-ci »); alone, they list that period. "Quoted phrases" must match.',
  flags: { limit: { type: "string", value: "N", describe: "how many, 1 to 100 (default 10)" }, ...JSON_FLAG },
  examples: ["search munitions Patriot", 'search "this week"'],
  async run(ctx, args, io) {
    const words = args.positionals.join(" ").trim();
    if (!words) throw new UsageError("needs some words to look for, e.g. nato-brief search ammunition");
    const limit = wholeNumber(args.values.limit, "limit", 10, 1, 100);
    const { qa } = await ctx.qa();
    const outcome = await qa.service.search(words, {}, limit);
    write(io, args.values.json ? JSON.stringify(outcome) : renderSearchText(outcome));
    return 0;
  },
};
