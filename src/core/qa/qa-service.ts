import type { CircuitBreakerLike } from "../briefing/circuit-breaker-like.js";
import { type Lang, otherLang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Clock } from "../ports/clock.port.js";
import { systemClock } from "../ports/clock.port.js";
import type { Logger } from "../ports/logger.port.js";
import { silentLogger } from "../ports/logger.port.js";
import type { Translator } from "../ports/translator.port.js";
import type { TrustTools } from "../trust/evidence.js";
import { checkModelAnswer } from "./answer-check.js";
import type { AnswerModel, NumberedPassage } from "./answer-model.port.js";
import { CitationNumbers, markers } from "./citations.js";
import type { ConversationMemory } from "./conversation-memory.js";
import { alternativesOf, type Coverage } from "./coverage.js";
import { narrowByDate } from "./date-words.js";
import { extractiveAnswer } from "./extractive-answer.js";
import { carriesFocus, type QuestionFocus, questionFocus, withoutKindWords } from "./focus.js";
import { textCovers } from "./focus-future.js";
import { namesWhich, whichNoun } from "./focus-which.js";
import { releaseDate, titleOf } from "./passages.js";
import { QA_MESSAGES } from "./qa-messages.js";
import type { Answer, SearchOutcome, Turn } from "./qa-types.js";
import { detectQuestionLanguage } from "./question-language.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { Retrieval, Retriever } from "./retriever.js";
import type { PassageMatch } from "./search-index.port.js";
import { searchReleases } from "./search-releases.js";
import { isRelevant, pickForExtract, pickForModel, strongReleases, unmatchedMatch } from "./selection.js";

export interface QaServiceDeps {
  retriever: Retriever;
  memory: ConversationMemory;
  limiter: RateLimiter;
  maxQuestionChars: number;
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

    const { range, rest, guessedYear } = narrowByDate(question, this.clock.now());
    const request = {
      text: withoutKindWords(rest, lang),
      lang,
      range,
      context: history.map((t) => t.question).slice(-2),
      favour: new Set(history.flatMap((t) => t.releaseIds)),
    };
    let retrieval = await this.deps.retriever.retrieve(request);
    // "in February" is last February unless nothing then answers: then any February (the month's words stay out).
    if (guessedYear && range && !retrieval.passages.some(isRelevant)) {
      const month = range.from.slice(5, 7);
      const any = await this.deps.retriever.retrieve({ ...request, range: undefined });
      const inMonth = any.passages.filter((p) => releaseMonth(any, p.passage.releaseId) === month);
      if (inMonth.some(isRelevant)) retrieval = { ...any, passages: inMonth };
    }
    // A date may be what the question asks about ("the treaty signed in 1949"), not when a release was published:
    // when nothing published then answers, the question is searched whole, its date words as words.
    if (range && !retrieval.passages.some(isRelevant)) {
      const whole = await this.deps.retriever.retrieve({ ...request, text: question, range: undefined });
      if (whole.passages.some(isRelevant)) retrieval = whole;
    }
    if (this.deps.coverage) {
      const carried = this.followed(question, history);
      const before = carried && { text: narrowByDate(carried.question, this.clock.now()).rest, lang: carried.language };
      retrieval = await this.deps.coverage.restrict(retrieval, rest, lang, before || undefined);
    }
    const answer = await this.answerFrom(question, lang, retrieval, history, this.focusOf(question, lang, history));
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

  /** A passage answers when it carries the focus; names are also looked for in their other-language spellings. */
  private answers(
    focus: QuestionFocus,
    lang: Lang,
    alternatives: Readonly<Record<string, readonly string[]>> = {},
  ): (m: PassageMatch) => boolean {
    const lexicon = this.deps.trust?.lexicon;
    const spellings = new Map<string, readonly string[]>();
    const equivalents = (name: string): readonly string[] => {
      if (!lexicon) return [];
      let known = spellings.get(name);
      if (!known) {
        known = lexicon
          .equivalents(name, lang, otherLang(lang))
          .filter((e) => e.pos === "np")
          .map((e) => e.lemma);
        spellings.set(name, known);
      }
      return known;
    };
    const common = new Map<string, boolean>();
    const commonWord = lexicon?.available()
      ? (word: string, wordLang: Lang): boolean => {
          const key = `${wordLang}:${word}`;
          let known = common.get(key);
          if (known === undefined) {
            known = lexicon.equivalents(word, wordLang, otherLang(wordLang)).some((e) => e.pos !== "np");
            common.set(key, known);
          }
          return known;
        }
      : undefined;
    return (m) =>
      carriesFocus(focus, m.passage, {
        equivalents: m.passage.lang === lang ? undefined : equivalents,
        commonWord,
        alternatives: (word) => alternativesOf(alternatives, word),
      });
  }

