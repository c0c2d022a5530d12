import type { types } from "@slack/bolt";
import type { Brief } from "../../../src/core/domain/brief.js";
import type { Lang } from "../../../src/core/domain/language.js";
import {
  encodeBriefsValue,
  encodeFeedbackValue,
  feedbackActionId,
  SHARE_ACTION_ID,
  switchLanguageActionId,
} from "./actions.js";
import { escapeText, link, truncateEscaped } from "./escape.js";
import { preferenceOf } from "./languages.js";
import { LIMITS, messageTextLength, type SlackMessage } from "./limits.js";
import { textMessage } from "./text-blocks.js";

export interface BriefRenderOptions {
  /** Languages to show, in order (one or both). */
  langs: readonly Lang[];
  /** Offer "Share in channel": true on the ephemeral answer, false on what is already shared or posted. */
  shareable: boolean;
  /** Our own mrkdwn (never release text) in a last context line, e.g. "Shared by <@U1>". */
  note?: string | undefined;
}

const LANG_TAG: Record<Lang, string> = { en: "EN", fr: "FR" };
const READ_MORE: Record<Lang, string> = { en: "Read the full release", fr: "Lire le communiqué complet" };
const ORIGINAL: Record<Lang, string> = { en: "English original", fr: "Original français" };
const SWITCH_LABEL = { en: "English", fr: "Français", both: "EN + FR" } as const;
/** Smallest section a long brief is cut to before whole briefs are dropped instead. */
const MIN_SECTION = 300;

/**
 * Briefs as Block Kit: per brief, one section per language (headline, summary, key points), a context line with
 * each language's provenance label and links to the originals, and 👍/👎; then buttons to switch language and
 * share. Always within LIMITS: long text is cut with a link to the release, briefs that cannot fit are counted.
 */
export function renderBriefs(briefs: Brief[], options: BriefRenderOptions): SlackMessage {
  if (briefs.length === 0) return textMessage("No brief to show.");
  for (let shown = briefs.length; shown > 1; shown--) {
    const message = compose(briefs, shown, options);
    if (message) return message;
  }
  // One brief always fits: its sections shrink to whatever the fixed parts leave.
  return compose(briefs, 1, options, true)!;
}

function compose(briefs: Brief[], shown: number, opts: BriefRenderOptions, force = false): SlackMessage | undefined {
  const visible = briefs.slice(0, shown);
  const head = headerBlock(visible);
  const fixed: types.KnownBlock[][] = visible.map((b) => [contextBlock(b, opts.langs), feedbackBlock(b)]);
  const tail: types.KnownBlock[] = [];
  if (shown < briefs.length) tail.push(moreBlock(briefs.length - shown));
  if (visible.length > 0) tail.push(footerBlock(visible, opts));
  if (opts.note) tail.push({ type: "context", elements: [mrkdwn(opts.note)] });
  const text = fallbackText(visible);

  const perBrief = opts.langs.length + 2;
  const withDividers = 1 + shown * (perBrief + 1) - 1 + tail.length <= LIMITS.blocks;
  const blockCount = 1 + shown * perBrief + (withDividers ? shown - 1 : 0) + tail.length;
  if (blockCount > LIMITS.blocks && !force) return undefined;

  const fixedLength = messageTextLength({ text, blocks: [head, ...fixed.flat(), ...tail] });
  const sections = shown * opts.langs.length;
  const budget = Math.min(LIMITS.sectionText, Math.floor((LIMITS.messageText - fixedLength) / Math.max(1, sections)));
  if (budget < MIN_SECTION && !force) return undefined;

  const blocks: types.KnownBlock[] = [head];
  visible.forEach((brief, i) => {
    if (i > 0 && withDividers) blocks.push({ type: "divider" });
    for (const lang of opts.langs) blocks.push(sectionBlock(brief, lang, Math.max(budget, 100)));
    blocks.push(...(fixed[i] ?? []));
  });
  blocks.push(...tail);
  return { text, blocks };
}

