import readline from "node:readline";
import type { CommandHandler, Reply } from "../../src/core/commands/command-handler.js";
import { HELP_TEXT } from "../../src/core/commands/parse-command.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { renderAnswerText, renderSearchText } from "./render/answer-text.js";
import { renderBriefText } from "./render/brief-text.js";

/** The embedded default platform: the same words as `/nato-brief`, typed in a terminal. */
export async function runConsoleChat(
  handler: CommandHandler,
  logger: Logger,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stdout,
  },
): Promise<void> {
  const rl = readline.createInterface({ input: io.input, output: io.output, prompt: "nato-brief> " });
  const say = (s: string) => io.output.write(`${s}\n`);
  say('Type "help" for commands, "quit" to leave.');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "quit" || text === "exit") break;
    if (text) {
      // Any line that is not a command is a question.
      const command = commandOrQuestion(text);
      if (handler.isSlow(command)) say("Working on it…");
      try {
        say(renderReply(await handler.handle(command, { userKey: "console:local", conversationKey: "console:local" })));
      } catch (err) {
        logger.error("console command failed", { error: err });
        say("Something went wrong; see the log.");
      }
    }
    rl.prompt();
  }
  rl.close();
}

export function renderReply(reply: Reply): string {
  switch (reply.kind) {
    case "briefs":
      return reply.briefs.map((b) => renderBriefText(b)).join("\n\n");
    case "text":
      return reply.text;
    case "help":
      return reply.problem ? `${reply.problem}\n\n${HELP_TEXT}` : HELP_TEXT;
    case "error":
      return `⚠ ${reply.message}`;
    case "answer":
      return renderAnswerText(reply.answer);
    case "search":
      return renderSearchText(reply.outcome);
    case "subscription":
      return reply.text;
  }
}
