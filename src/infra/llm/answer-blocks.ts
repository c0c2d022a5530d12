import { LANG_NAMES, type Lang } from "../../core/domain/language.js";
import type { AnswerRequest, NumberedPassage } from "../../core/qa/answer-model.port.js";
import type { Turn } from "../../core/qa/qa-types.js";
import { neutraliseDelimiters } from "./release-blocks.js";

// Control characters carry nothing an answer needs and can hide a delimiter from neutraliseDelimiters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_HISTORY_ANSWER = 600;

function data(text: string): string {
  return neutraliseDelimiters(text.replace(CONTROL, "")).trim();
}

/** Each retrieved passage as a delimited block; its number is what the answer cites. */
export function passageBlock(p: NumberedPassage): string {
  const date = p.published ? ` date=${p.published}` : "";
  return `<<<PASSAGE ${p.n} release=${p.releaseId} lang=${p.lang}${date}>>>\nTitle: ${data(p.title)}\n${data(p.text)}\n<<<END PASSAGE>>>`;
}

function conversationBlock(history: Turn[]): string {
  if (history.length === 0) return "No earlier conversation.";
  const turns = history.map(
    (t) => `Question: ${data(t.question)}\nAnswer: ${data(t.answer.slice(0, MAX_HISTORY_ANSWER))}`,
  );
  return `<<<CONVERSATION>>>\n${turns.join("\n\n")}\n<<<END CONVERSATION>>>`;
}

/** The answer prompt's variables: the question, passages and conversation as data between delimiters. */
export function answerVariables(request: AnswerRequest): Record<string, string> {
  return {
    answer_language: `${LANG_NAMES[request.language as Lang]} (${request.language})`,
    conversation: conversationBlock(request.history),
    passages: request.passages.map(passageBlock).join("\n\n"),
    question: `<<<QUESTION>>>\n${data(request.question)}\n<<<END QUESTION>>>`,
  };
}
