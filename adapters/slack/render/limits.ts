import type { types } from "@slack/bolt";

/**
 * Slack's limits for a message (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks, 3,000
 * characters in a section's text, 150 in a header, 75 in a button label, 2,000 in a button value; and ours for
 * the whole message, 12,000 characters of text, which keeps it readable and well under what Slack accepts.
 */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  messageText: 12_000,
} as const;

/** What every renderer returns: blocks plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Characters of text a message carries: every `text` string in its blocks, plus the fallback. */
export function messageTextLength(message: SlackMessage): number {
  return message.text.length + message.blocks.reduce((sum, block) => sum + textLength(block), 0);
}

function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + textLength(n), 0);
  if (!node || typeof node !== "object") return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === "text" && typeof value === "string") sum += value.length;
    else if (typeof value === "object") sum += textLength(value);
  }
  return sum;
}

/** Problems with a message against LIMITS, empty when it is fine: used by tests and as a last guard. */
export function limitViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.blocks.length > LIMITS.blocks) problems.push(`${message.blocks.length} blocks`);
  const total = messageTextLength(message);
  if (total > LIMITS.messageText) problems.push(`${total} characters in all`);
  message.blocks.forEach((b, i) => {
    if (b.type === "section" && (b.text?.text.length ?? 0) > LIMITS.sectionText) {
      problems.push(`section ${i} has ${b.text?.text.length} characters`);
    }
    if (b.type === "header" && b.text.text.length > LIMITS.headerText) problems.push(`header ${i} is too long`);
    if (b.type === "context" && b.elements.length > LIMITS.contextElements) problems.push(`context ${i} elements`);
    if (b.type === "actions") {
      for (const e of b.elements) {
        if (e.type !== "button") continue;
        if (e.text.text.length > LIMITS.buttonText) problems.push(`button ${e.action_id} label is too long`);
        if ((e.value?.length ?? 0) > LIMITS.buttonValue) problems.push(`button ${e.action_id} value is too long`);
      }
    }
  });
  return problems;
}
