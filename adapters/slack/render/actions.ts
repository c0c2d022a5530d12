import type { LangPreference } from "../../../src/core/commands/parse-command.js";
import type { FeedbackVote } from "../../../src/core/ports/feedback-store.port.js";

/** Action ids of our buttons: the listeners in `listeners/actions/` match on these. */
export const SWITCH_LANGUAGE_ACTION = /^brief_lang_(en|fr|both)$/;
export const SHARE_ACTION_ID = "brief_share";
/** "Brief" next to a search hit: its value is the release id. */
export const SHOW_BRIEF_ACTION_ID = "brief_show";
export const FEEDBACK_ACTION = /^brief_feedback_(up|down)$/;

export const switchLanguageActionId = (lang: LangPreference) => `brief_lang_${lang}`;
export const feedbackActionId = (vote: FeedbackVote) => `brief_feedback_${vote}`;

/** What a language or share button carries: the releases of the message and how they were shown. */
export interface BriefsButtonValue {
  releaseIds: string[];
  language: LangPreference;
}

/** What a 👍/👎 button carries: the exact brief it rates. */
export interface FeedbackButtonValue {
  releaseId: string;
  contentHash: string;
  engine: string;
  promptVersion: string;
}

// Button values come back from the client: parse them as untrusted input.
export function encodeBriefsValue(v: BriefsButtonValue): string {
  return JSON.stringify({ r: v.releaseIds, l: v.language });
}

export function decodeBriefsValue(raw: string | undefined): BriefsButtonValue | undefined {
  const o = parseObject(raw);
  if (!o || !Array.isArray(o.r) || !o.r.every((id) => typeof id === "string" && id.length <= 100)) return undefined;
  if (o.r.length === 0 || o.r.length > 10) return undefined;
  if (o.l !== "en" && o.l !== "fr" && o.l !== "both") return undefined;
  return { releaseIds: o.r as string[], language: o.l };
}

export function encodeFeedbackValue(v: FeedbackButtonValue): string {
  return JSON.stringify({ r: v.releaseId, h: v.contentHash, e: v.engine, p: v.promptVersion });
}

export function decodeFeedbackValue(raw: string | undefined): FeedbackButtonValue | undefined {
  const o = parseObject(raw);
  if (!o) return undefined;
  const { r, h, e, p } = o;
  if (![r, h, e, p].every((s) => typeof s === "string" && s.length > 0 && s.length <= 200)) return undefined;
  return { releaseId: r as string, contentHash: h as string, engine: e as string, promptVersion: p as string };
}

function parseObject(raw: unknown): Record<string, unknown> | undefined {
  // A signed click can still carry a number or an object where Slack puts the button's string value.
  if (typeof raw !== "string" || !raw || raw.length > 2000) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
