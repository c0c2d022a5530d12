import { parseHttpUrl } from "../../../src/core/text/http-url.js";
/**
 * Release text is data, never markup: Slack reads `<!channel>`, `<@U1>` and `<https://x|label>` as mentions and
 * links, so `&`, `<` and `>` are escaped as Slack documents
 * (https://docs.slack.dev/messaging/formatting-message-text/#escaping), and the words Slack may turn into
 * broadcast pings get an invisible joiner. Renderers also mark such text `verbatim` so Slack skips its own parsing.
 */
export function escapeText(text: string): string {
  return (
    text
      // Control characters (other than newline and tab) have no place in a message and can hide text.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([@＠])(channel|here|everyone)\b/giu, "$1\u2060$2")
  );
}

/** An http(s) URL made safe inside `<url|label>`; undefined for anything else (javascript:, mailto:, junk). */
export function safeUrl(url: string | undefined): string | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  // URL serialisation already percent-encodes spaces, quotes and angle brackets; `|` would end the link target.
  return parsed.href.replace(/\|/g, "%7C").replace(/</g, "%3C").replace(/>/g, "%3E");
}

/** A Slack link with our own label; release-provided URLs go through `safeUrl` first. */
export function link(url: string | undefined, label: string): string | undefined {
  const href = safeUrl(url);
  return href ? `<${href}|${escapeText(label)}>` : undefined;
}

/**
 * Cuts already-escaped mrkdwn to at most `max` characters (suffix included), on a word boundary when one is near,
 * never inside an `&amp;`-style entity.
 */
export function truncateEscaped(text: string, max: number, suffix = "…"): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - suffix.length));
  cut = cut.replace(/&[a-z]{0,4}$/, "");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length - 40 && space > 0) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${suffix}`;
}
