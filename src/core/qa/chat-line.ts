import { type Command, parseCommand } from "../commands/parse-command.js";

/**
 * A line typed in a chat (the console, a direct message): a command when it starts with a command word or is a
 * lone URL, otherwise a question. "Quel montant… ?" becomes `ask`, not "unknown command".
 */
export function commandOrQuestion(line: string): Command {
  const command = parseCommand(line);
  if (command.kind === "help" && command.problem?.startsWith("unknown command")) {
    return { kind: "ask", question: line.trim() };
  }
  return command;
}
