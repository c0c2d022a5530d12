import { INPUT_LIMITS } from "../../../../src/core/commands/input-limits.js";
import { type Command, parseCommand } from "../../../../src/core/commands/parse-command.js";
import { commandOrQuestion } from "../../../../src/core/qa/chat-line.js";

/**
 * Words typed in a DM or an assistant thread: the `/nato-brief` words work there too, and anything else is a
 * question for the Q&A (`ask`), so people can just write "What did NATO say about …?" — the same rule as the
 * console and Teams (a single unknown word gets the help instead).
 */
export function chatCommand(text: string): Command {
  // parseCommand refuses it in one comparison; the mention clean-up below is not even started.
  if (text.length > INPUT_LIMITS.commandChars) return parseCommand(text);
  return commandOrQuestion(text.replace(/<@[UW][A-Z0-9]+>/g, " ").trim());
}
