import type { Logger } from "../../core/ports/logger.port.js";
import type { PollItem, PollReport } from "../../core/sources/poll-report.js";
import type { SourcePoller } from "../../core/sources/source-poller.js";
import { schedulePolling } from "../../infra/sources/poll-schedule.js";
import { type CliCommand, type CliIo, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "sources",
  usage: ["sources list [--json]", "sources poll --once [--json]", "sources poll"],
  description:
    "The configured release sources (NATO site, feeds, pages), and polling them: --once reports what was new,\n" +
    "updated, unchanged, paired or skipped and why, then exits (1 only when no source could be read); without\n" +
    "--once it polls now and on SOURCES_POLL_CRON until Ctrl-C.",
  flags: { once: { type: "boolean", describe: "poll one time and exit" }, ...JSON_FLAG },
  examples: ["sources list", "sources poll --once", "sources poll --once --json"],
  async run(ctx, args, io) {
    const [action] = args.positionals;
    if (action !== "list" && action !== "poll") {
      throw new UsageError(`takes "list" or "poll" (got ${action === undefined ? "nothing" : `"${action}"`})`);
    }
    const app = await ctx.app();
    const { list: sources, poller } = await app.sources();
    if (action === "list") {
      if (args.values.json)
        write(io, JSON.stringify(sources.map((s) => ({ name: s.name, description: s.description }))));
      else if (sources.length === 0)
        write(io, "No release sources configured (see NATO_SITE_ENABLED, SOURCES_FEEDS, SOURCES_PAGES).");
      else write(io, sources.map((s) => `${s.name.padEnd(18)} ${s.description}`).join("\n"));
      return 0;
    }
    if (!args.values.once) return pollForever(poller, app.config.sources.pollCron, app.logger, io);
    const report = await poller.poll();
    write(io, args.values.json ? JSON.stringify(report) : renderReport(report));
    // Exit 1 only when there were sources and none could be read: a monitoring cron job should hear of it.
    const unreadable = report.sources.length > 0 && report.sources.every((s) => s.error !== undefined);
    return unreadable ? 1 : 0;
  },
};

export function renderReport(report: PollReport): string {
  const { counts } = report;
  const lines = [
    `Polled ${report.sources.length} source(s): ${counts.new} new, ${counts.updated} updated, ` +
      `${counts.unchanged} unchanged, ${counts.paired} paired, ${counts.skipped} skipped`,
  ];
  for (const s of report.sources) {
    lines.push(`  ${s.name}: ${s.error ? `not read — ${s.error}` : `${s.entries} entries via ${s.via ?? "?"}`}`);
  }
  if (report.items.length > 0) lines.push("");
  for (const item of report.items) lines.push(...renderItem(item));
  return lines.join("\n");
}

function renderItem(item: PollItem): string[] {
  const langs = item.languages ? `[${item.languages.join("+")}] ` : "";
  const head = `${item.outcome.padEnd(9)} ${(item.releaseId ?? "-").padEnd(10)} ${langs}${item.title ?? item.url}`;
  const lines = [head];
  if (item.title) lines.push(`          ${item.url}`);
  if (item.paired) lines.push(`          paired ${item.paired.lang}: ${item.paired.url}`);
  if (item.reason) lines.push(`          ${item.outcome === "skipped" ? "why" : "note"}: ${item.reason}`);
  return lines;
}

async function pollForever(poller: SourcePoller, cron: string, logger: Logger, io: CliIo): Promise<number> {
  write(io, `Polling now and on "${cron}" (SOURCES_POLL_CRON); Ctrl-C stops. Progress is logged on stderr.`);
  const schedule = schedulePolling(poller, { cron, logger });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await schedule.stop();
  return 0;
}
