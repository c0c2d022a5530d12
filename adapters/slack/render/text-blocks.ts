import { HELP_TEXT } from "../../../src/core/commands/parse-command.js";
import { escapeText, truncateEscaped } from "./escape.js";
import { LIMITS, type SlackMessage } from "./limits.js";

/** Plain words as sections (split at paragraph breaks to stay within a section's limit), escaped like release text. */
export function textMessage(text: string, prefix = ""): SlackMessage {
  const escaped = truncateEscaped(`${prefix}${escapeText(text)}`, LIMITS.messageText / 2);
  const chunks: string[] = [];
  let rest = escaped;
  while (rest.length > LIMITS.sectionText) {
    let cut = rest.lastIndexOf("\n", LIMITS.sectionText);
    if (cut < LIMITS.sectionText / 2) cut = rest.lastIndexOf(" ", LIMITS.sectionText);
    if (cut <= 0) cut = LIMITS.sectionText;
    // Never split an entity such as &amp; between two sections.
    const entity = /&[a-z]{0,4}$/.exec(rest.slice(0, cut));
    if (entity) cut -= entity[0].length;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest) chunks.push(rest);
  return {
    text: truncateEscaped(escaped, 300),
    blocks: chunks.map((chunk) => ({ type: "section", text: { type: "mrkdwn", text: chunk, verbatim: true } })),
  };
}

/** The help text, with what was wrong first when something was. */
export function helpMessage(problem?: string): SlackMessage {
  const blocks: SlackMessage["blocks"] = [];
  if (problem) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `:warning: ${truncateEscaped(escapeText(problem), 500)}`, verbatim: true },
    });
  }
  blocks.push({
    type: "section",
    text: { type: "mrkdwn", text: `\`\`\`${escapeText(HELP_TEXT)}\`\`\``, verbatim: true },
  });
  return { text: problem ? truncateEscaped(escapeText(problem), 300) : "nato-brief help", blocks };
}
