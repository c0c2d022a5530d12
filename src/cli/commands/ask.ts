import { renderAnswerText } from "../../../adapters/console/render/answer-text.js";
import { type CliCommand, UsageError, write } from "../cli-command.js";

export const askCommand: CliCommand = {
  name: "ask",
  help: 'ask "QUESTION" [--json]                    Answer from the stored releases, with citations',
  async run(app, args, io) {
    const question = args.positionals.join(" ").trim();
    if (!question) throw new UsageError('ask needs a question, e.g. ask "What did NATO say about ammunition?"');
    const answer = await app.qa.service.ask(question, { userKey: "cli:local", conversationKey: "cli:local" });
    // A refusal (too long, rate-limited) is bad input for a command line: one line on stderr, non-zero exit.
    if (answer.status === "refused") throw new UsageError(answer.text);
    if (args.values.json) {
      const citations = answer.citations.map(({ releaseId, title, url }) => ({ releaseId, title, url }));
      write(io, JSON.stringify({ answer: answer.text, language: answer.language, citations, engine: answer.engine }));
    } else write(io, renderAnswerText(answer));
    return 0;
  },
};
