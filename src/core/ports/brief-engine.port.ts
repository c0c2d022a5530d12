import type { BriefPart, FactFinding, Provenance, TokenUsage } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { Release } from "../domain/release.js";

/** What an engine returns: both languages and where each came from. The service adds checks and identity. */
export interface EngineBrief {
  parts: Record<Lang, BriefPart>;
  provenance: Record<Lang, Provenance>;
  usage: TokenUsage | null;
}

/** Writes the bilingual brief of one release. Implemented by the offline engine and the LLM engine. */
export interface BriefEngine {
  /** Part of the cache key, e.g. "offline" or "llm:gpt-4.1-mini". */
  readonly id: string;
  /** Part of the cache key: bump when the output for the same input may change. */
  readonly promptVersion: string;
  /** "llm" output is fact-checked and retried; "offline" output is extractive and only reported on. */
  readonly kind: "llm" | "offline";
  /** `findings` are what the fact guard rejected in a previous attempt, for the engine to correct. */
  brief(release: Release, findings?: FactFinding[]): Promise<EngineBrief>;
}
