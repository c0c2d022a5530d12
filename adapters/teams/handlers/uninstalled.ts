import type { TurnContext } from "botbuilder";
import { conversationKeyOf, PLATFORM, teamIdOf } from "../conversation/teams-keys.js";
import type { TeamsDeps } from "../teams-deps.js";

type Next = () => Promise<void>;

/** Forgets the conversation, and every channel of the team when the bot left a team: no digest can go there now. */
async function forget(ctx: TurnContext, deps: TeamsDeps, why: string): Promise<void> {
  const key = conversationKeyOf(ctx.activity);
  const teamId = teamIdOf(ctx.activity);
  const removed = ((await deps.refs.remove(key)) ? 1 : 0) + (teamId ? await deps.refs.removeTeam(PLATFORM, teamId) : 0);
  deps.logger.info("teams app removed", { conversation: key, teamId, removed, why });
}

/** `conversationUpdate` with the bot among `membersRemoved`. */
export function membersRemovedListener(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    const botId = ctx.activity.recipient?.id;
    if (ctx.activity.membersRemoved?.some((m) => m.id === botId)) await forget(ctx, deps, "membersRemoved");
    await next();
  };
}

/** `installationUpdate` with action remove. */
export function installationRemovedListener(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    await forget(ctx, deps, "installationUpdate remove");
    await next();
  };
}
