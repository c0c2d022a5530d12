import type { BriefPart } from "../../core/domain/brief.js";
import type { Lang } from "../../core/domain/language.js";
import type { Translator } from "../../core/ports/translator.port.js";
import { findDates, renderDate } from "../../core/text/dates.js";
import { findNames } from "../../core/text/names.js";
import { findQuantities, renderQuantity } from "../../core/text/quantities.js";
import { defaultGlossary } from "./glossary.js";
import type { WordClass } from "./morph-analyser.js";
import { type ProtectedSpan, protectSpans } from "./protect.js";
import { datePhraseSpans } from "./rules/date-phrases.js";
import { createMtRules, type MtRules } from "./rules/index.js";
import { numberSpans } from "./rules/numbers.js";
import { verbPhraseSpans } from "./rules/verb-phrases.js";

export interface PartTranslatorOptions {
  lexicon?: Lexicon | undefined;
  /** Post-editing rules; default: those of the repository's glossary. */
  rules?: MtRules | undefined;
}

/**
 * What the source language's dictionary says of words (Apertium's analyser): a name is protected from MT only
 * where the dictionary would otherwise translate or mangle it.
 */
export type Lexicon = (words: readonly string[], lang: Lang) => Promise<Map<string, WordClass>>;

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

/**
 * Adjacent name tokens ("Jens Stoltenberg", "Mircea Geoană") protected as one span, kept as written; `known`
 * names are protected wherever they stand, sentence starts included.
 */
function nameRuns(text: string, lang: Lang, known: ReadonlySet<string>): ProtectedSpan[] {
  const found = findNames(text, lang);
  for (const name of known) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of text.matchAll(re)) {
      if (!found.some((f) => f.start === m.index))
        found.push({ text: name, start: m.index, end: m.index + name.length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const runs: ProtectedSpan[] = [];
  for (const n of found) {
    const last = runs.at(-1);
    if (last && /^\s+$/.test(text.slice(last.end, n.start))) {
      last.end = n.end;
      last.replacement = text.slice(last.start, n.end);
    } else runs.push({ start: n.start, end: n.end, replacement: n.text });
  }
  return runs;
}

/**
 * Narrows name runs to what MT would get wrong: runs with a word no dictionary has (Stoltenberg, KFOR), a person's
 * name (Rutte), or a name that is also a common word (Mark, Rob), from that word on. Titles before them (Admiral, Major General), runs of
 * institutional words (Joint Meeting, Armed Forces) and toponyms the dictionaries know (Washington, Armenia) are
 * left to MT, which translates them.
 */
async function dictionaryNames(
  text: string,
  runs: ProtectedSpan[],
  lang: Lang,
  lexicon: Lexicon,
): Promise<ProtectedSpan[]> {
  const split = runs.map((run) =>
    [...text.slice(run.start, run.end).matchAll(/\S+/gu)].map((m) => {
      // "Armenia’s": the possessive is grammar for MT, not part of the name.
      const word = lang === "en" ? m[0].replace(/['’]s$/u, "") : m[0];
      const start = run.start + m.index;
      return { word, start, end: start + word.length };
    }),
  );
  const all = split.flat().map((w) => w.word);
  const classes = await lexicon([...all, ...all.flatMap((w) => (w.includes("-") ? w.split("-") : []))], lang);
  // A compound the dictionary lacks is as known as its parts ("NATO-led", "Multi-Domain", "État-major").
  const cls = (w: string): WordClass => {
    const whole = classes.get(w);
    if ((whole && whole !== "unknown") || !w.includes("-")) return whole ?? "unknown";
    const parts = w.split("-").filter((p) => p && !PREFIXES.has(p.toLowerCase()));
    return parts.some((p) => (classes.get(p) ?? "unknown") === "unknown") ? "unknown" : "common";
  };
  return split.flatMap((words) => {
    let first = 0;
    // Titles come before a name (Admiral Rob Bauer); words after it are part of it (Stuart Peach).
    while (first < words.length && cls(words[first]!.word) === "common") first++;
    // Words after a name are part of it (Stuart Peach) unless they name an institution (Nobel Laureates,
    // Research Division), which MT translates.
    let last = words.length - 1;
    while (last > first && cls(words[last]!.word) === "common" && INSTITUTIONAL.test(words[last]!.word)) last--;
    const kept = words.slice(first, last + 1);
    // Places are left to MT, whose dictionaries translate them; people's names are kept as written.
    if (!kept.some((w) => cls(w.word) !== "common" && cls(w.word) !== "place")) return [];
    const start = kept[0]!.start;
    const end = kept.at(-1)!.end;
    return [{ start, end, replacement: text.slice(start, end) }];
  });
}

/**
 * English capitalises words French writes in lower case ("the Minister", "Defence Minister", "General X"), and
 * MT keeps the capital. A capitalised word inside a sentence that French's dictionary has only as a common word
 * is lowered, unless it came by rule (a glossary term, a name), where the capital is official.
 */
async function lowerCommonNouns(text: string, replacements: readonly string[], lexicon: Lexicon): Promise<string> {
  const official = new Set(replacements.flatMap((r) => r.match(/[\p{L}\p{M}'’-]+/gu) ?? []));
  const candidates = [
    ...text.matchAll(/(?<=[\p{L}\p{N},;)’'"»]\s+)\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*/gu),
  ].filter((m) => !official.has(m[0]));
  if (candidates.length === 0) return text;
  const classes = await lexicon(
    candidates.map((m) => m[0]),
    "fr",
  );
  let out = text;
  for (const m of candidates.reverse()) {
    if (classes.get(m[0]) !== "common") continue;
    out = out.slice(0, m.index) + m[0][0]!.toLowerCase() + out.slice(m.index + 1);
  }
  return out;
}

const INSTITUTIONAL =
  /^(?:\p{L}+s|University|Université|Division|College|Collège|Centre|Center|Command|Commandement|Council|Conseil|Committee|Comité|Agency|Agence|Mission|Office|Programme|Program|Initiative|Staff|Summit|Sommet|Conference|Conférence|Board|Group|Groupe|Institute|Institut|School|École|Academy|Académie)$/u;

// Prefixes written as a separate part of a compound (Tri-Presidency, Multi-Domain), which dictionaries lack.
const PREFIXES = new Set([
  "tri",
  "bi",
  "multi",
  "cyber",
  "inter",
  "anti",
  "co",
  "non",
  "post",
  "pre",
  "pré",
  "sub",
  "sous",
  "trans",
  "ex",
  "vice",
]);

/**
 * Name runs cut where a glossary term stands inside them: "Bosnia and Herzegovina Sefik Džaferović" is the term
 * and the name, not one longer name that would keep the country's English name.
 */
function outside(runs: ProtectedSpan[], terms: readonly ProtectedSpan[], text: string): ProtectedSpan[] {
  return runs.flatMap((run) => {
    let { start, end } = run;
    for (const t of terms) {
      if (t.end <= start || t.start >= end) continue;
      if (t.start <= start) start = Math.max(start, t.end);
      else end = Math.min(end, t.start);
    }
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    return start < end ? [{ start, end, replacement: text.slice(start, end) }] : [];
  });
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
