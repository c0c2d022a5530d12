import type { ProvenanceKind } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";

/** One release in a digest, in the subscription's languages. */
export interface DigestItem {
  releaseId: string;
  /** ISO date (YYYY-MM-DD) when known. */
  published?: string | undefined;
  /** Headline and one sentence per chosen language, with where that text comes from. */
  text: Partial<Record<Lang, { headline: string; summary: string; provenance: ProvenanceKind; label: string }>>;
  /** Links to the originals, per language NATO published. */
  links: Partial<Record<Lang, string>>;
}

/**
 * A digest of the releases one subscription has not seen yet: platform-neutral data that each ChatTarget
 * renders. An empty `items` list is the "nothing new" digest, posted only when configured to.
 */
export interface Digest {
  subscriptionId: string;
  target: string;
  /** Ledger period this digest belongs to, e.g. "2026-03-30" (local date of the scheduled run). */
  period: string;
  languages: Lang[];
  topics: string[];
  /** Releases stored in [since, until) are in it. */
  window: { since: string; until: string };
  scheduledFor: string;
  timezone: string;
  /** true when posted later than scheduled (caught up at start-up). */
  delayed: boolean;
  items: DigestItem[];
  /** Releases that matched but were left out to keep the digest readable. */
  omitted: number;
  /**
   * Releases stored in the window but published more than BACKDATED_DAYS before it opened (archives, not news):
   * counted so a preview can say why they are not there, never shown.
   */
  backdated?: number;
  generatedAt: string;
}

/** A digest cut to fit one platform message: the same header, a run of its items. */
export interface DigestPart {
  digest: Omit<Digest, "items">;
  items: DigestItem[];
  /** 0-based. */
  index: number;
  total: number;
}

/** Key a ChatTarget can hand to its platform so a repeated post of the same part is recognised. */
export function idempotencyKey(subscriptionId: string, period: string, partIndex: number): string {
  return `nato-brief:${subscriptionId}:${period}:${partIndex}`;
}
