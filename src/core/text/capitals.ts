/** The word with its first character in capitals, as a glossary or a sentence writes a name ("polish" → "Polish"). */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
