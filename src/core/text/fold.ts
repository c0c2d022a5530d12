/** Lowercase, accents removed, typographic apostrophes and dashes unified: for matching, never for display. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐-―]/g, "-")
    .toLowerCase();
}

/** Accents removed, case kept: for matching a name as written (« Erdoğan » / "Erdogan", not "erdogan"). */
export function unaccent(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}
