import type { Lang } from "../domain/language.js";

/** Inclusive range of ISO dates (YYYY-MM-DD) a question's date words ("this week", « en janvier ») narrow to. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Where a passage comes from: a release's own text (original or NATO's translation), its stored brief, or the
 * offline translation made when the release was stored (in a language NATO did not publish it in).
 */
export type PassageKind = "body" | "brief" | "translation";

/** One sentence (or clause of a long sentence) that can answer a question, with the release it belongs to. */
export interface Passage {
  /** `${releaseId}:${lang}:${kind}:${n}`: stable while the release's content is. */
  id: string;
  releaseId: string;
  lang: Lang;
  kind: PassageKind;
  /** The release's title in the passage's language (or its original title). */
  title: string;
  text: string;
  /** For brief passages: the brief's provenance label ("Machine translation (offline, Apertium)…"). */
  label?: string | undefined;
  /** For translation passages: the original sentence it translates, shown beside it so the reader can check. */
  original?: { lang: Lang; text: string } | undefined;
}

/** A stored release an answer relies on; `[n]` in the answer text is `citations[n - 1]`. */
export interface Citation {
  releaseId: string;
  title: string;
  url: string | null;
  published?: string | undefined;
}

export type AnswerStatus = "answered" | "no-answer" | "refused";

/** Platform-neutral answer to a question; adapters render it, never change it. */
export interface Answer {
  status: AnswerStatus;
  /** Plain text in `language`, with `[n]` markers after each claim; no citation for "no-answer" and "refused". */
  text: string;
  language: Lang;
  citations: Citation[];
  /** "llm:<model>", "extractive", or "retrieval" when retrieval alone decided there is no answer. */
  engine: string;
  /** Why a refusal happened, for adapters that word it their own way. */
  refusal?: "rate-limited" | "too-long" | "empty" | undefined;
  /** Why the LLM was not used when one is configured. */
  fallbackReason?: string | undefined;
}

/** One stored release matching `search WORDS`. */
export interface SearchHit {
  releaseId: string;
  title: string;
  url: string | null;
  published?: string | undefined;
  /** The best matching sentence, in its own language. */
  snippet: string;
}

export interface SearchOutcome {
  language: Lang;
  hits: SearchHit[];
}

/** One exchange of a conversation, kept for follow-up questions. */
export interface Turn {
  question: string;
  answer: string;
  language: Lang;
  releaseIds: string[];
  at: number;
}
