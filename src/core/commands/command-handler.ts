import type { BriefService } from "../briefing/brief-service.js";
import { type SubscriptionReply, subscribeReply, unsubscribeReply } from "../digest/subscribe-command.js";
import type { SubscriptionService } from "../digest/subscription-service.js";
import type { Brief } from "../domain/brief.js";
import type { Translation } from "../domain/translation.js";
import type { IngestService } from "../ingest/ingest-service.js";
import type { FeedbackStore, FeedbackVote } from "../ports/feedback-store.port.js";
import type { PreferenceStore } from "../ports/preference-store.port.js";
import type { BriefKey, ReleaseStore } from "../ports/release-store.port.js";
import type { Translator } from "../ports/translator.port.js";
import type { QaService } from "../qa/qa-service.js";
import type { Answer, SearchOutcome } from "../qa/qa-types.js";
import type { Command, LangPreference } from "./parse-command.js";
import { translateText } from "./translate-command.js";

/** What a command produced, before any platform renders it. */
export type Reply =
  | { kind: "briefs"; briefs: Brief[] }
  | { kind: "text"; text: string }
  | { kind: "help"; problem?: string | undefined }
  | { kind: "error"; message: string }
  /** `ask`: an answer with citations, a plain "no answer", or a refusal with its reason (see Answer.status). */
  | { kind: "answer"; answer: Answer }
  /** `search`: matching stored releases, best first. */
  | { kind: "search"; words: string; outcome: SearchOutcome }
  /** `translate`: the user's text in the other language, labelled as offline machine translation. */
  | { kind: "translation"; translation: Translation }
  | SubscriptionReply;

/** Who asked, where: enough for preferences and subscriptions, nothing platform-specific. */
export interface CommandContext {
  /** e.g. "slack:T123:U456", "teams:29:abc", "console:local" */
  userKey: string;
  /** e.g. "slack:C123", "teams:19:abc@thread.tacv2", "console:local" */
  conversationKey: string;
  language?: LangPreference | undefined;
}

export interface CommandHandlerDeps {
  store: ReleaseStore;
  briefs: BriefService;
  ingest: IngestService;
  /** For `subscribe` / `unsubscribe`; without it they say digests are not available. */
  subscriptions?: SubscriptionService | undefined;
  /** For `lang`; without it the command says preferences are not available. */
  preferences?: PreferenceStore | undefined;
  /** For 👍/👎 on briefs. */
  feedback?: FeedbackStore | undefined;
  /** For `ask` and `search`; without it they say questions are not available. */
  qa?: QaService | undefined;
  /** For `translate`: the briefs' protected offline translation; without it the reply says it is unavailable. */
  translator?: Translator | undefined;
}

/** One entry point for every platform: parse → this → render. Extended as features land. */
export class CommandHandler {
  constructor(private readonly deps: CommandHandlerDeps) {}

  /** Commands that may take a while (an engine call, a fetch): adapters show progress first. */
  isSlow(command: Command): boolean {
    return ["url", "latest", "show", "ask", "translate"].includes(command.kind);
  }

  async handle(command: Command, _ctx: CommandContext): Promise<Reply> {
    try {
      switch (command.kind) {
        case "latest":
          return await this.latest(command.count);
        case "show": {
          const release = await this.deps.store.getRelease(command.id);
          if (!release) return { kind: "error", message: `No stored release has the id "${command.id}".` };
          return { kind: "briefs", briefs: [(await this.deps.briefs.brief(release)).brief] };
        }
        case "url": {
          const { release } = await this.deps.ingest.fromUrl(command.url);
          return { kind: "briefs", briefs: [(await this.deps.briefs.brief(release)).brief] };
        }
        case "help":
          return { kind: "help", problem: command.problem };
        case "lang":
          return await this.setLanguage(command.language, _ctx);
        case "subscribe":
          return await subscribeReply(this.deps.subscriptions, command, _ctx);
        case "unsubscribe":
          return await unsubscribeReply(this.deps.subscriptions, _ctx);
        case "search":
        case "ask":
          return await this.question(command, _ctx);
        case "translate":
          return { kind: "translation", translation: await translateText(this.deps.translator, command) };
        default:
          return { kind: "error", message: `"${(command as Command).kind}" is not available in this version yet.` };
      }
    } catch (err) {
      return { kind: "error", message: userMessage(err) };
    }
  }

  /** 👍/👎 on the exact brief a user was shown: every platform's feedback buttons land here. */
  async recordFeedback(
    input: { releaseId: string; brief: BriefKey; vote: FeedbackVote },
    ctx: CommandContext,
  ): Promise<Reply> {
    if (!this.deps.feedback) return { kind: "error", message: "Feedback is not available here." };
    const stored = await this.deps.feedback.record({ ...input, userKey: ctx.userKey });
    if (!stored) return { kind: "error", message: "That brief is no longer stored; ask for it again to rate it." };
    return { kind: "text", text: "Thanks for your feedback. / Merci pour votre avis." };
  }

  private async question(command: Extract<Command, { kind: "ask" | "search" }>, ctx: CommandContext): Promise<Reply> {
    if (!this.deps.qa) return { kind: "error", message: "Questions are not available here." };
    const language = ctx.language === "both" ? undefined : ctx.language;
    if (command.kind === "search") {
      return { kind: "search", words: command.words, outcome: await this.deps.qa.search(command.words, { language }) };
    }
    const answer = await this.deps.qa.ask(command.question, { ...ctx, language });
    return { kind: "answer", answer };
  }

  private async setLanguage(language: LangPreference, ctx: CommandContext): Promise<Reply> {
    if (!this.deps.preferences) return { kind: "error", message: "Language preferences are not available here." };
    await this.deps.preferences.setLanguage(ctx.userKey, language);
    return { kind: "text", text: LANGUAGE_SET[language] };
  }

  private async latest(count: number): Promise<Reply> {
    const releases = await this.deps.store.listReleases({ limit: count });
    if (releases.length === 0) return { kind: "text", text: "No releases are stored yet." };
    const briefs: Brief[] = [];
    for (const r of releases) briefs.push((await this.deps.briefs.brief(r)).brief);
    return { kind: "briefs", briefs };
  }
}

const LANGUAGE_SET: Record<LangPreference, string> = {
  en: "Briefs will be shown in English. / Les synthèses seront affichées en anglais.",
  fr: "Briefs will be shown in French. / Les synthèses seront affichées en français.",
  both: "Briefs will be shown in English and French. / Les synthèses seront affichées en anglais et en français.",
};

/** Errors meant for users carry their own message; anything else is reported without internals. */
function userMessage(err: unknown): string {
  if (err instanceof Error && ["IngestError", "FetchError", "UsageError"].includes(err.name)) return err.message;
  return "Something went wrong on our side; the error was logged.";
}
