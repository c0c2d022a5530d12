import type { TurnContext } from "botbuilder";
import {
  conversationKeyOf,
  PLATFORM,
  proactiveReferenceOf,
  scopeOf,
  teamIdOf,
  tenantIdOf,
} from "../conversation/teams-keys.js";
import type { TeamsDeps } from "../teams-deps.js";

type Next = () => Promise<void>;

/** Stores (or refreshes) the reference digests of this conversation will be posted with. */
export function rememberConversation(ctx: TurnContext, deps: TeamsDeps): Promise<"created" | "updated"> {
  const activity = ctx.activity;
  return deps.refs.save({
    key: conversationKeyOf(activity),
    platform: PLATFORM,
    teamId: teamIdOf(activity),
    tenantId: tenantIdOf(activity),
    conversationType: scopeOf(activity),
    reference: proactiveReferenceOf(activity),
  });
}

const WELCOME = {
  personal: "Hello! I brief NATO news and press releases in English and French. Type **help** for the commands.",
  group:
    "Hello! I brief NATO news and press releases in English and French. Mention me with a command, e.g. " +
    "**@NATO Brief latest**, or **@NATO Brief subscribe 08:00** for a daily digest here; **help** lists them all.",
};

/** `conversationUpdate` with the bot among `membersAdded`: the app was installed here. */
export function membersAddedListener(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    const botId = ctx.activity.recipient?.id;
    if (ctx.activity.membersAdded?.some((m) => m.id === botId)) {
      const outcome = await rememberConversation(ctx, deps);
      deps.logger.info("teams app installed", { conversation: conversationKeyOf(ctx.activity), outcome });
      const text = scopeOf(ctx.activity) === "personal" ? WELCOME.personal : WELCOME.group;
      await deps.sender.send(ctx, { type: "message", text, textFormat: "markdown" });
    }
    await next();
  };
}

/** `installationUpdate` (add / upgrade): the same reference, without a second welcome. */
export function installationAddedListener(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    await rememberConversation(ctx, deps);
    await next();
  };
}

/** Every message refreshes the reference: the service URL of a tenant can change. */
export function rememberOnMessage(deps: TeamsDeps) {
  return async (ctx: TurnContext, next: Next): Promise<void> => {
    try {
      await rememberConversation(ctx, deps);
    } catch (err) {
      deps.logger.error("teams conversation reference not stored", { error: err });
    }
    await next();
  };
}
