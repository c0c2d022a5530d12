/**
 * How Slack conversations are named in the core. A subscription target is `slack:<install>:<channel>`, where
 * `<install>` says whose token posts there: the workspace's team id (T…) for a workspace install, the
 * organisation's enterprise id (E…) for an org-wide Enterprise Grid install. Targets written before workspaces
 * were part of the key (`slack:<channel>`) still post in single-workspace mode and are rewritten at start-up
 * (see legacy-targets.ts).
 */

import type { InstallationQuery } from "@slack/oauth";

export interface SlackInstallIds {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** The id an installation is stored and looked up under; undefined when the request names neither. */
export function installKeyOf(ids: SlackInstallIds): string | undefined {
  return ids.isEnterpriseInstall && ids.enterpriseId ? ids.enterpriseId : (ids.teamId ?? ids.enterpriseId);
}

/** Enterprise ids start with E, team ids with T (https://docs.slack.dev/enterprise/developing-for-enterprise-orgs). */
export function isOrgKey(installKey: string): boolean {
  return installKey.startsWith("E");
}

/** The query @slack/oauth's `authorize` and `fetchInstallation` take, for an install key. */
export function queryOf(installKey: string): InstallationQuery<boolean> {
  return isOrgKey(installKey)
    ? { teamId: undefined, enterpriseId: installKey, isEnterpriseInstall: true }
    : { teamId: installKey, enterpriseId: undefined, isEnterpriseInstall: false };
}

export function conversationKey(installKey: string | undefined, channelId: string): string {
  return `slack:${installKey ?? "-"}:${channelId}`;
}

/** Every target of one installation starts with this. */
export function targetPrefix(installKey: string): string {
  return `slack:${installKey}:`;
}

/** The parts of a target's id (`T123:C456`, or a legacy `C456`). */
export function splitTargetId(id: string): { installKey?: string | undefined; channel: string } {
  const at = id.indexOf(":");
  if (at < 0) return { channel: id };
  const installKey = id.slice(0, at);
  return { installKey: installKey === "-" ? undefined : installKey, channel: id.slice(at + 1) };
}

/** A target from before workspaces were in the key: `slack:C123`. */
export function isLegacyTarget(target: string): boolean {
  return /^slack:[^:]+$/.test(target);
}
