import type { CircuitBreakerLike } from "../briefing/circuit-breaker-like.js";
import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import type { Logger } from "../ports/logger.port.js";
import type { TrustTools } from "../trust/evidence.js";
import { checkModelAnswer } from "./answer-check.js";
import type { AnswerModel, NumberedPassage } from "./answer-model.port.js";
import { CitationNumbers, markers } from "./citations.js";
import { titleOf } from "./passages.js";
import type { Answer, Turn } from "./qa-types.js";
import type { PassageMatch } from "./search-index.port.js";

export interface ModelAnswerDeps {
  model?: AnswerModel | undefined;
  breaker?: CircuitBreakerLike | undefined;
  trust?: TrustTools | undefined;
  logger: Logger;
}

export interface ModelAnswerRequest {
  question: string;
  lang: Lang;
  history: Turn[];
  /** The passages given to the model, best first (selection.ts pickForModel). */
  picked: PassageMatch[];
  releases: Map<string, Release>;
}

/**
 * The model's answer, kept only where it is cited and the cited passages support it (answer-check.ts); a
 * "no-answer" when the model says the passages do not answer. Without a model, with the breaker open, or when the
 * answer keeps nothing, no answer and the reason the extract is shown instead.
 */
export async function answerWithModel(
  deps: ModelAnswerDeps,
  request: ModelAnswerRequest,
): Promise<{ answer?: Answer; fallbackReason?: string }> {
  const { model, breaker, logger } = deps;
  if (!model) return {};
  if (breaker && !breaker.canRequest())
    return { fallbackReason: "the language model failed repeatedly and is paused for a cool-down" };
  const { question, lang, history, releases } = request;
  // The model reads NATO's own sentence rather than the offline translation of it: it translates better.
  const passages: NumberedPassage[] = request.picked.map((m, i) => {
    const source = m.passage.kind === "translation" ? m.passage.original : undefined;
    const release = releases.get(m.passage.releaseId);
    return {
      n: i + 1,
      releaseId: m.passage.releaseId,
      title: source && release ? titleOf(release, source.lang) : m.passage.title,
      published: release?.published,
      lang: source?.lang ?? m.passage.lang,
      text: source?.text ?? m.passage.text,
    };
  });
  let fallbackReason: string;
  try {
    const reply = await model.answer({ question, language: lang, passages, history });
    breaker?.recordSuccess();
    if (!reply.answerable)
      return { answer: { status: "no-answer", text: "", language: lang, citations: [], engine: model.id } };
    const checked = checkModelAnswer(reply.text, lang, passages, deps.trust);
    if (checked.dropped.length > 0)
      logger.warn("dropped unsupported sentences of the model's answer", { dropped: checked.dropped });
    if (checked.sentences.length > 0)
      return { answer: fromModel(checked.sentences, passages, lang, releases, model.id) };
    fallbackReason = "the language model's answer had no cited sentence the passages support";
  } catch (err) {
    breaker?.recordFailure();
    fallbackReason = `the language model is unavailable: ${reasonOf(err)}`;
  }
  logger.warn("answering extractively instead of with the language model", { reason: fallbackReason });
  return { fallbackReason };
}

function fromModel(
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

function reasonOf(err: unknown): string {
  if (err && typeof err === "object" && "reason" in err && typeof err.reason === "string") return err.reason;
  return err instanceof Error ? err.message : String(err);
}
