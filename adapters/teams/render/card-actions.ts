import type { LangPreference } from "../../../src/core/commands/parse-command.js";
import type { FeedbackVote } from "../../../src/core/ports/feedback-store.port.js";

/**
 * What our `Action.Submit` buttons carry. Teams posts it back as the `value` of a message activity
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-actions),
 * so it is parsed as untrusted input: the shapes below or nothing.
 */
export type CardAction =
  | { action: "lang"; releaseId: string; language: LangPreference }
  | {
      action: "feedback";
      vote: FeedbackVote;
      releaseId: string;
      contentHash: string;
      engine: string;
      promptVersion: string;
    };

/** Marks our data among whatever else a client adds to `value`. */
const TAG = "natoBrief";

export function encodeCardAction(a: CardAction): Record<string, string> {
  if (a.action === "lang") return { [TAG]: "lang", r: a.releaseId, l: a.language };
  return { [TAG]: "feedback", v: a.vote, r: a.releaseId, h: a.contentHash, e: a.engine, p: a.promptVersion };
}

export function decodeCardAction(value: unknown): CardAction | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const str = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;
  if (!str(o.r)) return undefined;
  if (o[TAG] === "lang") {
    return o.l === "en" || o.l === "fr" || o.l === "both"
      ? { action: "lang", releaseId: o.r, language: o.l }
      : undefined;
  }
  if (o[TAG] === "feedback") {
    if ((o.v !== "up" && o.v !== "down") || !str(o.h) || !str(o.e) || !str(o.p)) return undefined;
    return { action: "feedback", vote: o.v, releaseId: o.r, contentHash: o.h, engine: o.e, promptVersion: o.p };
  }
  return undefined;
}
