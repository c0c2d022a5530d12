import type { Lang } from "../../core/domain/language.js";
import { fold } from "../../core/text/fold.js";

/**
 * Folded lemma candidates of a surface form, most likely first: the form itself, then without an elided article
 * or a possessive, then with the regular plural and feminine endings undone. The lexicon keeps those that are
 * lemmas of its dictionary, so an over-eager rule costs nothing ("bus" → "bu" is simply not found).
 */
export function lemmaCandidates(form: string, lang: Lang): string[] {
  let word = fold(form.trim());
  const out = new Set<string>();
  const push = (w: string) => {
    if (w.length >= 2) out.add(w);
  };
  push(word);
  if (lang === "fr") {
    const elided = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'(.+)$/u.exec(word);
    if (elided?.[1]) {
      word = elided[1];
      push(word);
    }
    for (const w of frenchStems(word)) push(w);
  } else {
    const possessive = /^(.+?)(?:'s|s')$/u.exec(word);
    if (possessive?.[1]) {
      word = possessive[1];
      push(word);
    }
    for (const w of englishStems(word)) push(w);
  }
  return [...out];
}

function englishStems(w: string): string[] {
  const out: string[] = [];
  if (/ies$/u.test(w)) out.push(w.replace(/ies$/u, "y"));
  if (/(?:s|x|z|ch|sh)es$/u.test(w)) out.push(w.slice(0, -2));
  if (/[^s]s$/u.test(w)) out.push(w.slice(0, -1));
  if (/ied$/u.test(w)) out.push(w.replace(/ied$/u, "y"));
  if (/ed$/u.test(w)) out.push(w.slice(0, -2), w.slice(0, -1));
  if (/ing$/u.test(w)) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  return out;
}

function frenchStems(w: string): string[] {
  const out: string[] = [];
  const singular = /aux$/u.test(w) ? [w.replace(/aux$/u, "al"), w.replace(/x$/u, "")] : [];
  if (/[sx]$/u.test(w) && !/aux$/u.test(w)) singular.push(w.slice(0, -1));
  const bases = [w, ...singular];
  out.push(...singular);
  for (const b of bases) {
    // Feminine adjectives and nouns: européenne → européen, nationale → national, alliée → allié.
    if (/(?:enne|onne)$/u.test(b)) out.push(b.slice(0, -2));
    if (/e$/u.test(b)) out.push(b.slice(0, -1));
    if (/ive$/u.test(b)) out.push(b.replace(/ive$/u, "if"));
    if (/euse$/u.test(b)) out.push(b.replace(/euse$/u, "eur"));
    if (/rice$/u.test(b)) out.push(b.replace(/rice$/u, "eur"));
  }
  return out;
}
