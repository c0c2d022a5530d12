import type { BriefPart, FactCheck, FactFinding } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import { LANGS } from "../domain/language.js";
import type { Release } from "../domain/release.js";
import { fullText } from "../domain/release.js";
import { findDates } from "../text/dates.js";
import { fold } from "../text/fold.js";
import { findNames } from "../text/names.js";
import { digitRuns, findQuantities } from "../text/quantities.js";

/** Official equivalents, in `lang`, of the glossary terms found in `text` (e.g. "Russie" → "Russia"). */
export type TermEquivalents = (text: string, from: Lang, to: Lang) => string[];

export interface FactGuardOptions {
  equivalents?: TermEquivalents | undefined;
  now?: () => Date;
}

/**
 * Every figure and proper name of a brief must be traceable to the release it summarises. Figures are compared
 * by value across languages ("10 milliards" = "10 billion"), names by their folded spelling or an official
 * glossary equivalent. Findings say what is untraceable and where; nothing is rewritten here.
 */
export function checkFacts(
  parts: Partial<Record<Lang, BriefPart>>,
  release: Pick<Release, "texts">,
  options: FactGuardOptions = {},
): FactCheck {
  const sources = LANGS.flatMap((lang) => {
    const t = release.texts[lang];
    return t ? [{ lang, text: fullText(t) }] : [];
  });
  const values = new Set<number>();
  const bases = new Set<number>();
  const runs = new Set<string>();
  for (const s of sources) {
    for (const q of findQuantities(s.text, s.lang)) {
      values.add(q.value);
      bases.add(q.base);
    }
    for (const d of findDates(s.text)) {
      if (d.day !== undefined) runs.add(String(d.day).padStart(2, "0"));
      runs.add(String(d.month)).add(String(d.month).padStart(2, "0"));
    }
    for (const r of digitRuns(s.text)) runs.add(r);
  }

  const allow = (into: Set<string>, text: string) => {
    for (const w of words(text)) into.add(w);
    for (const a of acronymsOf(text)) into.add(a);
  };
  // The release's own words serve both languages; only the glossary equivalents differ per language.
  const sourceWords = new Set<string>();
  for (const s of sources) allow(sourceWords, s.text);

  const findings: FactFinding[] = [];
  for (const lang of LANGS) {
    const part = parts[lang];
    if (!part) continue;
    const allowedWords = new Set(sourceWords);
    for (const s of sources) {
      if (s.lang !== lang && options.equivalents)
        for (const term of options.equivalents(s.text, s.lang, lang)) allow(allowedWords, term);
    }
    for (const sentence of [part.headline, part.summary, ...part.keyPoints]) {
      for (const q of findQuantities(sentence, lang)) {
        const known = q.magnitude || q.unit ? values.has(q.value) : bases.has(q.base) || values.has(q.value);
        if (!known) findings.push({ lang, kind: "number", value: q.raw, where: sentence });
      }
      for (const run of digitRuns(sentence)) {
        if (
          !runs.has(run) &&
          !findings.some((f) => f.kind === "number" && f.value.includes(run) && f.where === sentence)
        ) {
          findings.push({ lang, kind: "number", value: run, where: sentence });
        }
      }
      for (const name of findNames(sentence, lang)) {
        if (!words(name.text).every((w) => allowedWords.has(w))) {
          findings.push({ lang, kind: "name", value: name.text, where: sentence });
        }
      }
    }
  }
  return { ok: findings.length === 0, checkedAt: (options.now?.() ?? new Date()).toISOString(), findings };
}

/** "European Union" → "eu", "NATO Support and Procurement Agency" → "nspa": the acronyms a writer may use. */
function acronymsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\p{Lu}[\p{L}-]*(?:\s+(?:and|of|for|the|de|du|des|et|la|le|l['’])?\s*)?){2,}/gu)) {
    const initials = (m[0].match(/\p{Lu}[\p{L}-]*/gu) ?? []).map((w) => (/^\p{Lu}+$/u.test(w) ? w : w[0]!)).join("");
    if (initials.length >= 2) out.push(fold(initials));
  }
  return out;
}

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
