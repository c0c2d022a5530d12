import type { App } from "../../app.js";
import { summary } from "../../core/digest/subscribe-command.js";
import { SubscriptionError } from "../../core/domain/subscription.js";
import { type CliArgs, type CliCommand, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "subscriptions",
  usage: [
    "subscriptions add --target PLATFORM:ID [--time HH:MM] [--days daily|weekdays|mon…sun | --cron TEXT]\n" +
      "                            [--tz Area/City] [--lang en|fr|both] [--topics a,b] [--json]",
    "subscriptions list [--json]",
    "subscriptions remove|enable|disable ID",
  ],
  description:
    "A subscription posts a digest of new releases to one chat target (slack:T123:C123, teams:CONVERSATION,\n" +
    "console:local) at its own time, in its own timezone and languages. Adding the same target again updates it.",
  flags: {
    target: {
      type: "string",
      value: "PLATFORM:ID",
      describe: "where the digest goes: slack:T123:C123 (team:channel), teams:…, console:local",
    },
    time: { type: "string", value: "HH:MM", describe: "local time of the digest (default 08:00)" },
    days: { type: "string", value: "daily|weekdays|mon…sun", describe: "which days (default daily)" },
    cron: {
      type: "string",
      value: "TEXT",
      describe: 'any 5-field cron text instead of --time/--days ("0 8,17 * * 1-5")',
    },
    tz: { type: "string", value: "Area/City", describe: "IANA timezone (default DIGEST_TIMEZONE, Europe/Brussels)" },
    lang: { type: "string", value: "en|fr|both", describe: "languages of the digest (default both)" },
    topics: { type: "string", value: "a,b", describe: "only releases mentioning one of these words" },
    ...JSON_FLAG,
  },
  examples: [
    "subscriptions add --target console:local --time 07:30 --days weekdays --tz Europe/Brussels --topics ukraine,cyber",
    "subscriptions list",
  ],
  async run(ctx, args, io) {
    const [action = "list", id] = args.positionals;
    if (!["add", "list", "remove", "enable", "disable"].includes(action)) {
      throw new UsageError(`takes add, list, remove, enable or disable (got "${action}")`);
    }
    const app = await ctx.app();
    const service = app.digests.subscriptions;
    switch (action) {
      case "add": {
        const { subscription, created } = await add(app, args);
        write(
          io,
          args.values.json
            ? JSON.stringify({ ...subscription, created })
            : `${created ? "added" : "updated"}: ${subscription.id} ${subscription.target} ${summary(subscription)}`,
        );
        return 0;
      }
      case "list": {
        const subs = await service.list();
        if (args.values.json) write(io, JSON.stringify(subs));
        else if (subs.length === 0)
          write(io, "No subscriptions. Add one: subscriptions add --target console:local --time 08:00");
        else {
          const lines: string[] = [];
          for (const s of subs) {
            const [last] = await app.digests.ledger.list({ subscriptionId: s.id, limit: 1 });
            const state = s.enabled ? "enabled" : `disabled (${s.disabledReason ?? "no reason"})`;
            const lastRun = last ? `last ${last.period} ${last.state}` : "never delivered";
            lines.push(`${s.id}  ${s.target}  ${summary(s)}  ${state}  ${lastRun}`);
          }
          write(io, lines.join("\n"));
        }
        return 0;
      }
      case "remove":
      case "enable":
      case "disable": {
        if (!id) throw new UsageError(`${action} needs a subscription id (see \`nato-brief subscriptions list\`)`);
        const ok =
          action === "remove" ? await service.remove(id) : Boolean(await service.setEnabled(id, action === "enable"));
        if (!ok) {
          throw new UsageError(`no subscription with id "${id}" (see \`nato-brief subscriptions list\`)`, {
            usage: false,
          });
        }
        write(io, `${action === "remove" ? "removed" : `${action}d`}: ${id}`);
        return 0;
      }
      default:
        return 2;
    }
  },
};

async function add(app: App, args: CliArgs) {
  const v = args.values;
  const str = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  const target = str("target");
  if (!target) throw new UsageError("add needs --target, e.g. --target slack:C123 or console:local");
  const lang = str("lang");
  if (lang !== undefined && lang !== "en" && lang !== "fr" && lang !== "both") {
    throw new UsageError(`--lang must be en, fr or both (got "${lang}")`);
  }
  try {
    return await app.digests.subscriptions.subscribe({
      target,
      time: str("time"),
      days: str("days"),
      cron: str("cron"),
      timezone: str("tz"),
      languages: lang,
      topics: str("topics")?.split(","),
      createdBy: "cli",
    });
  } catch (err) {
    if (err instanceof SubscriptionError) throw new UsageError(err.message, { usage: false });
    throw err;
  }
}
