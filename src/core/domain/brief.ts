import type { Lang } from "./language.js";

/** Where the text of one language of a brief comes from. */
export type ProvenanceKind = "source" | "official" | "llm" | "machine-offline" | "unavailable";

export interface Provenance {
  kind: ProvenanceKind;
  /** Human label every renderer shows next to the text, e.g. "Machine translation (offline, Apertium)". */
  label: string;
  /** Model name for `llm`, translation pipeline for `machine-offline`. */
  model?: string | undefined;
  /** Why, for `unavailable`. */
  reason?: string | undefined;
}

export interface BriefPart {
  headline: string;
  /** 2–4 sentences. */
  summary: string;
  /** 3–6 bullets. */
  keyPoints: string[];
}

export interface FactFinding {
  lang: Lang;
  kind: "number" | "date" | "time" | "name";
  value: string;
  /** The sentence of the brief that carries it. */
  where: string;
}

/** A key point the fact guard took out of the model's brief, and why: shown nowhere, kept for the record. */
export interface DroppedPoint {
  lang: Lang;
  text: string;
  findings: FactFinding[];
}

export interface FactCheck {
  /** true when nothing shown carries an untraceable fact (dropped key points are not shown). */
  ok: boolean;
  checkedAt: string;
  /** What the guard found in what is shown (empty when ok), or, for a rejected brief, in what was rejected. */
  findings: FactFinding[];
  /** Key points removed from the model's brief because they carried a fact the release does not give. */
  dropped?: DroppedPoint[] | undefined;
  /** Model requests this brief took (2 when the first attempt was retried). */
  attempts?: number | undefined;
}

export interface TokenUsage {
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
}

export interface BriefReleaseRef {
  id: string;
  sourceLanguage: Lang;
  published?: string | undefined;
  titles: Partial<Record<Lang, string>>;
  urls: Partial<Record<Lang, string>>;
}

/** Platform-neutral brief of one release, in English and in French. Adapters render it; they never change it. */
export interface Brief {
  release: BriefReleaseRef;
  en: BriefPart;
  fr: BriefPart;
  provenance: Record<Lang, Provenance>;
  /** Engine id, e.g. "offline" or "llm:gpt-4.1-mini". */
  engine: string;
  promptVersion: string;
  contentHash: string;
  usage: TokenUsage | null;
  checks: FactCheck;
  /** Why a fallback engine wrote this brief, when one did. */
  fallbackReason?: string | undefined;
  createdAt: string;
}
