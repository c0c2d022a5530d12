/**
 * Latin letters that carry their mark in the letter itself, so Unicode's decomposition leaves them as they are
 * (« Suwałki », "Ørland", "Đukanović", Turkish dotless ı): people type them without it. One letter for one, so a
 * folded text keeps the length of the text.
 */
const PLAIN: Record<string, string> = { ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ı: "i", ħ: "h", Ħ: "H" };
const MARKED = /[łŁøØđĐıħĦ]/gu;

const ASCII = /^[ -~]*$/u;

/** Lowercase, accents removed, typographic apostrophes and dashes unified: for matching, never for display. */
export function fold(text: string): string {
  // Most words of an English text (printable ASCII): nothing to decompose; the one character unified is the backquote.
  if (ASCII.test(text)) return text.replace(/`/g, "'").toLowerCase();
  return unaccent(text)
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐-―]/g, "-")
    .toLowerCase();
}

/** Accents removed, case kept: for matching a name as written (« Erdoğan » / "Erdogan", not "erdogan"). */
export function unaccent(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(MARKED, (c) => PLAIN[c] ?? c);
}
