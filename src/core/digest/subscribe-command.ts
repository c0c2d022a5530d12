import type { Command } from "../commands/parse-command.js";
import { describeSchedule, type Subscription, SubscriptionError } from "../domain/subscription.js";
import type { SubscriptionService } from "./subscription-service.js";

/** Reply of `subscribe` / `unsubscribe`: the subscription for renderers that show it, `text` for the rest. */
export interface SubscriptionReply {
  kind: "subscription";
  action: "subscribed" | "updated" | "unsubscribed" | "not-subscribed";
  subscription?: Subscription | undefined;
  text: string;
}

type ErrorReply = { kind: "error"; message: string };

/** `subscribe [HH:MM] [daily|weekdays|mon…sun] [Area/City] [en|fr|both] [topics…]` in the conversation asked from. */
export async function subscribeReply(
  service: SubscriptionService | undefined,
  command: Extract<Command, { kind: "subscribe" }>,
  ctx: { userKey: string; conversationKey: string },
): Promise<SubscriptionReply | ErrorReply> {
  if (!service) return { kind: "error", message: "Digests are not available here." };
  try {
    const { subscription, created } = await service.subscribe({
      target: ctx.conversationKey,
      time: command.time,
      days: command.days,
      timezone: command.timezone,
      languages: command.languages,
      topics: command.topics,
      createdBy: ctx.userKey,
    });
    return {
      kind: "subscription",
      action: created ? "subscribed" : "updated",
      subscription,
      text: `${created ? "Subscribed" : "Subscription updated"}: ${summary(subscription)}. / ${created ? "Abonnement créé" : "Abonnement mis à jour"}.`,
    };
  } catch (err) {
    if (err instanceof SubscriptionError) return { kind: "error", message: `subscribe: ${err.message}` };
    throw err;
  }
}

export async function unsubscribeReply(
  service: SubscriptionService | undefined,
  ctx: { conversationKey: string },
): Promise<SubscriptionReply | ErrorReply> {
  if (!service) return { kind: "error", message: "Digests are not available here." };
  const sub = await service.findByTarget(ctx.conversationKey);
  if (!sub || !(await service.remove(sub.id))) {
    return {
      kind: "subscription",
      action: "not-subscribed",
      text: "This conversation has no digest subscription. / Aucun abonnement ici.",
    };
  }
  return {
    kind: "subscription",
    action: "unsubscribed",
    subscription: sub,
    text: "Unsubscribed: no more digests here. / Désabonné : plus de synthèses ici.",
  };
}

/** "daily at 08:00 (Europe/Brussels), en+fr, topics: ukraine" */
export function summary(sub: Subscription): string {
  const langs = sub.languages === "both" ? "en+fr" : sub.languages;
  const topics = sub.topics.length ? `, topics: ${sub.topics.join(", ")}` : "";
  return `${describeSchedule(sub.schedule)} (${sub.timezone}), ${langs}${topics}`;
}
