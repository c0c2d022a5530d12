import type { IncomingMessage, ServerResponse } from "node:http";
import type { CodedError, Installation, InstallURLOptions } from "@slack/oauth";
import type { Logger } from "../../../src/core/ports/logger.port.js";
import { SLACK_INSTALL_PATH } from "./oauth-settings.js";

/** The pages a person installing the app sees: "Add to Slack", then installed or refused. Bilingual, no script. */

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body>
${body}
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GET /slack/install: the "Add to Slack" link carries the freshly signed state (its cookie is set alongside). */
export function installPage(authorizeUrl: string): string {
  return page(
    "Add NATO Brief to Slack",
    `<h1>NATO Brief</h1>
<p>Bilingual (EN/FR) briefs of NATO releases, daily digests and Q&amp;A in your Slack workspace.<br>
Synthèses bilingues (EN/FR) des communiqués de l'OTAN, résumés quotidiens et questions-réponses dans Slack.</p>
<p><a id="add-to-slack" href="${escapeHtml(authorizeUrl)}">Add to Slack / Ajouter à Slack</a></p>
<p><small>This link is good for ten minutes, in this browser. / Ce lien est valable dix minutes, dans ce navigateur.</small></p>`,
  );
}

function installedPage(installation: Installation): string {
  const where = installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name;
  const teamId = installation.team?.id;
  const open =
    teamId && installation.appId
      ? `slack://app?team=${encodeURIComponent(teamId)}&id=${encodeURIComponent(installation.appId)}`
      : "slack://open";
  return page(
    "NATO Brief is installed",
    `<h1>NATO Brief is installed / NATO Brief est installé</h1>
<p>${where ? `Workspace / Espace de travail : <strong>${escapeHtml(where)}</strong>. ` : ""}
Type <code>/nato-brief help</code> in any channel. / Tapez <code>/nato-brief help</code> dans un canal.</p>
<p><a href="${escapeHtml(open)}">Open Slack / Ouvrir Slack</a></p>`,
  );
}

function refusedPage(cancelled: boolean): string {
  return cancelled
    ? page(
        "Installation cancelled",
        `<h1>Installation cancelled / Installation annulée</h1>
<p>Nothing was installed. / Rien n'a été installé. <a href="${SLACK_INSTALL_PATH}">Start again / Recommencer</a></p>`,
      )
    : page(
        "Installation refused",
        `<h1>This install link is not valid / Ce lien d'installation n'est pas valable</h1>
<p>It was already used, has expired, or was opened in another browser than the one that started the install.
Nothing was installed. / Il a déjà servi, a expiré, ou a été ouvert dans un autre navigateur que celui qui a
commencé l'installation. Rien n'a été installé.</p>
<p><a href="${SLACK_INSTALL_PATH}">Start again / Recommencer</a></p>`,
      );
}

const REFUSED_CODES = new Set(["slack_oauth_invalid_state", "slack_oauth_missing_state", "slack_oauth_missing_code"]);

/** The `callbackOptions` for Bolt's OAuth redirect handler: our pages, a log line, and what follows an install. */
export function installCallbacks(options: {
  logger: Logger;
  /** After the installation is stored: restore what an earlier uninstall disabled, and so on. */
  afterInstall: (installation: Installation) => Promise<void>;
}) {
  const { logger } = options;
  return {
    successAsync: async (
      installation: Installation,
      _o: InstallURLOptions,
      _req: IncomingMessage,
      res: ServerResponse,
    ) => {
      try {
        await options.afterInstall(installation);
      } catch (err) {
        logger.error("after-install step failed (the installation is stored)", { error: err });
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(installedPage(installation));
    },
    failure: (error: CodedError, _o: InstallURLOptions, _req: IncomingMessage, res: ServerResponse) => {
      const cancelled = /cancelled/i.test(error.message);
      const refused = cancelled || REFUSED_CODES.has(error.code);
      logger.warn("Slack installation refused", { code: error.code, reason: error.message });
      res
        .writeHead(refused ? 400 : 500, { "content-type": "text/html; charset=utf-8" })
        .end(
          refused
            ? refusedPage(cancelled)
            : page(
                "Installation failed",
                "<h1>Installation failed / Échec de l'installation</h1><p>Please try again later. / Réessayez plus tard.</p>",
              ),
        );
    },
  };
}
