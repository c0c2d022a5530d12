/**
 * The worst shape of user text per entry point, as the abuse probe found them: one "word" without spaces (what made
 * `/\S+@\S+/u` quadratic), and for `subscribe` one topic per word.
 */
export function worstText(entry: string, size: number): string {
  const word = "a".repeat(size);
  switch (entry) {
    case "ask":
      return `ask ${word}`;
    case "search":
      return `search ${word}`;
    case "subscribe":
      return `subscribe ${"t ".repeat(Math.floor(size / 2))}`.trim();
    case "dm":
    case "pasted":
      return word;
    default:
      throw new Error(`unknown entry point "${entry}"`);
  }
}

export const ENTRY_POINTS = ["ask", "search", "dm", "subscribe", "pasted"] as const;
export const SIZES = [40_000, 1_000_000, 3_000_000];
