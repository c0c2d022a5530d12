/**
 * Makes generated text safe to post and plain: a brief must never ping a channel, mention a user, carry markup
 * a renderer would interpret, or link anywhere the release itself does not. Pure; used on LLM output before it
 * becomes a brief, and by renderers and Q&A on anything generated.
 */
export function cleanGeneratedText(text: string, sourceText: string): string {
  let out = decodeEntities(text)
    // Zero-width and bidi controls can split "@channel" so a check misses it, and show nothing to readers.
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
    // Teams mention: keep the name as plain text, drop the tag that makes it a mention.
    .replace(/<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi, "$1")
    // Slack special mentions and user/channel references: <!channel>, <!here|here>, <!subteam^S1>, <@U1>, <#C1|x>.
    .replace(/<[!@#][^<>\n]{0,200}>/g, " ")
    // Slack links <url|label> and <url>: keep the label, or the URL (checked below).
    .replace(/<((?:https?|mailto):[^|>\s]+)\|([^>]*)>/gi, "$2")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, "$1")
    // Markdown images and links: keep the text.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    // HTML tags (a tag starts with a letter or "/", so "< 5 %" survives).
    .replace(/<\/?[a-zA-Z][^<>]*>/g, " ")
    // Broadcast pings written as plain words.
    .replace(/(^|[^\p{L}\p{N}_])[@＠](?:channel|here|everyone)\b/giu, "$1")
    // Markdown emphasis, code and headings.
    .replace(/\*\*|__|~~|`+/g, "")
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s*[-*•]\s+/gm, "");

  out = removeForeignUrls(out, sourceText);

  return (
    out
      .replace(/\(\s*\)/g, "")
      .replace(/\s+/g, " ")
      // After the line above no run of spaces is longer than one, so this cannot re-read a run from each space.
      .replace(/ ([,.])/g, "$1")
      .trim()
  );
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/gi;

function removeForeignUrls(text: string, sourceText: string): string {
  return text.replace(URL, (match) => {
    // Sentence punctuation after a URL belongs to the sentence.
    const url = match.replace(/(?<![.,;:!?])[.,;:!?]+$/, "");
    const tail = match.slice(url.length);
    return sourceText.includes(url) ? match : tail;
  });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

// Decode first so "&lt;!channel&gt;" is caught as "<!channel>" below.
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? "");
}
