import type { types } from "@slack/bolt";
import type { DigestItem, DigestPart } from "../../../src/core/digest/digest.js";
import type { Lang } from "../../../src/core/domain/language.js";
import { escapeText, link, truncateEscaped } from "./escape.js";
import { LIMITS, messageTextLength, type SlackMessage } from "./limits.js";

const LANG_TAG: Record<Lang, string> = { en: "EN", fr: "FR" };
const ORIGINAL: Record<Lang, string> = { en: "English original", fr: "Original français" };
const NOTHING_NEW: Record<Lang, string> = {
  en: "No new NATO releases since the last digest.",
  fr: "Aucun nouveau communiqué de l'OTAN depuis le dernier résumé.",
};

/**
 * One part of a channel digest as Block Kit: a header with the period (and "2/3" when split), per release one
 * section per language (headline and summary) and a context line with provenance labels and the originals.
 * Within LIMITS even when one item is huge: its text is cut with a link to the release.
 */
export function renderDigestPart(part: DigestPart): SlackMessage {
  return render(part, true);
}

/**
 * Size of a part as it would be without cutting anything (each section still at most 3,000 characters), and
 * more than any limit when it needs more than 50 blocks: what the core's splitter compares with maxPartSize,
 * so a digest is split into several messages rather than cut.
 */
export function naturalDigestSize(part: DigestPart): number {
  const message = render(part, false);
  return message.blocks.length > LIMITS.blocks ? Number.MAX_SAFE_INTEGER : messageTextLength(message);
}

function render(part: DigestPart, fit: boolean): SlackMessage {
  const { digest } = part;
  const langs = digest.languages.length > 0 ? digest.languages : (["en", "fr"] as Lang[]);
  const head: types.KnownBlock[] = [header(part)];
  const notes: string[] = [];
  if (digest.delayed) notes.push("Posted later than scheduled / Publié en retard");
  if (digest.topics.length) notes.push(`Topics / Sujets : ${escapeText(digest.topics.join(", "))}`);
  if (notes.length) head.push({ type: "context", elements: notes.map((n) => mrkdwn(truncateEscaped(n, 500))) });

  const tail: types.KnownBlock[] = [];
  if (part.index === part.total - 1 && digest.omitted > 0) {
    tail.push({
      type: "context",
      elements: [mrkdwn(`${digest.omitted} more matching releases left out to keep this short.`)],
    });
  }
  const text = truncateEscaped(escapeText(`NATO digest ${digest.period}: ${part.items.length} release(s)`), 150);

  if (part.items.length === 0) {
    const body = langs.map((l) => NOTHING_NEW[l]).join("\n");
    return { text, blocks: [...head, { type: "section", text: mrkdwn(body) }, ...tail] };
  }

  // Only a part the splitter could not cut (one huge item) ever needs this: it keeps the message sendable.
  const items = fit
    ? part.items.slice(0, Math.floor((LIMITS.blocks - head.length - tail.length) / (langs.length + 1)))
    : part.items;
  const contexts = items.map((item) => contextBlock(item, langs));
  const fixed = messageTextLength({ text, blocks: [...head, ...contexts, ...tail] });
  const shared = Math.max(100, Math.floor((LIMITS.messageText - fixed) / (items.length * langs.length)));
  const budget = fit ? Math.min(LIMITS.sectionText, shared) : LIMITS.sectionText;
  const blocks: types.KnownBlock[] = [...head];
  items.forEach((item, i) => {
    for (const lang of langs) {
      const t = item.text[lang];
      if (!t) continue;
      const more = link(item.links[lang] ?? Object.values(item.links)[0], "more");
      const body = `*${truncateEscaped(escapeText(t.headline), 300)}*  _${LANG_TAG[lang]}_\n${escapeText(t.summary)}`;
      blocks.push({ type: "section", text: mrkdwn(truncateEscaped(body, budget, more ? `… ${more}` : "…")) });
    }
    blocks.push(contexts[i]!);
  });
  blocks.push(...tail);
  return { text, blocks };
}

function header(part: DigestPart): types.HeaderBlock {
  const period = /^[\w:.-]{1,40}$/.test(part.digest.period) ? ` · ${part.digest.period}` : "";
  const of = part.total > 1 ? ` (${part.index + 1}/${part.total})` : "";
  // Only our words and a checked period: plain text cannot be escaped.
  return { type: "header", text: { type: "plain_text", text: `NATO digest / Résumé OTAN${period}${of}`, emoji: true } };
}

function contextBlock(item: DigestItem, langs: Lang[]): types.ContextBlock {
  const labels = langs.flatMap((lang) => {
    const t = item.text[lang];
    return t ? [`*${LANG_TAG[lang]}* · ${truncateEscaped(escapeText(t.label), 200)}`] : [];
  });
  const links = (["en", "fr"] as const).flatMap((lang) => link(item.links[lang], ORIGINAL[lang]) ?? []);
  const date = item.published && /^\d{4}-\d{2}-\d{2}$/.test(item.published) ? item.published : undefined;
  const tail = [date, ...links].filter(Boolean).join(" · ");
  const elements = [...labels, ...(tail ? [tail] : [])].map(mrkdwn);
  return { type: "context", elements: elements.length ? elements : [mrkdwn("NATO release")] };
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
