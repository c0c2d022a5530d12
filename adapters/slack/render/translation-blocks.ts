import type { Translation } from "../../../src/core/domain/translation.js";
import { escapeText, truncateEscaped } from "./escape.js";
import { LIMITS, type SlackMessage } from "./limits.js";
import { textMessage } from "./text-blocks.js";

/** A translation as Slack blocks: the text (escaped like release text), then a context line with its label. */
export function renderTranslation(t: Translation): SlackMessage {
  const direction = `${t.from.toUpperCase()} → ${t.to.toUpperCase()}`;
  if (t.provenance.kind === "unavailable") {
    return textMessage(`${t.provenance.label} (${direction}): ${t.provenance.reason ?? ""}`, ":warning: ");
  }
  const message = textMessage(t.text);
  const model = t.provenance.model ? ` · ${t.provenance.model}` : "";
  message.blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: truncateEscaped(escapeText(`${t.provenance.label} · ${direction}${model}`), LIMITS.sectionText),
        verbatim: true,
      },
    ],
  });
  return message;
}
