import type { BriefPart, FactCheck, FactFinding } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import { LANGS } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import { fullText } from "../domain/release.js";
import { splitSentences } from "../text/sentences.js";
import { definedAcronyms } from "../trust/acronyms.js";
import { checkSentence } from "../trust/check-sentence.js";
import { buildEvidence, type Evidence, type SourceText, type TrustTools } from "../trust/evidence.js";
import { spelledOutOne } from "../trust/spelled-out.js";

export interface FactGuardOptions {
  tools?: TrustTools | undefined;
  now?: () => Date;
}

/** Where in a brief part a checked unit sits. */
export type BriefField = "headline" | "summary" | "keyPoint";

/** The guard's verdict on one unit of a brief part: a headline, the summary or one key point. */
export interface UnitOutcome {
  lang: Lang;
  field: BriefField;
  /** Key point index; 0 for the headline and the summary. */
  index: number;
  text: string;
  /** Empty: keep. Otherwise drop (a key point) or reject (the headline or summary), for these reasons. */
  findings: FactFinding[];
}

/** The release's facts, extracted once: every check of its briefs (both languages, a retry) reuses them. */
export function releaseEvidence(release: Pick<Release, "texts">, tools: TrustTools = {}): Evidence {
  const sources: SourceText[] = LANGS.flatMap((lang) => {
    const t = release.texts[lang];
    return t ? [{ lang, text: spelledOutOne(fullText(t), lang) }] : [];
  });
  return buildEvidence(sources, tools);
}

/**
 * Checks one language of a brief unit by unit, sentence by sentence: every figure, date, time and proper name must
 * be traceable to the release (figures by value across languages, "10 milliards" = "10 billion"; names by their
 * spelling, an acronym, a glossary or dictionary equivalent). Nothing is rewritten here.
 */
export function checkPart(part: BriefPart, lang: Lang, evidence: Evidence): UnitOutcome[] {
  const all = [part.headline, part.summary, ...part.keyPoints].join("\n");
  const defined = definedAcronyms(all);
  const unit = (field: BriefField, index: number, text: string): UnitOutcome => {
    const findings = splitSentences(text).flatMap((sentence) =>
      checkSentence(sentence, lang, evidence, defined).map((f) => ({
        lang,
        kind: f.kind,
        value: f.value,
        where: text,
      })),
    );
    return { lang, field, index, text, findings };
  };
  return [
    unit("headline", 0, part.headline),
    unit("summary", 0, part.summary),
    ...part.keyPoints.map((k, i) => unit("keyPoint", i, k)),
  ];
}

/** Both languages at once, as one verdict: ok when no unit of any language carries a finding. */
export function checkFacts(
  parts: Partial<Record<Lang, BriefPart>>,
  release: Pick<Release, "texts"> | Evidence,
  options: FactGuardOptions = {},
): FactCheck {
  const evidence = "figures" in release ? release : releaseEvidence(release, options.tools);
  const findings = LANGS.flatMap((lang) => {
    const part = parts[lang];
    return part ? checkPart(part, lang, evidence).flatMap((u) => u.findings) : [];
  });
  return { ok: findings.length === 0, checkedAt: (options.now?.() ?? new Date()).toISOString(), findings };
}
