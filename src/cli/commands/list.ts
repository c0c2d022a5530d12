import { type CliCommand, JSON_FLAG, wholeNumber, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "list",
  usage: ["list [--limit N] [--json]"],
  description: "The latest stored releases, newest first: id, publication date, languages and title.",
  flags: { limit: { type: "string", value: "N", describe: "how many (default 20)" }, ...JSON_FLAG },
  examples: ["list", "list --limit 5 --json"],
  async run(ctx, args, io) {
    const limit = wholeNumber(args.values.limit, "limit", 20, 1);
    const releases = await (await ctx.store()).listReleases({ limit });
    if (args.values.json) {
      const rows = releases.map((r) => ({
        id: r.id,
        published: r.published,
        sourceLanguage: r.sourceLanguage,
        languages: Object.keys(r.texts),
        titles: Object.fromEntries(Object.values(r.texts).map((t) => [t?.lang, t?.title])),
      }));
      write(io, JSON.stringify(rows));
    } else if (releases.length === 0) {
      write(io, "No releases stored yet. Try: nato-brief ingest --file samples/breton-defence-industry.fr.txt");
    } else {
      const lines = releases.map(
        (r) =>
          `${r.id}  ${r.published ?? "          "}  [${Object.keys(r.texts).join("+")}] ${r.texts[r.sourceLanguage]?.title ?? ""}`,
      );
      write(io, lines.join("\n"));
    }
    return 0;
  },
};
