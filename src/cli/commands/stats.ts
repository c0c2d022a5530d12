import { type CliCommand, JSON_FLAG, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "stats",
  usage: ["stats [--json]"],
  description: "How many releases are stored, and per brief engine how many briefs and LLM tokens they cost.",
  flags: { ...JSON_FLAG },
  examples: ["stats", "stats --json"],
  async run(ctx, args, io) {
    const store = await ctx.store();
    const engines = await store.usageTotals();
    const totals = engines.reduce(
      (t, e) => ({
        briefs: t.briefs + e.briefs,
        promptTokens: t.promptTokens + e.promptTokens,
        cachedTokens: t.cachedTokens + e.cachedTokens,
        completionTokens: t.completionTokens + e.completionTokens,
      }),
      { briefs: 0, promptTokens: 0, cachedTokens: 0, completionTokens: 0 },
    );
    const releases = await store.countReleases();
    if (args.values.json) {
      write(io, JSON.stringify({ releases, engines, totals }));
      return 0;
    }
    const rows = engines.map(
      (e) =>
        `  ${e.engine.padEnd(28)} ${String(e.briefs).padStart(6)} briefs  ${e.promptTokens} prompt (${e.cachedTokens} cached) + ${e.completionTokens} completion tokens`,
    );
    write(
      io,
      [
        `${releases} release(s) stored`,
        ...(rows.length ? rows : ["  no briefs yet"]),
        `  total: ${totals.promptTokens + totals.completionTokens} tokens`,
      ].join("\n"),
    );
    return 0;
  },
};
