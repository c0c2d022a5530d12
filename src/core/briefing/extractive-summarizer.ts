import type { BriefPart } from "../domain/brief.js";
import type { Lang } from "../domain/language.js";
import type { ReleaseText } from "../domain/release.js";
import { findDates } from "../text/dates.js";
import { fold } from "../text/fold.js";
import { findNames } from "../text/names.js";
import { findQuantities } from "../text/quantities.js";
import { splitParagraphs } from "../text/sentences.js";

/**
 * Extractive brief in the text's own language: the headline is the title, the summary and key points are
 * sentences of the release chosen for the facts they carry. Nothing is rewritten, so nothing can be invented.
 *
 * Selection is greedy with diminishing returns on facts already covered (names, figures, dates), so the
 * brief spreads over the release's distinct facts instead of repeating its densest paragraph.
 */
export interface SummaryOptions {
  summarySentences?: number;
  summaryMaxChars?: number;
  maxKeyPoints?: number;
}

interface Candidate {
  text: string;
  index: number;
  facts: Set<string>;
  base: number;
}

const CUES: Record<Lang, RegExp> = {
  en: /\b(agreed?|will|must|commit(?:ted|ment|s)?|decided?|pledged?|announced?|launch(?:ed)?|signed?|approved?|authori[sz]ed|adopted|call(?:ed)? on|urged?|deliver(?:ed|ing)?|increas(?:e|ed|ing)|strengthen(?:ed|ing)?|support(?:ed|ing)?|contracts?)\b/giu,
  fr: /\b(convenu(?:es|s)?|s['’]engag\p{L}*|engagement\p{L}*|doi(?:t|vent)|devons|décid\p{L}*|annonc\p{L}*|lanc\p{L}*|sign\p{L}*|approuv\p{L}*|autoris\p{L}*|adopt\p{L}*|appel\p{L}*|exhort\p{L}*|livr\p{L}*|augment\p{L}*|renforc\p{L}*|soutien|contrats?)\b/giu,
};

export function summarize(text: ReleaseText, options: SummaryOptions = {}): BriefPart {
  const maxSummary = options.summarySentences ?? 3;
  const budget = options.summaryMaxChars ?? 700;
  // Up to six key points (the brief's maximum), but only while they bring facts not yet covered.
  const maxKeyPoints = options.maxKeyPoints ?? 6;
  const candidates = scoreSentences(text);
  if (candidates.length === 0) throw new Error("the release has no sentence to summarise");

  const covered = new Set<string>();
  const take = (pool: Candidate[]) => {
    let best: Candidate | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const c of pool) {
      const fresh = [...c.facts].filter((f) => !covered.has(f)).length;
      const score = c.base + 2.5 * fresh - 0.5 * (c.facts.size - fresh);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best) for (const f of best.facts) covered.add(f);
    return best;
  };

  // The lead sentence of a news release says who did what: it always opens the summary.
  const summary: Candidate[] = [candidates[0]!];
  for (const f of candidates[0]!.facts) covered.add(f);
  let rest = candidates.slice(1);
  while (summary.length < maxSummary && rest.length > 0) {
    const used = summary.reduce((n, c) => n + c.text.length, 0);
    const fitting = rest.filter((c) => used + c.text.length <= budget);
    if (fitting.length === 0) break;
    const next = take(fitting);
    if (!next) break;
    summary.push(next);
    rest = rest.filter((c) => c !== next);
  }
  if (summary.length < 2 && rest.length > 0) {
    const shortest = [...rest].sort((a, b) => a.text.length - b.text.length)[0]!;
    summary.push(shortest);
    rest = rest.filter((c) => c !== shortest);
  }

  const keyPoints: Candidate[] = [];
  while (keyPoints.length < maxKeyPoints && rest.length > 0) {
    const next = take(rest);
    if (!next || (keyPoints.length >= 3 && next.base < 1 && [...next.facts].every((f) => covered.has(f)))) break;
    keyPoints.push(next);
    rest = rest.filter((c) => c !== next);
  }
  const points = keyPoints.sort((a, b) => a.index - b.index).map((c) => c.text);
  // Very short releases: reuse the summary's clauses rather than invent anything.
  for (const clause of summary.flatMap((c) => clauses(c.text))) {
    if (points.length >= 3) break;
    if (!points.includes(clause)) points.push(clause);
  }

  return {
    headline: text.title.trim(),
    summary: summary
      .sort((a, b) => a.index - b.index)
      .map((c) => c.text)
      .join(" "),
    keyPoints: points,
  };
}

function scoreSentences(text: ReleaseText): Candidate[] {
  const titleWords = new Set(contentWords(text.title));
  const sentences = splitParagraphs(text.paragraphs).flatMap(({ text: s, index }) =>
    splitReported(s, text.lang).map((part, i) => ({ text: part, index: index + i / 10 })),
  );
  return sentences.map(({ text: s, index }) => {
    const facts = new Set<string>();
    for (const n of findNames(s, text.lang)) facts.add(`n:${fold(n.text)}`);
    for (const q of findQuantities(s, text.lang)) facts.add(`q:${q.value}`);
    for (const d of findDates(s)) facts.add(`d:${d.year}-${d.month}-${d.day ?? ""}`);
    const words = contentWords(s);
    const overlap = words.filter((w) => titleWords.has(w)).length;
    const cues = s.match(CUES[text.lang])?.length ?? 0;
    const length = words.length;
    let base = 0.6 * Math.min(overlap, 5) + 0.8 * Math.min(cues, 3) + 1.5 / (1 + index);
    if (length < 6) base -= 2;
    if (s.length > 420) base -= 1;
    // A quotation without its speaker reads badly out of context.
    if (/^[«“"]/u.test(s) && !/[»”"]\s*,?\s*\p{Ll}/u.test(s)) base -= 1;
    // The tail of a quotation that began in an earlier sentence.
    if (/[»”]\s*$/u.test(s) && !/[«“]/u.test(s)) base -= 1.5;
    return { text: s, index, facts, base };
  });
}

// "« … », a indiqué M. X, ajoutant que depuis juillet …": the reported clause is a fact of its own.
const REPORTED: Record<Lang, RegExp> = {
  en: /,\s+(?:adding|noting|stressing|explaining|saying|recalling|underlining)\s+that\s+/u,
  fr: /,\s+(?:ajoutant|précisant|soulignant|indiquant|rappelant|expliquant|notant)\s+qu(?:e\s+|['’])/u,
};

function splitReported(sentence: string, lang: Lang): string[] {
  if (sentence.length < 250) return [sentence];
  const m = REPORTED[lang].exec(sentence);
  if (!m || m.index < 40) return [sentence];
  const head = `${sentence.slice(0, m.index).trim()}.`;
  const tail = sentence.slice(m.index + m[0].length).trim();
  if (tail.length < 40) return [sentence];
  return [head, tail.replace(/^\p{Ll}/u, (c) => c.toUpperCase())];
}

function contentWords(text: string): string[] {
  return (fold(text).match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w));
}

const STOP = new Set(
  "that this with from have will been were their they also which would about there these those into more most other such than then them when where while dans pour avec cette sont nous leur leurs elle elles tout tous plus comme mais aussi entre depuis lors dont etre avoir fait sous ainsi notamment".split(
    " ",
  ),
);

function clauses(sentence: string): string[] {
  return sentence
    .split(/[;:]\s+|,\s+(?=\p{Ll})/u)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).length >= 4)
    .map((c) => (/[.!?]$/.test(c) ? c : `${c}.`).replace(/^\p{Ll}/u, (m) => m.toUpperCase()));
}
