import { renderSearchText } from "../../../adapters/console/render/answer-text.js";
import { type CliCommand, UsageError, write } from "../cli-command.js";

export const searchCommand: CliCommand = {
  name: "search",
  help: "search WORDS [--limit N] [--json]          Stored releases matching the words (date words narrow it)",
  options: { limit: { type: "string" } },
  async run(app, args, io) {
    const words = args.positionals.join(" ").trim();
    if (!words) throw new UsageError("search needs some words to look for, e.g. search ammunition");
    const raw = args.values.limit;
    const limit = raw === undefined ? 10 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new UsageError(`--limit must be a whole number from 1 to 100 (got "${String(raw)}")`);
    }
    const outcome = await app.qa.service.search(words, {}, limit);
    write(io, args.values.json ? JSON.stringify(outcome) : renderSearchText(outcome));
    return 0;
  },
};
