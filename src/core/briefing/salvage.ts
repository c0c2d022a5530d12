import type { BriefPart, DroppedPoint, FactFinding } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import { LANGS } from "../domain/language.js";
import type { Evidence } from "../trust/evidence.js";
import { checkPart } from "./fact-guard.js";

/** The fact guard's verdict on one language of a model's brief. */
export interface LanguageVerdict {
  /** The part to show (without dropped key points), or undefined when the language is rejected. */
  part?: BriefPart | undefined;
  /** Why the language is rejected: findings in its headline or summary, or no key point left. */
  rejected: FactFinding[];
  /** Key points taken out of a part that is shown. */
  dropped: DroppedPoint[];
  /** Everything found in this language, shown or not: what the model's retry is told. */
  findings: FactFinding[];
}

export type BriefVerdict = Record<Lang, LanguageVerdict>;

/**
 * Salvage instead of discarding: a key point with an untraceable fact is dropped and the rest kept; a headline or
 * summary with one rejects that language only (the caller retries, then falls back for that language).
 */
export function judgeBrief(parts: Record<Lang, BriefPart>, evidence: Evidence): BriefVerdict {
  const out = {} as BriefVerdict;
  for (const lang of LANGS) {
    const units = checkPart(parts[lang], lang, evidence);
    const rejected = units.filter((u) => u.field !== "keyPoint").flatMap((u) => u.findings);
    const points = units.filter((u) => u.field === "keyPoint");
    const kept = points.filter((u) => u.findings.length === 0).map((u) => u.text);
    const dropped = points
      .filter((u) => u.findings.length > 0)
      .map((u) => ({ lang, text: u.text, findings: u.findings }));
    const findings = units.flatMap((u) => u.findings);
    if (rejected.length === 0 && kept.length === 0 && points.length > 0) rejected.push(...findings);
    out[lang] =
      rejected.length > 0
        ? { rejected, dropped: [], findings }
        : { part: { ...parts[lang], keyPoints: kept }, rejected, dropped, findings };
  }
  return out;
}

/** Everything the guard found, for the model's one retry. */
export function verdictFindings(v: BriefVerdict): FactFinding[] {
  return LANGS.flatMap((lang) => v[lang].findings);
}

export function rejectedLanguages(v: BriefVerdict): Lang[] {
  return LANGS.filter((lang) => !v[lang].part);
}
