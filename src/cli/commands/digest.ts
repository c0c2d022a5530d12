import { renderDigestText } from "../../../adapters/console/console-chat-target.js";
import type { App } from "../../app.js";
import type { Digest } from "../../core/digest/digest.js";
import { BACKDATED_DAYS } from "../../core/digest/digest-builder.js";
import type { DeliveryOutcome } from "../../core/digest/digest-delivery.js";
import { type CliCommand, type CliIo, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "digest",
  usage: ["digest --preview ID [--json]", "digest --run-now [ID] [--json]", "digest --history [ID] [--json]"],
  description:
    "--preview shows what a subscription's digest would post now, and for which period; it posts and records\n" +
    "nothing. --run-now delivers the current period's digest of every subscription (or of ID): each target gets\n" +
    "it once per period, however often it is run. --history lists the delivery ledger.",
  flags: {
    preview: {
      type: "string",
      value: "ID",
      describe: "the subscription to preview (ids: nato-brief subscriptions list)",
    },
    "run-now": { type: "boolean", describe: "deliver the current period now" },
    history: { type: "boolean", describe: "the delivery ledger, newest first" },
    ...JSON_FLAG,
  },
  examples: ["digest --preview 3f2a9c1e", "digest --run-now", "digest --history 3f2a9c1e"],
  async run(ctx, args, io) {
    const { preview, history } = args.values;
    const runNow = args.values["run-now"];
    const chosen = [preview !== undefined, runNow === true, history === true].filter(Boolean).length;
    if (chosen !== 1) throw new UsageError("takes one of --preview ID, --run-now [ID] or --history [ID]");
    const app = await ctx.app();
    if (typeof preview === "string") return previewDigest(app, preview, Boolean(args.values.json), io);
    const [id] = args.positionals;
    if (id !== undefined && !(await app.digests.subscriptions.get(id))) {
      throw new UsageError(`no subscription with id "${id}" (see \`nato-brief subscriptions list\`)`, { usage: false });
    }
    if (history) {
      const rows = await app.digests.ledger.list({ subscriptionId: id, limit: 50 });
      const lines = rows.map(
        (r) =>
          `${r.subscriptionId}  ${r.period}  ${r.state}  parts ${r.parts.filter((p) => p.state === "posted").length}/${r.parts.length}` +
          `  attempts ${r.attempts}${r.delayed ? "  delayed" : ""}${r.lastError ? `  ${r.lastError}` : ""}`,
      );
      write(io, args.values.json ? JSON.stringify(rows) : lines.join("\n") || "No deliveries yet.");
      return 0;
    }
    const outcomes = await app.digests.schedule.runNow(id ? [id] : undefined);
    write(io, args.values.json ? JSON.stringify(outcomes) : outcomes.map(describe).join("\n") || "No subscriptions.");
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  },
};

async function previewDigest(app: App, id: string, json: boolean, io: CliIo): Promise<number> {
  const sub = await app.digests.subscriptions.get(id);
  if (!sub)
    throw new UsageError(`no subscription with id "${id}" (see \`nato-brief subscriptions list\`)`, { usage: false });
  const digest = await app.digests.schedule.preview(sub);
  if (json) write(io, JSON.stringify(digest));
  else {
    const { items, delivered, ...header } = digest;
    write(io, renderDigestText({ digest: header, items, index: 0, total: 1 }));
    write(io, previewNote(digest));
  }
  return 0;
}

/** What the preview covers and what --run-now would do with it, in one line. */
function previewNote(digest: Digest & { delivered: boolean }): string {
  const notes = [`${digest.items.length} release(s) stored since ${digest.window.since}`, `period ${digest.period}`];
  if (digest.backdated) {
    notes.push(`${digest.backdated} back-dated release(s) left out (published over ${BACKDATED_DAYS} days earlier)`);
  }
  if (digest.delivered) notes.push("this period was already delivered: --run-now would post nothing");
  return `(preview: ${notes.join("; ")}; nothing was posted or recorded)`;
}

function describe(o: DeliveryOutcome): string {
  const what: Record<DeliveryOutcome["status"], string> = {
    posted: `posted ${o.partsPosted} part(s)`,
    "already-done": "already delivered for this period: not posted again",
    empty: "nothing new: nothing posted",
    failed: `failed (${o.error ?? "unknown error"}); run again to resume`,
    "target-gone": `target gone (${o.error ?? ""}): subscription disabled`,
    busy: "another process is delivering it right now",
    "no-target": "no chat target for this platform in this process",
    disabled: "subscription disabled",
  };
  return `${o.subscriptionId}  ${o.target}  ${o.period}  ${what[o.status]}${o.delayed ? " (delayed)" : ""}`;
}
