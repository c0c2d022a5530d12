/**
 * Sentence splitting for English and French release text. Rule-based on purpose: releases are edited prose,
 * and the rules that matter (titles like "M." or "Mr.", decimals, quotes « … ») are few and testable.
 */
const ABBREVIATIONS = new Set(
  [
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "mr",
    "mrs",
    "ms",
    "st",
    "ste",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "sgt",
    "gov",
    "sen",
    "rep",
    "hon",
    "no",
    "nos",
    "vs",
    "etc",
    "cf",
    "p",
    "pp",
    "art",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janv",
    "févr",
    "avr",
    "juil",
    "déc",
    "approx",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
  ].map((s) => s.toLowerCase()),
);

/** Splits one paragraph into sentences, keeping punctuation and closing quotes with the sentence they end. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  // A boundary starts where a run of end punctuation starts (the lookbehind): tried from every dot of a long run of
  // dots, the run was re-read to its end each time, quadratic in the run's length.
  const boundary = /(?<![.!?…])([.!?…]+)(["”»’)\]]*(?:\s*»)?)\s+(?=["“«(]?\s*[\p{Lu}\p{N}«“"])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const candidate = text.slice(start, end);
    if (m[1] === "." && endsWithAbbreviation(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function endsWithAbbreviation(sentence: string): boolean {
  const last = /(?:^|[\s(«"“])([\p{L}.]+)\.$/u.exec(sentence)?.[1];
  if (!last) return false;
  // A single capital letter ("J. Stoltenberg") is an initial, not the end of a sentence.
  if (/^\p{Lu}$/u.test(last)) return true;
  return ABBREVIATIONS.has(last.toLowerCase());
}

export function splitParagraphs(paragraphs: string[]): { text: string; paragraph: number; index: number }[] {
  const out: { text: string; paragraph: number; index: number }[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const text of splitSentences(p)) out.push({ text, paragraph, index: out.length });
  });
  return out;
}
