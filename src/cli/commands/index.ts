import type { CliCommand } from "../cli-command.js";

/** One line of the registry: enough for the global help; the command's own file loads only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for `nato-brief help`. */
  summary: string;
  load(): Promise<CliCommand>;
}

/**
 * Every `nato-brief` sub-command, in the order `help` lists them.
 *
 * To add one: write `src/cli/commands/NAME.ts` exporting `command: CliCommand` (usage, flags, examples, run; see
 * cli-command.ts), then add one `entry(...)` line here. Keep the import dynamic, as below: `help` and the other commands
 * then never load your file or what it imports. In `run`, ask the context for what you need: `ctx.store()` for
 * stored releases, `ctx.briefing()` for briefs, `ctx.qa()` for questions, `ctx.app()` for everything else (ingest, sources, digests).
 */
export const COMMANDS: CommandEntry[] = [
  entry("brief", "Brief a release from a file, stdin or a URL (stores it)", () => import("./brief.js")),
  entry("ingest", "Store a release without briefing it", () => import("./ingest.js")),
  entry("list", "Latest stored releases", () => import("./list.js")),
  entry("show", "The brief of a stored release (briefs it if needed)", () => import("./show.js")),
  entry("search", "Stored releases matching some words (date words narrow it)", () => import("./search.js")),
  entry("ask", "Answer a question from the stored releases, with citations", () => import("./ask.js")),
  entry("sources", "Release sources: list them, poll them", () => import("./sources.js")),
  entry(
    "subscriptions",
    "Digest subscriptions: add, list, remove, enable, disable",
    () => import("./subscriptions.js"),
  ),
  entry("digest", "Preview a digest, deliver it now, or read the delivery ledger", () => import("./digest.js")),
  entry(
    "installations",
    "Slack workspaces that installed the app (distributed mode); rekey",
    () => import("./installations.js"),
  ),
  entry("db", "The database: migrate it, or copy a SQLite file into PostgreSQL", () => import("./db.js")),
  entry("stats", "Stored releases, briefs and LLM tokens per engine", () => import("./stats.js")),
  entry("translate", "Offline machine translation EN↔FR (Apertium), labelled", () => import("./translate.js")),
];

function entry(name: string, summary: string, load: () => Promise<{ command: CliCommand }>): CommandEntry {
  return { name, summary, load: async () => (await load()).command };
}
