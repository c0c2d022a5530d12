import type { DigestPart } from "../../src/core/digest/digest.js";
import type { Lang } from "../../src/core/domain/language.js";
import type { TargetRef } from "../../src/core/domain/subscription.js";
import type { ChatTarget, ChatTargetLimits, PostOptions, PostResult } from "../../src/core/ports/chat-target.port.js";
import { labelLine } from "./render/brief-text.js";

/** A terminal has no rate limit worth the name; the size keeps parts readable. */
const CONSOLE_LIMITS: ChatTargetLimits = {
  maxPartSize: 4000,
  perConversation: { count: 1000, perMs: 1000 },
  concurrency: 1,
  maxAttempts: 1,
  baseBackoffMs: 0,
  maxBackoffMs: 0,
};

/**
 * Digests in the terminal: the zero-key setup's platform. Every conversation id ("console:local", "console:ops")
 * prints to the same stream, labelled. A terminal cannot recognise a repeated post, so the crash window the
 * ledger cannot close stays at-least-once here.
 */
export class ConsoleChatTarget implements ChatTarget {
  readonly platform = "console";
  readonly limits: ChatTargetLimits;
  private posted = 0;

  constructor(
    private readonly out: NodeJS.WritableStream = process.stdout,
    limits: Partial<ChatTargetLimits> = {},
  ) {
    this.limits = { ...CONSOLE_LIMITS, ...limits };
  }

  measure(part: DigestPart): number {
    return renderDigestText(part).length;
  }

  async post(target: TargetRef, part: DigestPart, options: PostOptions): Promise<PostResult> {
    const footer = target.id === "local" ? "" : `\n(→ ${target.key})`;
    this.out.write(`${renderDigestText(part)}${footer}\n\n`);
    this.posted += 1;
    return { messageId: `console-${this.posted}-${options.idempotencyKey}` };
  }
}

const HEADINGS: Record<Lang, { title: string; nothing: string; more: (n: number) => string; delayed: string }> = {
  en: {
    title: "NATO digest",
    nothing: "Nothing new since the last digest.",
    more: (n) => `…and ${n} more release(s).`,
    delayed: "delayed",
  },
  fr: {
    title: "Synthèse OTAN",
    nothing: "Rien de nouveau depuis la dernière synthèse.",
    more: (n) => `…et ${n} autre(s) communiqué(s).`,
    delayed: "en retard",
  },
};

/** A digest part as plain text: a heading, then per release its date, headline and sentence per language, links. */
export function renderDigestText(part: DigestPart): string {
  const { digest } = part;
  const [first = "en"] = digest.languages;
  const h = HEADINGS[first];
  const bits = [digest.period];
  if (part.total > 1) bits.push(`${part.index + 1}/${part.total}`);
  if (digest.delayed) bits.push(h.delayed);
  if (digest.topics.length) bits.push(digest.topics.join(", "));
  const lines = [`══ ${digest.languages.map((l) => HEADINGS[l].title).join(" · ")} — ${bits.join(" · ")} ══`];
  if (part.items.length === 0 && part.index === 0) {
    lines.push(digest.languages.map((l) => HEADINGS[l].nothing).join(" / "));
  }
  for (const item of part.items) {
    lines.push("");
    for (const lang of digest.languages) {
      const t = item.text[lang];
      if (!t) continue;
      const date = item.published ? `${item.published} ` : "";
      lines.push(`[${lang.toUpperCase()}] ${date}${t.headline}`);
      if (t.summary) lines.push(`  ${t.summary}`);
      if (t.provenance !== "source" && t.provenance !== "official") lines.push(labelLine(t.label));
    }
    const links = Object.entries(item.links).map(([lang, url]) => `${lang.toUpperCase()}: ${url}`);
    if (links.length) lines.push(`  ${links.join("  ")}`);
  }
  if (digest.omitted > 0 && part.index === part.total - 1) lines.push("", h.more(digest.omitted));
  return lines.join("\n");
}
