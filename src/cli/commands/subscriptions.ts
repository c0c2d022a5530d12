import type { App } from "../../app.js";
import { summary } from "../../core/digest/subscribe-command.js";
import { SubscriptionError } from "../../core/domain/subscription.js";
import { type CliArgs, type CliCommand, UsageError, write } from "../cli-command.js";

export const subscriptionsCommand: CliCommand = {
  name: "subscriptions",
  help:
    "subscriptions add|list|remove|enable|disable  Digest subscriptions: add --target slack:T123:C123 [--time HH:MM]\n" +
    "                                             [--days daily|weekdays|mon…sun | --cron TEXT] [--tz Area/City]\n" +
    "                                             [--lang en|fr|both] [--topics a,b]; remove|enable|disable ID",
  options: {
    target: { type: "string" },
    time: { type: "string" },
    days: { type: "string" },
    cron: { type: "string" },
    tz: { type: "string" },
    lang: { type: "string" },
    topics: { type: "string" },
  },
  async run(app, args, io) {
    const [action = "list", id] = args.positionals;
    const service = app.digests.subscriptions;
    switch (action) {
      case "add": {
        const { subscription, created } = add(app, args);
        write(
          io,
          args.values.json
            ? JSON.stringify({ ...subscription, created })
            : `${created ? "added" : "updated"}: ${subscription.id} ${subscription.target} ${summary(subscription)}`,
        );
        return 0;
      }
      case "list": {
        const subs = service.list();
        if (args.values.json) write(io, JSON.stringify(subs));
        else if (subs.length === 0)
          write(io, "No subscriptions. Add one: subscriptions add --target console:local --time 08:00");
        else {
          const lines = subs.map((s) => {
            const [last] = app.digests.ledger.list({ subscriptionId: s.id, limit: 1 });
            const state = s.enabled ? "enabled" : `disabled (${s.disabledReason ?? "no reason"})`;
            const lastRun = last ? `last ${last.period} ${last.state}` : "never delivered";
            return `${s.id}  ${s.target}  ${summary(s)}  ${state}  ${lastRun}`;
          });
          write(io, lines.join("\n"));
        }
        return 0;
      }
      case "remove":
      case "enable":
      case "disable": {
        if (!id) throw new UsageError(`subscriptions ${action} needs a subscription id (see \`subscriptions list\`)`);
        const ok = action === "remove" ? service.remove(id) : Boolean(service.setEnabled(id, action === "enable"));
        if (!ok) throw new UsageError(`no subscription with id "${id}" (see \`subscriptions list\`)`);
        write(io, `${action === "remove" ? "removed" : `${action}d`}: ${id}`);
        return 0;
      }
      default:
        throw new UsageError(`subscriptions takes add, list, remove, enable or disable (got "${action}")`);
    }
  },
};

function add(app: App, args: CliArgs) {
  const v = args.values;
  const str = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  const target = str("target");
  if (!target) throw new UsageError("subscriptions add needs --target, e.g. --target slack:C123 or console:local");
  const lang = str("lang");
  if (lang !== undefined && lang !== "en" && lang !== "fr" && lang !== "both") {
    throw new UsageError(`--lang must be en, fr or both (got "${lang}")`);
  }
  try {
    return app.digests.subscriptions.subscribe({
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
    if (err instanceof SubscriptionError) throw new UsageError(err.message);
    throw err;
  }
}
