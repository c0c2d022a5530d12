import { type Activity, CardFactory, MessageFactory } from "botbuilder";
import type { TeamsMessage } from "../render/reply-messages.js";

/** Wraps a rendered message in a Bot Framework activity: an Adaptive Card attachment, or Markdown text. */
export function toActivity(message: TeamsMessage): Partial<Activity> {
  if (message.kind === "text") return { ...MessageFactory.text(message.text), textFormat: "markdown" };
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  // Shown in notifications and the activity feed instead of "sent a card".
  activity.summary = message.summary;
  return activity;
}
