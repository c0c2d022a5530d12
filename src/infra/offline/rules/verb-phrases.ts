import type { Lang } from "../../../core/domain/language.js";
import { escapeRegExp } from "../../../core/text/regexp.js";
import type { ProtectedSpan } from "../protect.js";
import { frenchConjugation, frenchReadings, type Tense, type VerbNumber } from "./conjugation.js";
import { END, START } from "./regex.js";
import { SpanSet } from "./span-set.js";
import { VERB_PHRASES, type VerbPhrase } from "./verb-phrase-table.js";

// An adverb between the auxiliary and the participle ("a également fait") stays for MT to translate, outside.
const FR_ADVERB = String.raw`(?:\p{L}+ment|aussi|ensuite|déjà|encore|alors|aujourd['’]hui|hier|ainsi|enfin|bien|d['’]abord)`;

const MODAL = /(?:^|[^\p{L}])(?:to|will|would|can|could|may|might|must|shall|should|not|cannot)\s+$/iu;

const DETERMINER: Record<Lang, RegExp> = {
  en: /(?:^|[^\p{L}])(?:a|an|the|this|that|these|those|its|his|her|their|our|annual|first|second|next|last)\s+$/iu,
  fr: /(?:^|[^\p{L}])(?:la|le|les|l['’]|une|un|des|du|cette|ce|ces|sa|son|ses|leur|leurs|de|d['’])\s*$/iu,
};

interface Reading {
  /** A cheap test first: does the text hold any form of this phrase's verb at all? */
  group: RegExp;
  phrase: VerbPhrase;
  object: { fr: string; en: string };
  tense: Tense;
  number: VerbNumber;
  regex: RegExp;
}

let readings: Record<"fr" | "en", Reading[]> | undefined;

function compile(): Record<"fr" | "en", Reading[]> {
  const out: Record<"fr" | "en", Reading[]> = { fr: [], en: [] };
  for (const phrase of VERB_PHRASES) {
    for (const object of phrase.objects) {
      if (phrase.directions.includes("fr-en")) {
        const group = anyWord(frenchReadings(phrase.fr).map((r) => r.form.split(" ").at(-1)!));
        for (const r of frenchReadings(phrase.fr)) {
          // "a fait", "s'est entretenu": an adverb may stand after the auxiliary.
          const words = r.form.split(" ").map((w) => escapeRegExp(w).replace(/'/g, "['’]\\s*"));
          const verb =
            words.length > 1
              ? `${words.slice(0, -1).join("\\s+")}(?<adverb>\\s+${FR_ADVERB})?\\s+${words.at(-1)}`
              : words[0];
          const obj = object.fr ? `\\s+${escapeRegExp(object.fr).replace(/'/g, "['’]\\s*").replace(/ /g, "\\s+")}` : "";
          out.fr.push({
            group,
            phrase,
            object,
            tense: r.tense,
            number: r.number,
            regex: new RegExp(`${START}${verb}${obj}${END}`, "giu"),
          });
        }
      }
      if (phrase.directions.includes("en-fr")) {
        const group = anyWord(
          (Object.keys(phrase.en) as Tense[])
            .flatMap((t) => [phrase.en[t].sg, phrase.en[t].pl])
            .map((f) => f.split(" ").at(-1)!),
        );
        for (const tense of Object.keys(phrase.en) as Tense[]) {
          for (const number of ["sg", "pl"] as const) {
            const form = phrase.en[tense][number];
            if (number === "pl" && form === phrase.en[tense].sg) continue;
            const obj = object.en ? `\\s+${escapeRegExp(object.en).replace(/ /g, "\\s+")}` : "";
            const regex = new RegExp(`${START}${escapeRegExp(form).replace(/ /g, "\\s+")}${obj}${END}`, "giu");
            out.en.push({ group, phrase, object, tense, number, regex });
          }
        }
      }
    }
  }
  // Longest forms first: "a eu lieu" before "a", "part aux" before "part à".
  for (const lang of ["fr", "en"] as const) out[lang].sort((a, b) => b.regex.source.length - a.regex.source.length);
  return out;
}

/** The verb phrases of a source text, each protected and rendered in the other language in the same tense. */
export function verbPhraseSpans(text: string, from: Lang, to: Lang): ProtectedSpan[] {
  if (from === to) return [];
  readings ??= compile();
  const spans = new SpanSet();
  const free = (start: number, end: number) => !spans.overlaps(start, end);
  const present = new Map<RegExp | string, boolean>();
  const lower = text.toLowerCase();
  for (const r of readings[from]) {
    // The object's longest word ("exposé", "lieu") must be there, and some form of the verb.
    const head = r.object[from]
      .toLowerCase()
      .split(/[\s']+/)
      .reduce((a, b) => (b.length > a.length ? b : a), "");
    if (head && !lower.includes(head)) continue;
    let any = present.get(r.group);
    if (any === undefined) {
      any = r.group.test(text);
      present.set(r.group, any);
    }
    if (!any) continue;
    for (const m of text.matchAll(r.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      // "la rencontre", "a meeting with": a noun, not the verb.
      if ((!r.object[from] || r.tense === "ger") && DETERMINER[from].test(text.slice(0, start))) continue;
      if (from === "en" && r.phrase.enNext && !r.phrase.enNext.test(text.slice(end))) continue;
      // "Allies focus on" is a present, "to focus on" and "will focus" an infinitive: same spelling, other tense.
      if (from === "en" && r.tense === "inf" && !MODAL.test(text.slice(0, start))) continue;
      if (from === "en") {
        const number =
          r.tense === "past" || r.tense === "fut" || r.tense === "cond" || r.tense === "pluperf"
            ? subjectNumber(text.slice(0, start))
            : r.number;
        const tense: Tense = r.tense === "perf" ? "past" : r.tense;
        const verb = frenchConjugation(r.phrase.fr)[tense][number];
        spans.add({ start, end, replacement: join(verb, r.object.fr) });
        continue;
      }
      const tense: Tense = r.tense === "perf" ? "past" : r.tense;
      const verb = r.phrase.en[tense][r.number];
      const adverb = m.groups?.adverb;
      if (adverb) {
        // Two spans around the adverb: the auxiliary goes, the adverb stays for MT, then the English phrase.
        const at = start + m[0].indexOf(adverb);
        const after = at + adverb.length + (/^\s*/.exec(m[0].slice(at - start + adverb.length))?.[0].length ?? 0);
        spans.add({ start, end: at, replacement: "" });
        spans.add({ start: after, end, replacement: join(verb, r.object.en) });
      } else spans.add({ start, end, replacement: join(verb, r.object.en) });
    }
  }
  return spans.list();
}

function anyWord(words: string[]): RegExp {
  const alt = [...new Set(words.map((w) => w.toLowerCase()))].map(escapeRegExp).join("|");
  return new RegExp(`${START}(?:${alt})${END}`, "iu");
}

function join(verb: string, object: string): string {
  return object ? `${verb} ${object}` : verb;
}

/** English past tenses do not say the subject's number: "they" or a plural noun just before it does. */
function subjectNumber(before: string): VerbNumber {
  const last = /(\p{L}+)\s*$/u.exec(before)?.[1] ?? "";
  if (/^(?:they|we)$/i.test(last)) return "pl";
  return /[^s'’]s$/u.test(last) && !/(?:ss|us|is|ys)$/i.test(last) && !/^\p{Lu}{2,}s?$/u.test(last) ? "pl" : "sg";
}
