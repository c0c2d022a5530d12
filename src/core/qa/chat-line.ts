import { type Command, parseCommand } from "../commands/parse-command.js";

/**
 * A line typed in a chat (the console, a direct message): a command when it starts with a command word or is a
 * lone URL, otherwise a question. "Quel montant… ?" becomes `ask`, not "unknown command". A single word is not a
 * question ("lates" is a typo, "ukraine" a search): it gets the help, with how to ask or search for it.
 */
export function commandOrQuestion(line: string): Command {
  const command = parseCommand(line);
  if (command.kind === "help" && command.problem?.startsWith("unknown command")) {
    const text = line.trim();
    if (/\s/u.test(text) || text.endsWith("?")) return { kind: "ask", question: text };
    if (command.problem.includes("did you mean")) return command;
    const word = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return { kind: "help", problem: `${command.problem}: to ask about it, type ask ${word} (or search ${word})` };
  }
  return command;
}