  private async answerFrom(
    question: string,
    lang: Lang,
    retrieval: Retrieval,
    history: Turn[],
    focus: QuestionFocus,
  ): Promise<Answer> {
    const focused = this.answers(focus, lang, retrieval.query.alternatives);
    const { nextOf } = focus;
    // "Where is the next summit?": a release that never speaks of a summit does not answer it.
    const answers = nextOf
      ? (m: PassageMatch) =>
          focused(m) &&
          textCovers(
            retrieval.texts?.get(m.passage.releaseId) ?? `${m.passage.title}\n${m.passage.text}`,
            nextOf,
            alternativesOf(retrieval.query.alternatives ?? {}, nextOf),
          )
      : focused;
    // Releases the question matches as a whole and nearly as well as the best: a sentence of theirs that carries
    // what is asked answers with one of the question's words (only when something is asked: a figure, a person…).
    // A "which N" question asks for something too: one of the Ns (focus-which.ts).
    const which = whichNoun(question);
    const distinctive = focus.kind === "person" || focus.kind === "place" || focus.kind === "date";
    const strong = strongReleases(
      retrieval.matches,
      retrieval.weights,
      retrieval.query.favour,
      focus.kind !== "any" || !!which,
      distinctive,
    );
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
    const top = retrieval.matches[0]?.releaseId;
    const fromBest =
      focus.kind === "any" || !top
        ? []
        : [
            ...retrieval.passages.filter((m) => m.passage.releaseId === top),
            ...(retrieval.unmatched ?? []).map(unmatchedMatch),
          ];
    const forModel = pickForModel(retrieval.passages, retrieval.query.favour, answers, strong, fromBest);
    if (forModel.length === 0) return noAnswer();

    let fallbackReason: string | undefined;
    const { model, breaker } = this.deps;
    if (model && breaker && !breaker.canRequest()) {
      fallbackReason = "the language model failed repeatedly and is paused for a cool-down";
    } else if (model) {
      // The model reads NATO's own sentence rather than the offline translation of it: it translates better.
      const passages: NumberedPassage[] = forModel.map((m, i) => {
        const source = m.passage.kind === "translation" ? m.passage.original : undefined;
        const release = retrieval.releases.get(m.passage.releaseId);
        return {
          n: i + 1,
          releaseId: m.passage.releaseId,
          title: source && release ? titleOf(release, source.lang) : m.passage.title,
          published: release?.published,
          lang: source?.lang ?? m.passage.lang,
          text: source?.text ?? m.passage.text,
        };
      });
      try {
        const reply = await model.answer({ question, language: lang, passages, history });
        breaker?.recordSuccess();
        if (!reply.answerable) return { ...noAnswer(), engine: model.id };
        const checked = checkModelAnswer(reply.text, lang, passages, this.deps.trust);
        if (checked.dropped.length > 0)
          this.logger.warn("dropped unsupported sentences of the model's answer", { dropped: checked.dropped });
        if (checked.sentences.length > 0)
          return this.fromModel(checked.sentences, passages, lang, retrieval.releases, model.id);
        fallbackReason = "the language model's answer had no cited sentence the passages support";
      } catch (err) {
        breaker?.recordFailure();
        fallbackReason = `the language model is unavailable: ${reasonOf(err)}`;
      }
      this.logger.warn("answering extractively instead of with the language model", { reason: fallbackReason });
    }
    const alternatives = retrieval.query.alternatives ?? {};
    // The noun's other spellings: the query's, and the dictionary's for the whole word (« porte-avions » is one).
    const whichSpellings = which
      ? [
          ...alternativesOf(alternatives, which),
          ...(this.deps.trust?.lexicon?.equivalents(which, lang, otherLang(lang)) ?? []).map((e) => e.lemma),
        ]
      : [];
    const prefer = which ? (m: PassageMatch) => namesWhich(m.passage, which, whichSpellings) : undefined;
    const { favour } = retrieval.query;
    const picked = pickForExtract(retrieval.passages, retrieval.weights, favour, answers, strong, prefer);
    if (picked.length === 0) return noAnswer();
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

  private fromModel(
    sentences: ReturnType<typeof checkModelAnswer>["sentences"],
    passages: NumberedPassage[],
    lang: Lang,
    releases: Map<string, Release>,
    engine: string,
  ): Answer {
    const numbers = new CitationNumbers();
    const text = sentences
      .map((s) => {
        const cited = s.passages.map((n) => numbers.number(passages[n - 1]?.releaseId ?? ""));
        const marker = markers(cited);
        return /[.!?…]$/u.test(s.text) ? s.text.replace(/([.!?…]+)$/u, ` ${marker}$1`) : `${s.text} ${marker}`;
      })
      .join(" ");
    return { status: "answered", text, language: lang, citations: numbers.list(releases, lang), engine };
  }
}

/** The month (MM) a retrieved release counts for in date searches. */
function releaseMonth(retrieval: Retrieval, releaseId: string): string | undefined {
  const release = retrieval.releases.get(releaseId);
  return release ? releaseDate(release).slice(5, 7) : undefined;
}

function reasonOf(err: unknown): string {
  if (err && typeof err === "object" && "reason" in err && typeof err.reason === "string") return err.reason;
  return err instanceof Error ? err.message : String(err);
}
