import { parseHttpUrl } from "../../../src/core/text/http-url.js";

/**
 * Release text is data, never markup. An Adaptive Card TextBlock reads a subset of Markdown (bold, italic, lists,
 * `[text](url)` links: https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features), `{{DATE(…)}}` /
 * `{{TIME(…)}}` functions, and Teams turns `<at>…</at>` into mentions. Text from a release or an engine is made
 * inert here: links and tags are broken with an invisible joiner, emphasis and list markers are backslash-escaped,
 * and control characters that could hide text are dropped. Links the card shows are built by the renderer from
 * the release's own URLs, through `safeUrl`.
 */
const ZWJ = "\u2060"; // WORD JOINER: invisible, keeps the text readable, breaks the syntax.

export function escapeCardText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point here.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
      .replace(/\r\n?/g, "\n")
      // Markdown links and images: "[x](y)" / "![x](y)" never form.
      .replace(/\]\s*\(/g, `]${ZWJ}(`)
      // Autolinks and tags: "<https://…>", "<at>Name</at>", "<b>".
      .replace(/<(?=[a-zA-Z/!?])/g, `<${ZWJ}`)
      // Card text functions.
      .replace(/\{\{/g, `{${ZWJ}{`)
      // Emphasis, code and escapes.
      .replace(/([\\*_~`])/g, "\\$1")
      // Line-start list and heading markers: "- x", "+ x", "1. x", "# x".
      .replace(/^(\s*)([-+#>])/gm, "$1\\$2")
      .replace(/^(\s*\d+)([.)])(\s)/gm, "$1\\$2$3")
  );
}

/** An http(s) URL safe inside `[label](url)`; undefined for anything else (javascript:, data:, junk). */
export function safeUrl(url: string | undefined): string | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  // URL serialisation encodes spaces, quotes and angle brackets; parentheses would end the Markdown link target.
  return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** A Markdown link with our own label; the URL goes through `safeUrl` first. */
export function link(url: string | undefined, label: string): string | undefined {
  const href = safeUrl(url);
  return href ? `[${escapeCardText(label).replace(/[[\]]/g, "")}](${href})` : undefined;
}

/**
 * Cuts plain text to at most `max` characters (suffix included), on a word boundary when one is near, before it
 * is escaped (so an escape sequence is never cut in half).
 */
export function truncate(text: string, max: number, suffix = "…"): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - suffix.length));
  const space = cut.lastIndexOf(" ");
  if (space > cut.length - 40 && space > 0) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${suffix}`;
}
