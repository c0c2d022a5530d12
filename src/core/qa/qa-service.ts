import type { CircuitBreakerLike } from "../briefing/circuit-breaker-like.js";
import { type Lang, otherLang } from "../domain/language.js";
import type { Clock } from "../ports/clock.port.js";
import { systemClock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { Translator } from "../ports/translator.port.js";
import type { TrustTools } from "../trust/evidence.js";
import type { AnswerModel } from "./answer-model.port.js";
import { answerTest, withFigure } from "./answer-test.js";
import { withAntecedent } from "./antecedent.js";
import { speaksOfYearsAsked } from "./asked-years.js";
import type { ConversationMemory } from "./conversation-memory.js";
import { alternativesOf, type Coverage } from "./coverage.js";
import { narrowByDate } from "./date-words.js";
import { extractiveAnswer } from "./extractive-answer.js";
import { type QuestionFocus, questionFocus, withoutKindWords } from "./focus.js";
import { distinctiveFocus } from "./focus-distinctive.js";
import { meetingAsWritten } from "./focus-meeting.js";
import { asksSuperlative, ranks } from "./focus-superlative.js";
import { namesWhich, whichNoun } from "./focus-which.js";
import { answerWithModel } from "./model-answer.js";
import {
  bestSentences,
  MODEL_SEARCH_RELEASES,
  type ModelReading,
  wholeReleases,
  widen,
  wideReading,
} from "./model-reading.js";
import { releaseDate } from "./passages.js";
import { leadingRelease, phraseWords } from "./phrase-evidence.js";
import { QA_MESSAGES } from "./qa-messages.js";
import type { Answer, SearchOutcome, Turn } from "./qa-types.js";
import { detectQuestionLanguage } from "./question-language.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { Retrieval, Retriever } from "./retriever.js";
import type { PassageMatch } from "./search-index.port.js";
import { searchReleases } from "./search-releases.js";
import { firstRelease, isRelevant, pickForExtract, pickForModel, strongReleases } from "./selection.js";
import { bindingOf } from "./sentence-binding.js";

export interface QaServiceDeps {
  retriever: Retriever;
  memory: ConversationMemory;
  limiter: RateLimiter;
  maxQuestionChars: number;
  /**
   * What the model reads: "wide" (default) what the checks chose, then what the search found before them
   * (model-reading.ts: the model decides); "checked" only what the checks chose (fewer near-miss questions reach the
   * model, and fewer answers: the lever if a model answers what the releases do not).
   */
  modelReading?: ModelReading | undefined;
  /** The LLM answerer, when one is configured. */
  model?: AnswerModel | undefined;
  breaker?: CircuitBreakerLike | undefined;
  /** Offline MT for passages in the other language (extractive answers). */
  translator?: Translator | undefined;
  /** Glossary and bilingual lexicon for the answer check (the fact guard's). */
  trust?: TrustTools | undefined;
  /** Whether a release speaks of the question's specific words (coverage.ts); without it every release may answer. */
  coverage?: Coverage | undefined;
  clock?: Clock;
  logger?: Logger;
}

/** Who asks, where: the rate limit is per user, the context per conversation. */
export interface AskContext {
  userKey: string;
  conversationKey: string;
  /** The user's language preference: the answer's language when the question itself cannot tell. */
  language?: Lang | undefined;
}

export const EXTRACTIVE_ENGINE = "extractive";
/** Longest `search` text looked at; past it nothing is searched. */
export const MAX_SEARCH_CHARS = 2_000;
const RETRIEVAL_ENGINE = "retrieval";
/** Ranked passages the debug line of an answer's selection shows. */
const EXPLAINED_PASSAGES = 8;
/** How a follow-up opens: it asks about what the conversation was about. */
const FOLLOW_UP = /^\s*(?:and|et|also|aussi|what about|how about|et pour|et en|et dans|et à|and in|and for|and at)\b/iu;

/**
 * Questions about the stored releases, answered in the asker's language from retrieved passages only, every claim
 * cited. With an LLM the model writes the answer and we keep only cited, supported sentences; without one, or when
 * it fails, the answer is the passages themselves. Platform-neutral: console, CLI, Slack and Teams share it.
 */
export class QaService {
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: QaServiceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
  }

  async ask(rawQuestion: string, ctx: AskContext): Promise<Answer> {
    // Before any work on the text (language detection included): a long question costs one comparison.
    if (rawQuestion.length > this.deps.maxQuestionChars * 2) {
      const lang = ctx.language ?? "en";
      const text = QA_MESSAGES.tooLong(lang, rawQuestion.length, this.deps.maxQuestionChars);
      return { status: "refused", text, language: lang, citations: [], engine: RETRIEVAL_ENGINE, refusal: "too-long" };
    }
    const question = rawQuestion.normalize("NFC").replace(/\s+/gu, " ").trim();
    const history = this.deps.memory.recent(ctx.conversationKey);
    const fallback = history.at(-1)?.language ?? ctx.language ?? "en";
    const lang = detectQuestionLanguage(question, fallback).lang;
    const refuse = (refusal: Answer["refusal"], text: string): Answer => ({
      status: "refused",
      text,
      language: lang,
      citations: [],
      engine: RETRIEVAL_ENGINE,
      refusal,
    });
    if (!/[\p{L}\p{N}]/u.test(question)) return refuse("empty", QA_MESSAGES.empty(lang));
    if (question.length > this.deps.maxQuestionChars) {
      return refuse("too-long", QA_MESSAGES.tooLong(lang, question.length, this.deps.maxQuestionChars));
    }
    const decision = this.deps.limiter.take(ctx.userKey);
    if (!decision.allowed) {
      const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
      return refuse("rate-limited", QA_MESSAGES.rateLimited(lang, this.deps.limiter.perWindow, minutes));
    }

    // Every question searched is then checked for coverage (`restrict` below), which tags it in its language.
    this.deps.coverage?.prepare(lang);
    const { range, rest, guessedYear } = narrowByDate(question, this.clock.now());
    const request = {
      text: meetingAsWritten(withoutKindWords(rest, lang), lang),
      lang,
      range,
      context: history.map((t) => t.question).slice(-2),
      favour: new Set(history.flatMap((t) => t.releaseIds)),
      releases: this.readsWide() ? MODEL_SEARCH_RELEASES : undefined,
    };
    let retrieval = await this.deps.retriever.retrieve(request);
    // The date's other readings, whose best releases a model reads too (`wholeReleases`): "in February" may be another
    // year's February than the one that answers most of the question's words.
    let otherReadings: Retrieval[] = [];
    if (range) {
      // "in February" is last February unless a February of another year answers more of the question; and a date
      // may be what the question asks about ("is the delivery in April?", "the treaty signed in 1949"), not when a
      // release was published: the question searched whole, its date words as words, wins when it answers more.
      const candidates = [retrieval];
      if (guessedYear) {
        const month = range.from.slice(5, 7);
        const any = await this.deps.retriever.retrieve({ ...request, range: undefined });
        candidates.push({
          ...any,
          passages: any.passages.filter((p) => releaseMonth(any, p.passage.releaseId) === month),
        });
      }
      candidates.push(await this.deps.retriever.retrieve({ ...request, text: question, range: undefined }));
      const chosen = answersMost(candidates);
      retrieval = speaksOfYearsAsked(chosen, question, range);
      otherReadings = candidates.filter((c) => c !== chosen);
    }
    // What the search found before the coverage check: the model may still read it (`widen`).
    const searched = retrieval;
    if (this.deps.coverage) {
      const carried = this.followed(question, history);
      const before = carried && { text: narrowByDate(carried.question, this.clock.now()).rest, lang: carried.language };
      retrieval = await this.deps.coverage.restrict(retrieval, rest, lang, before || undefined);
    }
    const focus = this.focusOf(question, lang, history);
    const answer = await this.answerFrom(
      { question, rest, lang },
      withFigure(focus, retrieval),
      history,
      focus,
      withFigure(focus, searched),
      searched,
      otherReadings,
    );
    this.logger.info("question answered", {
      lang,
      status: answer.status,
      engine: answer.engine,
      citations: answer.citations.map((c) => c.releaseId),
      range,
    });
    if (answer.status === "answered") {
      this.deps.memory.remember(ctx.conversationKey, {
        question,
        answer: answer.text,
        language: lang,
        releaseIds: answer.citations.map((c) => c.releaseId),
        at: this.clock.now().getTime(),
      });
    }
    return answer;
  }

  /** `search WORDS`: matching releases, best first, with their best sentence. Date words narrow it too. */
  async search(words: string, ctx: { language?: Lang | undefined }, limit = 10): Promise<SearchOutcome> {
    // Chat commands are cut at INPUT_LIMITS.searchChars; this bounds every other caller (the CLI).
    if (words.length > MAX_SEARCH_CHARS) return { language: ctx.language ?? "en", hits: [] };
    return searchReleases(this.deps.retriever, words, ctx.language ?? "en", this.clock.now(), limit);
  }

  /** Whether a model reads what the search found too, beyond what the checks chose (`modelReading`). */
  private readsWide(): boolean {
    return this.deps.model !== undefined && this.deps.modelReading !== "checked";
  }

  /** What the question asks for; a short follow-up ("and in 2023?", « et combien ? ») keeps the last question's. */
  private focusOf(question: string, lang: Lang, history: Turn[]): QuestionFocus {
    const last = this.followed(question, history);
    return questionFocus(question, lang, last ? questionFocus(last.question, last.language) : undefined);
  }

  /** The turn a follow-up ("and in 2023?", « et combien ? ») continues; undefined for a question of its own. */
  private followed(question: string, history: Turn[]): Turn | undefined {
    const last = history.at(-1);
    return last && (FOLLOW_UP.test(question) || question.split(/\s+/u).length <= 3) ? last : undefined;
  }

  /** The release that holds the question's phrase together (phrase-evidence.ts), among those retrieved. */
  private async leadOf(rest: string, lang: Lang, retrieval: Retrieval): Promise<string | undefined> {
    const specific = await this.deps.coverage?.questionWords(rest, lang);
    const content = this.deps.retriever.contentWords(retrieval.query.texts[0] ?? "");
    const lookups = { alternatives: retrieval.query.alternatives, lexicon: this.deps.trust?.lexicon };
    return leadingRelease(retrieval, phraseWords(content, specific, lang, lookups));
  }

  /** The debug line of what decided an answer: the releases kept, and the top passages with their verdicts. */
  private explain(
    retrieval: Retrieval,
    how: {
      focus: QuestionFocus;
      which: string | undefined;
      strong: ReadonlySet<string>;
      lead: string | undefined;
      first: string | undefined;
      answers: (m: PassageMatch) => boolean;
      bound: (m: PassageMatch) => boolean;
    },
  ): void {
    const { focus, which, strong, lead, first, answers, bound } = how;
    this.logger.debug("answer selection", {
      focus: focus.kind,
      which,
      releases: retrieval.matches.map(
        (m) => `${m.releaseId} cov ${m.coverage.toFixed(2)} w ${(retrieval.weights.get(m.releaseId) ?? 0).toFixed(2)}`,
      ),
      strong: [...strong],
      lead,
      first,
      passages: retrieval.passages
        .slice(0, EXPLAINED_PASSAGES)
        .map(
          (m) =>
            `${m.passage.id} cov ${m.coverage.toFixed(2)} words ${m.matched}${m.matchedName ? " name" : ""}` +
            `${answers(m) ? " focus" : ""}${bound(m) ? " bound" : ""}: ${m.passage.text.slice(0, 90)}`,
        ),
    });
  }

  private async answerFrom(
    /** The question as asked, and without its date words (`narrowByDate`). */
    { question, rest, lang }: { question: string; rest: string; lang: Lang },
    retrieval: Retrieval,
    history: Turn[],
    focus: QuestionFocus,
    /** The retrieval before the coverage check, for the model's further reading. */
    searched: Retrieval = retrieval,
    /**
     * The search's own retrieval, before any check (the measure rule of `withFigure` included), whose best release
     * the model reads whole: "how fast must the pilots take off?" is answered by "within fifteen minutes", no speed.
     */
    found: Retrieval = searched,
    /** The searches of the question's other date readings, whose best releases the model reads whole too. */
    otherReadings: Retrieval[] = [],
  ): Promise<Answer> {
    const answers = answerTest(focus, lang, retrieval, this.deps.trust?.lexicon);
    // Releases the question matches as a whole and nearly as well as the best: a sentence of theirs that carries
    // what is asked answers with one of the question's words (only when something is asked: a figure, a person…).
    // A "which N" question asks for something too: one of the Ns (focus-which.ts).
    const which = whichNoun(question);
    const distinctive = distinctiveFocus(focus);
    const asks = focus.kind !== "any" || !!which || focus.meets === true;
    const strong = strongReleases(retrieval.matches, retrieval.weights, retrieval.query.favour, asks, distinctive);
    // The release that holds the question's phrase together is the one it is about: strong, and answering first.
    const lead = await this.leadOf(rest, lang, retrieval);
    if (lead && asks) strong.add(lead);
    const noAnswer = (): Answer => ({
      status: "no-answer",
      text:
        retrieval.matches.length === 0 && this.deps.retriever.isEmpty()
          ? QA_MESSAGES.emptyStore(lang)
          : QA_MESSAGES.noAnswer(lang, this.deps.retriever.contentWords(retrieval.query.texts[0] ?? "")),
      language: lang,
      citations: [],
      engine: RETRIEVAL_ENGINE,
    });
    // The first release after coverage (or the only one, for a question asking for no kind): its sentence answers with
    // two of the question's words and the focus (selection.ts `firstRelease`).
    const first = firstRelease(retrieval.matches, focus.kind !== "any");
    // A sentence answers when it carries what is asked and, in the part that carries it, is about what the question
    // names (sentence-binding.ts, clause-binding.ts): for the offline answer, and first among what the model reads.
    const { lexicon, terms } = this.deps.trust ?? {};
    const bound = await bindingOf(this.deps.coverage, rest, lang, retrieval, lexicon, focus, terms);
    const bindsToo = (m: PassageMatch) => answers(m) && bound(m);
    // What decided the answer, for whoever looks into one (LOG_LEVEL=debug; qa-quality --explain).
    if (this.logger.enabled?.("debug") ?? true)
      this.explain(retrieval, { focus, which, strong, lead, first, answers, bound });
    const checked = pickForModel(
      retrieval.passages,
      retrieval.query.favour,
      bindsToo,
      strong,
      bestSentences(retrieval, focus),
      lead,
      first,
    );
    // With a model, what the search found (before the coverage check) is read too, after what the checks chose.
    const forModel = this.readsWide()
      ? widen(
          checked,
          wideReading(searched, focus, answerTest(focus, lang, searched, this.deps.trust?.lexicon)),
          wholeReleases(found, otherReadings),
        )
      : checked;
    if (forModel.length === 0) return noAnswer();

    const viaModel = await answerWithModel(
      { model: this.deps.model, breaker: this.deps.breaker, trust: this.deps.trust, logger: this.logger },
      { question, lang, history, picked: forModel, releases: readReleases(found, otherReadings) },
    );
    if (viaModel.answer)
      return viaModel.answer.status === "no-answer"
        ? { ...noAnswer(), engine: viaModel.answer.engine }
        : viaModel.answer;
    const { fallbackReason } = viaModel;
    const alternatives = retrieval.query.alternatives ?? {};
    // The noun's other spellings: the query's, and the dictionary's for the whole word (« porte-avions » is one).
    const whichSpellings = which
      ? [
          ...alternativesOf(alternatives, which),
          ...(this.deps.trust?.lexicon?.equivalents(which, lang, otherLang(lang)) ?? []).map((e) => e.lemma),
        ]
      : [];
    // A superlative question prefers the sentence that ranks; a "which N" one, the sentence that names an N.
    const prefer = asksSuperlative(question)
      ? (m: PassageMatch) => ranks(m.passage)
      : which
        ? (m: PassageMatch) => namesWhich(m.passage, which, whichSpellings)
        : undefined;
    const { favour } = retrieval.query;
    // A follow-up ("et où sera hissé son drapeau ?") answered by the release it follows stays with it: that release's
    // answers come first, before a release whose words the question repeats as well (another flag raised).
    const followedIds = new Set(this.followed(question, history)?.releaseIds ?? []);
    const followed = retrieval.matches.find((m) => followedIds.has(m.releaseId))?.releaseId;
    const leading = followed ?? lead;
    const chosen = pickForExtract(
      retrieval.passages,
      retrieval.weights,
      favour,
      bindsToo,
      strong,
      prefer,
      leading,
      first,
    );
    if (chosen.length === 0) return noAnswer();
    // "He said that… this EU operation": quoted after the sentence it stands on (antecedent.ts).
    const known = [...retrieval.passages.map((m) => m.passage), ...(retrieval.unmatched ?? [])];
    const picked = withAntecedent(chosen, known);
    const extract = await extractiveAnswer(picked, lang, { translator: this.deps.translator, logger: this.logger });
    return {
      status: "answered",
      text: extract.text,
      language: lang,
      citations: extract.numbers.list(retrieval.releases, lang),
      engine: EXTRACTIVE_ENGINE,
      fallbackReason,
    };
  }
}

/** The first of the retrievals whose relevant passages match the largest share of the question (0 without any). */
function answersMost(candidates: Retrieval[]): Retrieval {
  const share = (r: Retrieval) => Math.max(0, ...r.passages.filter(isRelevant).map((m) => m.coverage));
  return candidates.reduce((best, r) => (share(r) > share(best) ? r : best));
}

/** The releases of `found` and of the date's other readings (`wholeReleases`), for the model's citations. */
function readReleases(found: Retrieval, otherReadings: Retrieval[]): Retrieval["releases"] {
  if (otherReadings.length === 0) return found.releases;
  return new Map([...otherReadings.flatMap((r) => [...r.releases]), ...found.releases]);
}

/** The month (MM) a retrieved release counts for in date searches. */
function releaseMonth(retrieval: Retrieval, releaseId: string): string | undefined {
  const release = retrieval.releases.get(releaseId);
  return release ? releaseDate(release).slice(5, 7) : undefined;
}
