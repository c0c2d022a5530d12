import type { TokenUsage } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { Turn } from "./qa-types.js";

/** A retrieved passage as the model sees it: numbered, so its answer can cite `[n]`. */
export interface NumberedPassage {
  n: number;
  releaseId: string;
  title: string;
  published?: string | undefined;
  lang: Lang;
  text: string;
}

export interface AnswerRequest {
  /** Untrusted: the model must treat it as data, never as instructions. */
  question: string;
  language: Lang;
  passages: NumberedPassage[];
  /** Earlier turns of the conversation, oldest first. */
  history: Turn[];
}

export interface ModelAnswer {
  /** false when the passages do not answer the question. */
  answerable: boolean;
  /** Plain text with `[n]` markers. */
  text: string;
  usage: TokenUsage | null;
}

/**
 * Writes an answer from the given passages only (an LLM behind the OpenAI Chat Completions API in infra).
 * Throws when the model is unreachable or its reply unusable; the caller falls back to an extractive answer.
 */
export interface AnswerModel {
  /** e.g. "llm:gpt-4.1-mini" */
  readonly id: string;
  answer(request: AnswerRequest): Promise<ModelAnswer>;
}
