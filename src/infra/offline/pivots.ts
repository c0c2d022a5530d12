import type { Direction } from "./apertium-translator.js";

/** Debian has no English↔French Apertium pair: every translation goes through a third language. */
export type PivotId = "es" | "ca";

export const PIVOT_IDS: readonly PivotId[] = ["es", "ca"];

export const PIVOT_NAMES: Record<PivotId, string> = { es: "Spanish", ca: "Catalan" };

/** The Apertium modes of each pivot, per direction (packages apertium-fr-es + apertium-eng-spa, or -fra-cat + -eng-cat). */
export const PIVOT_CHAINS: Record<PivotId, Record<Direction, readonly string[]>> = {
  es: { "en-fr": ["eng-spa", "es-fr"], "fr-en": ["fr-es", "spa-eng"] },
  ca: { "en-fr": ["eng-cat", "cat-fra"], "fr-en": ["fra-cat", "cat-eng"] },
};

/**
 * The pivot each direction uses unless configured otherwise (OFFLINE_PIVOT_EN_FR, OFFLINE_PIVOT_FR_EN): the one
 * with the higher chrF against NATO's own translations (`npm run bench -- translation`; figures in bench/README.md).
 */
export const DEFAULT_PIVOTS: Record<Direction, PivotId> = { "en-fr": "es", "fr-en": "es" };

export function otherPivot(pivot: PivotId): PivotId {
  return pivot === "es" ? "ca" : "es";
}
