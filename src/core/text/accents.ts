/**
 * A French word typed without its accents (« reunie », « cree », « representait ») is not in the dictionary as
 * typed. Its possible accented spellings, to look up: each vowel (and c) with the accents French puts on it.
 * Bounded: a long word with many vowels gives its first `max` spellings, the unaccented letters first.
 */
const ACCENTS: Record<string, readonly string[]> = {
  e: ["e", "é", "è", "ê"],
  a: ["a", "à", "â"],
  i: ["i", "î", "ï"],
  o: ["o", "ô"],
  u: ["u", "û", "ù"],
  c: ["c", "ç"],
};

export function accentVariants(word: string, max = 64): string[] {
  if (!/^[a-z'-]+$/u.test(word)) return [];
  let out = [""];
  for (const ch of word) {
    const options = ACCENTS[ch] ?? [ch];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
    if (out.length > max * 4) out = out.slice(0, max * 4);
  }
  return out.filter((v) => v !== word).slice(0, max);
}
