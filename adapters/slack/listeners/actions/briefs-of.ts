import type { CommandContext, CommandHandler, Reply } from "../../../../src/core/commands/command-handler.js";
import type { SlackInstallIds } from "../../slack-keys.js";

/** The briefs of the releases a button names, through the same `show` use case as `/nato-brief show ID`. */
export async function briefsOf(handler: CommandHandler, releaseIds: string[], ctx: CommandContext): Promise<Reply> {
  const replies = await Promise.all(releaseIds.map((id) => handler.handle({ kind: "show", id }, ctx)));
  const failed = replies.find((r) => r.kind !== "briefs");
  if (failed) return failed;
  return { kind: "briefs", briefs: replies.flatMap((r) => (r.kind === "briefs" ? r.briefs : [])) };
}

/** Who clicked, in the shape every block action body has. */
export interface ActionBody {
  user: { id: string; team_id?: string | undefined };
  team?: { id: string; enterprise_id?: string | undefined } | null | undefined;
  enterprise?: { id: string } | null | undefined;
  is_enterprise_install?: boolean | undefined;
  channel?: { id: string } | undefined;
  container?: { is_ephemeral?: boolean | undefined; channel_id?: string | undefined } | undefined;
}

export function actionIds(body: ActionBody): SlackInstallIds & { userId: string; channelId: string } {
  return {
    teamId: body.team?.id ?? body.user.team_id,
    enterpriseId: body.enterprise?.id ?? body.team?.enterprise_id,
    isEnterpriseInstall: body.is_enterprise_install === true,
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id ?? "-",
  };
}
