import { type CliCommand, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "installations",
  usage: ["installations [list] [--json]", "installations rekey"],
  description:
    "The Slack workspaces and orgs that installed the app (never their tokens), in distributed mode; rekey\n" +
    "re-encrypts their tokens with TOKEN_ENCRYPTION_KEY's current key.",
  flags: { ...JSON_FLAG },
  examples: ["installations", "installations rekey"],
  async run(ctx, args, io) {
    const [action = "list"] = args.positionals;
    if (action !== "list" && action !== "rekey") throw new UsageError(`unknown action "${action}" (list or rekey)`);
    const installs = (await ctx.app()).slackInstalls;
    if (!installs) {
      throw new UsageError(
        "installations are kept in distributed mode only: set SLACK_CLIENT_ID and the variables the README lists",
        { usage: false },
      );
    }
    if (action === "rekey") {
      const resealed = await installs.store.reseal();
      write(io, `${resealed} installation(s) re-encrypted with key ${installs.store.currentKeyId}`);
      return 0;
    }
    const rows = await installs.store.list();
    if (args.values.json) write(io, JSON.stringify(rows));
    else if (!rows.length) write(io, "No installations yet: open /slack/install to add the app to a workspace.");
    else {
      for (const r of rows) {
        const kind = r.isEnterpriseInstall ? "org-wide" : "workspace";
        write(io, `${r.installKey}  ${kind}  ${r.name ?? ""}  installed ${r.installedAt}  key ${r.keyId}`);
      }
    }
    return 0;
  },
};
