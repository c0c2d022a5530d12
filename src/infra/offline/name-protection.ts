import type { Lang } from "../../core/domain/language.js";
import { findNames, NOT_NAMES } from "../../core/text/names.js";
import { escapeRegExp } from "../../core/text/regexp.js";
import type { WordClass } from "./morph-analyser.js";
import type { ProtectedSpan } from "./protect.js";

/**
 * What the source language's dictionary says of words (Apertium's analyser): a name is protected from MT only
 * where the dictionary would otherwise translate or mangle it.
 */
export type Lexicon = (words: readonly string[], lang: Lang) => Promise<Map<string, WordClass>>;

/**
 * Adjacent name tokens ("Jens Stoltenberg", "Mircea Geoană") protected as one span, kept as written; `known`
 * names are protected wherever they stand, sentence starts included.
 */
export function nameRuns(text: string, lang: Lang, known: ReadonlySet<string>): ProtectedSpan[] {
  const found = findNames(text, lang);
  for (const name of known) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "gu");
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
export async function dictionaryNames(
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
      return { word, start, end: start + word.length, opening: false };
    }),
  );
  // The sentence's opening word before a run ("Rose Gottemoeller a ouvert…") is a candidate first name too.
  split.forEach((words, i) => {
    const opening = openingWord(text, runs[i]!.start, lang);
    if (opening) words.unshift({ ...opening, opening: true });
  });
  const all = split.flat().map((w) => w.word);
  const classes = await lexicon([...all, ...all.flatMap((w) => (w.includes("-") ? w.split("-") : []))], lang);
  const other = lang === "en" ? "fr" : "en";
  // A first name that is a common word in the source ("Rose", fr) is a person's name to the other language.
  const elsewhere = await lexicon(all, other);
  const firstName = (w: string) => {
    const c = elsewhere.get(w);
    return c === "name" || c === "ambiguous";
  };
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
    while (first < words.length && (words[first]!.opening || cls(words[first]!.word) === "common")) first++;
    // …but a first name that is also a common word stays with its surname (Rose Gottemoeller): the words just
    // before the name that the other language's dictionary knows as a name; titles are not names there.
    while (first > 0 && first < words.length && firstName(words[first - 1]!.word)) first--;
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
export async function lowerCommonNouns(
  text: string,
  replacements: readonly string[],
  lexicon: Lexicon,
): Promise<string> {
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

/** The capitalised word opening the sentence right before `at`, when only spaces separate them. */
function openingWord(text: string, at: number, lang: Lang): { word: string; start: number; end: number } | undefined {
  const m = /(?:^|[.!?…]\s+|\n\s*)[«“"'(\-–—\s]*(\p{Lu}[\p{L}\p{M}'’-]*\p{L})\s+$/u.exec(
    text.slice(Math.max(0, at - 80), at),
  );
  if (!m || NOT_NAMES[lang].has(m[1]!)) return undefined;
  const start = Math.max(0, at - 80) + m.index + m[0].lastIndexOf(m[1]!);
  return { word: m[1]!, start, end: start + m[1]!.length };
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
export function outside(runs: ProtectedSpan[], terms: readonly ProtectedSpan[], text: string): ProtectedSpan[] {
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
