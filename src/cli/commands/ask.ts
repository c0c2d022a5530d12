import { renderAnswerText } from "../../../adapters/console/render/answer-text.js";
import { type CliCommand, JSON_FLAG, UsageError, write } from "../cli-command.js";

export const command: CliCommand = {
  name: "ask",
  usage: ['ask "QUESTION" [--json]'],
  description:
    "Answers in the language of the question, from the stored releases only, with numbered citations; says so\n" +
    "plainly when no stored release answers it.",
  flags: { ...JSON_FLAG },
  examples: [
    'ask "What did NATO say about ammunition?"',
    'ask "Quel montant de contrats la NSPA a-t-elle autorisés ?" --json',
  ],
  async run(ctx, args, io) {
    const question = args.positionals.join(" ").trim();
    if (!question) throw new UsageError('needs a question, e.g. nato-brief ask "What did NATO say about ammunition?"');
    const { qa } = await ctx.qa();
    const answer = await qa.service.ask(question, { userKey: "cli:local", conversationKey: "cli:local" });
    // A refusal (too long, rate-limited) is bad input for a command line: one line on stderr, non-zero exit.
    if (answer.status === "refused") throw new UsageError(answer.text, { usage: false });
    if (args.values.json) {
      const citations = answer.citations.map(({ releaseId, title, url }) => ({ releaseId, title, url }));
      write(io, JSON.stringify({ answer: answer.text, language: answer.language, citations, engine: answer.engine }));
    } else write(io, renderAnswerText(answer));
    return 0;
  },
};
