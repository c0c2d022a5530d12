import { renderBriefText } from "../../../adapters/console/render/brief-text.js";
import { type CliCommand, UsageError, write } from "../cli-command.js";
import { parseLang } from "./brief.js";

export const listCommand: CliCommand = {
  name: "list",
  help: "list [--limit N] [--json]                  Latest stored releases",
  options: { limit: { type: "string" } },
  async run(app, args, io) {
    const raw = args.values.limit;
    const limit = raw === undefined ? 20 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive whole number (got "${String(raw)}")`);
    const releases = app.store.listReleases({ limit });
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
      write(io, "No releases stored yet. Try: npm run cli -- ingest --file samples/breton-defence-industry.fr.txt");
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

export const showCommand: CliCommand = {
  name: "show",
  help: "show ID [--json] [--lang en|fr|both]       The brief of a stored release (briefs it if needed)",
  options: { lang: { type: "string" } },
  async run(app, args, io) {
    const id = args.positionals[0];
    if (!id) throw new UsageError("show needs a release id (see `list`)");
    const release = app.store.getRelease(id);
    if (!release) throw new UsageError(`no release with id "${id}" (see \`list\`)`);
    const { brief, cached } = await app.briefs.brief(release);
    write(
      io,
      args.values.json ? JSON.stringify({ ...brief, cached }) : renderBriefText(brief, parseLang(args.values.lang)),
    );
    return 0;
  },
};
