import { renderDigestText } from "../../../adapters/console/console-chat-target.js";
import type { App } from "../../app.js";
import type { DeliveryOutcome } from "../../core/digest/digest-delivery.js";
import { type CliCommand, type CliIo, UsageError, write } from "../cli-command.js";

export const digestCommand: CliCommand = {
  name: "digest",
  help:
    "digest --preview ID | --run-now [ID] | --history [ID]  Preview a digest; deliver the current period now\n" +
    "                                             (each target once per period); the delivery ledger",
  options: { preview: { type: "string" }, "run-now": { type: "boolean" }, history: { type: "boolean" } },
  async run(app, args, io) {
    const { preview, history } = args.values;
    const runNow = args.values["run-now"];
    const chosen = [preview !== undefined, runNow === true, history === true].filter(Boolean).length;
    if (chosen !== 1) throw new UsageError("digest takes one of --preview ID, --run-now [ID] or --history [ID]");
    if (typeof preview === "string") return previewDigest(app, preview, Boolean(args.values.json), io);
    const [id] = args.positionals;
    if (id !== undefined && !app.digests.subscriptions.get(id)) {
      throw new UsageError(`no subscription with id "${id}" (see \`subscriptions list\`)`);
    }
    if (history) {
      const rows = app.digests.ledger.list({ subscriptionId: id, limit: 50 });
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
  const sub = app.digests.subscriptions.get(id);
  if (!sub) throw new UsageError(`no subscription with id "${id}" (see \`subscriptions list\`)`);
  const digest = await app.digests.delivery.preview(sub);
  if (json) write(io, JSON.stringify(digest));
  else {
    const { items, ...header } = digest;
    write(io, renderDigestText({ digest: header, items, index: 0, total: 1 }));
    write(io, `(preview: ${items.length} release(s) since ${digest.window.since}; nothing was posted or recorded)`);
  }
  return 0;
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
