import type { BriefPart } from "../../core/domain/brief.js";
import type { Lang } from "../../core/domain/language.js";
import type { Translator } from "../../core/ports/translator.port.js";
import { findDates, renderDate } from "../../core/text/dates.js";
import { findNames } from "../../core/text/names.js";
import { findQuantities, renderQuantity } from "../../core/text/quantities.js";
import { defaultGlossary } from "./glossary.js";
import { dictionaryNames, type Lexicon, lowerCommonNouns, nameRuns, outside } from "./name-protection.js";
import { type ProtectedSpan, protectSpans } from "./protect.js";
import { datePhraseSpans } from "./rules/date-phrases.js";
import { createMtRules, type MtRules } from "./rules/index.js";
import { numberSpans } from "./rules/numbers.js";
import { verbPhraseSpans } from "./rules/verb-phrases.js";

export type { Lexicon } from "./name-protection.js";

export interface PartTranslatorOptions {
  lexicon?: Lexicon | undefined;
  /** Post-editing rules; default: those of the repository's glossary. */
  rules?: MtRules | undefined;
}

/** Glossary terms found in a text, with the official term of the other language. */
export type TermFinder = (text: string, lang: Lang) => { start: number; end: number; target: string; kind: string }[];

/**
 * Translates a brief part with Apertium while keeping what word-by-word MT gets wrong out of its reach:
 * official NATO terms (glossary), figures with their magnitudes and units, dates, and proper names.
 * A placeholder the MT loses is appended in brackets rather than silently dropped.
 */
export class PartTranslator {
  private readonly rules: MtRules;

  constructor(
    private readonly translator: Translator | undefined,
    private readonly terms: TermFinder,
    private readonly options: PartTranslatorOptions = {},
  ) {
    this.rules = options.rules ?? createMtRules(defaultGlossary().terms);
  }

  async translatePart(part: BriefPart, from: Lang, to: Lang): Promise<BriefPart> {
    if (!this.translator) throw new Error("no offline translator is configured");
    const segments = [part.headline, part.summary, ...part.keyPoints];
    // A name seen inside any sentence is a name at the start of another too ("Patriot missiles were…").
    const names = new Set(segments.flatMap((s) => findNames(s, from).map((n) => n.text)));
    const prepared = await Promise.all(segments.map((s) => this.protect(s, from, to, names)));
    const translated = await this.translator.translate(
      prepared.map((p) => p.text),
      from,
      to,
    );
    const restored = await Promise.all(
      translated.map(async (t, i) => {
        const p = prepared[i]!;
        const lost = p.missing(t);
        let text = tidy(this.rules.post(p.restore(t), to), to);
        if (to === "fr" && this.options.lexicon)
          text = await lowerCommonNouns(text, p.replacements, this.options.lexicon);
        return lost.length ? `${text} [${lost.join("; ")}]` : text;
      }),
    );
    const [headline = "", summary = "", ...keyPoints] = restored;
    return { headline, summary, keyPoints };
  }

  private async protect(text: string, from: Lang, to: Lang, names: ReadonlySet<string>) {
    // Apertium's French→Spanish analyser knows the straight apostrophe only, and "oeuvre" but not "œuvre".
    const source = from === "fr" ? text.replace(/’/g, "'").replace(/œ/g, "oe").replace(/Œ/g, "Oe") : text;
    const terms = this.terms(source, from)
      // Apertium inflects and places adjectives better than a fixed replacement ("commissaire européen").
      .filter((t) => t.kind !== "demonym")
      .map((t) => ({ start: t.start, end: t.end, replacement: t.target }));
    const runs = outside(nameRuns(source, from, names), terms, source);
    const lexicon = this.options.lexicon;
    const spans: ProtectedSpan[] = [
      ...terms,
      ...honorifics(source, from, to),
      ...findQuantities(source, from)
        .filter((q) => q.magnitude || q.unit)
        .map((q) => ({ start: q.start, end: q.end, replacement: renderQuantity(q, to) })),
      ...findDates(source).map((d) => ({ start: d.start, end: d.end, replacement: renderDate(d, to) })),
      ...datePhraseSpans(source, from, to),
      ...verbPhraseSpans(source, from, to),
      ...numberSpans(source, from, to),
      ...(lexicon ? await dictionaryNames(source, runs, from, lexicon) : runs),
    ];
    // A span can shrink to nothing (a possessive alone, a run cut by a term): nothing to protect there.
    return protectSpans(
      source,
      spans.filter((s) => s.end > s.start),
    );
  }
}

const HONORIFICS: Record<Lang, [RegExp, Record<Lang, string>][]> = {
  fr: [
    [/\bM\.(?=\s+\p{Lu})/gu, { en: "Mr", fr: "M." }],
    [/\bMme(?=\s+\p{Lu})/gu, { en: "Ms", fr: "Mme" }],
    [/\bMM\.(?=\s+\p{Lu})/gu, { en: "Messrs", fr: "MM." }],
  ],
  en: [
    [/\bMr\.?(?=\s+\p{Lu})/gu, { en: "Mr", fr: "M." }],
    [/\bM(?:r?s)\.?(?=\s+\p{Lu})/gu, { en: "Ms", fr: "Mme" }],
  ],
};

/** "M. Breton" is "Mr Breton": titles before names are translated by rule, not by the dictionary. */
function honorifics(text: string, from: Lang, to: Lang): ProtectedSpan[] {
  return HONORIFICS[from].flatMap(([re, out]) =>
    [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: out[to] })),
  );
}

function tidy(text: string, lang: Lang): string {
  // French keeps its space before ; : ! ? and inside « »; English keeps none and quotes with “ ”.
  if (lang === "en") text = text.replace(/«\s*/g, "“").replace(/\s*»/g, "”");
  return text
    .replace(lang === "en" ? /\s+([,.;:!?)])/g : /\s+([,.)])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .trim();
}