function headerBlock(briefs: Brief[]): types.HeaderBlock {
  const date = briefs.length === 1 ? isoDate(briefs[0]?.release.published) : undefined;
  const title = briefs.length === 1 ? "NATO / OTAN" : `Latest NATO releases · Derniers communiqués (${briefs.length})`;
  // Only our own words and a validated date go into plain text, which cannot be escaped.
  return { type: "header", text: { type: "plain_text", text: date ? `${title} · ${date}` : title, emoji: true } };
}

function sectionBlock(brief: Brief, lang: Lang, max: number): types.SectionBlock {
  const part = brief[lang];
  const lines = [
    `*${truncateEscaped(escapeText(part.headline), 300)}*  _${LANG_TAG[lang]}_`,
    escapeText(part.summary),
    ...part.keyPoints.map((p) => `• ${escapeText(p)}`),
  ];
  const more = link(brief.release.urls[lang] ?? Object.values(brief.release.urls)[0], READ_MORE[lang]);
  const text = truncateEscaped(lines.join("\n"), max, more ? `… ${more}` : "… (shortened)");
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

function contextBlock(brief: Brief, langs: readonly Lang[]): types.ContextBlock {
  const elements: types.MrkdwnElement[] = langs.map((lang) => {
    const p = brief.provenance[lang];
    const reason = p.kind === "unavailable" && p.reason ? ` (${p.reason})` : "";
    return mrkdwn(`*${LANG_TAG[lang]}* · ${truncateEscaped(escapeText(`${p.label}${reason}`), 300)}`);
  });
  const links = (["en", "fr"] as const).flatMap((lang) => link(brief.release.urls[lang], ORIGINAL[lang]) ?? []);
  const date = isoDate(brief.release.published);
  if (links.length || date) elements.push(mrkdwn([date, ...links].filter(Boolean).join(" · ")));
  if (!brief.checks.ok) {
    const n = brief.checks.findings.length;
    elements.push(mrkdwn(`:warning: Fact check: ${n} item${n === 1 ? "" : "s"} not found in the release`));
  }
  if (brief.fallbackReason) elements.push(mrkdwn(truncateEscaped(escapeText(`Note: ${brief.fallbackReason}`), 300)));
  return { type: "context", elements };
}

function feedbackBlock(brief: Brief): types.ActionsBlock {
  const value = encodeFeedbackValue({
    releaseId: brief.release.id,
    contentHash: brief.contentHash,
    engine: brief.engine,
    promptVersion: brief.promptVersion,
  });
  return {
    type: "actions",
    block_id: `feedback:${brief.release.id}`.slice(0, 255),
    elements: [
      { type: "button", action_id: feedbackActionId("up"), text: plain(":+1:"), value },
      { type: "button", action_id: feedbackActionId("down"), text: plain(":-1:"), value },
    ],
  };
}

function footerBlock(briefs: Brief[], opts: BriefRenderOptions): types.ActionsBlock {
  const current = preferenceOf(opts.langs);
  const releaseIds = briefs.map((b) => b.release.id);
  const elements: types.Button[] = (["en", "fr", "both"] as const)
    .filter((choice) => choice !== current)
    .map((choice) => ({
      type: "button",
      action_id: switchLanguageActionId(choice),
      text: plain(SWITCH_LABEL[choice]),
      value: encodeBriefsValue({ releaseIds, language: choice }),
    }));
  if (opts.shareable) {
    elements.push({
      type: "button",
      action_id: SHARE_ACTION_ID,
      style: "primary",
      text: plain("Share in channel"),
      value: encodeBriefsValue({ releaseIds, language: current }),
    });
  }
  return { type: "actions", block_id: "brief_actions", elements };
}

function moreBlock(hidden: number): types.ContextBlock {
  return { type: "context", elements: [mrkdwn(`${hidden} more not shown here: ask for fewer at a time.`)] };
}

function fallbackText(briefs: Brief[]): string {
  const first = briefs[0];
  if (!first) return "No brief.";
  const lang = first.release.sourceLanguage;
  const text =
    briefs.length === 1
      ? `NATO brief: ${escapeText(first[lang].headline)}`
      : `${briefs.length} NATO briefs: ${briefs.map((b) => escapeText(b[b.release.sourceLanguage].headline)).join("; ")}`;
  return truncateEscaped(text, 300);
}

function isoDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });
