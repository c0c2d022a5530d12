import { type CliCommand, UsageError, write } from "../cli-command.js";

export const installationsCommand: CliCommand = {
  name: "installations",
  help:
    "installations [list] [--json] | rekey     Slack workspaces and orgs that installed the app (never their\n" +
    "                                             tokens); rekey re-encrypts them with TOKEN_ENCRYPTION_KEY",
  async run(app, args, io) {
    const installs = app.slackInstalls;
    if (!installs) {
      throw new UsageError(
        "installations are kept in distributed mode only: set SLACK_CLIENT_ID and the variables the README lists",
      );
    }
    const [action = "list"] = args.positionals;
    if (action === "rekey") {
      const resealed = await installs.store.reseal();
      write(io, `${resealed} installation(s) re-encrypted with key ${installs.store.currentKeyId}`);
      return 0;
    }
    if (action !== "list") throw new UsageError(`installations ${action}: unknown action (list or rekey)`);
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
