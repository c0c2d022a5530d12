import readline from "node:readline";
import type { CommandHandler, Reply } from "../../src/core/commands/command-handler.js";
import { HELP_TEXT, type LangPreference } from "../../src/core/commands/parse-command.js";
import type { Logger } from "../../src/core/ports/logger.port.js";
import type { PreferenceStore } from "../../src/core/ports/preference-store.port.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { renderAnswerText, renderSearchText } from "./render/answer-text.js";
import { renderBriefText } from "./render/brief-text.js";
import { renderTranslationText } from "./render/translation-text.js";

export interface ConsoleChatOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where `lang` is kept: briefs then show the chosen language(s), as on Slack and Teams. */
  preferences?: PreferenceStore | undefined;
}

const USER = "console:local";

/** The embedded default platform: the same words as `/nato-brief`, typed in a terminal. */
export async function runConsoleChat(
  handler: CommandHandler,
  logger: Logger,
  io: ConsoleChatOptions = { input: process.stdin, output: process.stdout },
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
        // Read at every line: `lang fr` takes effect on the next one.
        const language = await io.preferences?.getLanguage(USER);
        const reply = await handler.handle(command, { userKey: USER, conversationKey: USER, language });
        say(renderReply(reply, language));
      } catch (err) {
        logger.error("console command failed", { error: err });
        say("Something went wrong; see the log.");
      }
    }
    rl.prompt();
  }
  rl.close();
}

/** The console's help: the words every platform shares, and how to leave. */
export const CONSOLE_HELP = `${HELP_TEXT}\n  quit              leave the console chat`;

export function renderReply(reply: Reply, language: LangPreference = "both"): string {
  switch (reply.kind) {
    case "briefs":
      return reply.briefs.map((b) => renderBriefText(b, language)).join("\n\n");
    case "text":
      return reply.text;
    case "help":
      return reply.problem ? `${reply.problem}\n\n${CONSOLE_HELP}` : CONSOLE_HELP;
    case "error":
      return `⚠ ${reply.message}`;
    case "answer":
      return renderAnswerText(reply.answer);
    case "search":
      return renderSearchText(reply.outcome);
    case "subscription":
      return reply.text;
    case "translation":
      return renderTranslationText(reply.translation);
  }
}
