import type { Activity, ConversationReference } from "botbuilder";
import { TurnContext } from "botbuilder";

export const PLATFORM = "teams";

export type TeamsScope = "personal" | "channel" | "groupChat";

/**
 * "19:abc@thread.tacv2;messageid=1712" → "19:abc@thread.tacv2": a message in a channel thread carries the thread
 * in the conversation id; the channel itself (where digests go, one key per subscription) is the part before ";".
 */
export function baseConversationId(id: string): string {
  return id.split(";")[0] ?? id;
}

/** Subscription target and conversation key of the core: "teams:<conversation id>". */
export function conversationKeyOf(activity: Partial<Activity>): string {
  return `${PLATFORM}:${baseConversationId(activity.conversation?.id ?? "")}`;
}

/** "teams:29:1abc…": the Bot Framework id of the sender in this bot's eyes. */
export function userKeyOf(activity: Partial<Activity>): string {
  return `${PLATFORM}:${activity.from?.id ?? "unknown"}`;
}

export function scopeOf(activity: Partial<Activity>): TeamsScope {
  const type = activity.conversation?.conversationType;
  if (type === "channel" || type === "groupChat" || type === "personal") return type;
  return activity.conversation?.isGroup ? "groupChat" : "personal";
}

interface TeamsChannelData {
  team?: { id?: string };
  tenant?: { id?: string };
  channel?: { id?: string };
}

export function teamIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as TeamsChannelData | undefined;
  return typeof data?.team?.id === "string" ? data.team.id : undefined;
}

export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as TeamsChannelData | undefined;
  return activity.conversation?.tenantId ?? data?.tenant?.id;
}

/**
 * The reference to post into this conversation later as a new message: the channel (not the thread the message
 * came from) and no activity to reply to.
 */
export function proactiveReferenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(activity);
  const conversation = ref.conversation
    ? { ...ref.conversation, id: baseConversationId(ref.conversation.id) }
    : ref.conversation;
  const { activityId: _thread, ...rest } = ref;
  return { ...rest, conversation } as Partial<ConversationReference>;
}
