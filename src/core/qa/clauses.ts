/**
 * A sentence cut into the parts that each say something of their own subject, for `clause-binding.ts`: a figure,
 * a date or a person belongs to the part that holds it, not to every name of the sentence. "Germany, the
 * Netherlands, Estonia, Latvia and Lithuania take part; Germany placed the largest order, with 500 missiles": the
 * 500 missiles are Germany's, in the part after the semicolon. Cut:
 *
 * - at a semicolon, a colon or a dash set off by spaces (two statements);
 * - before "followed by", « suivi(e)(s) de / par » (the next of a ranking has its own figure: "…the United
 *   Kingdom, with eleven, followed by Germany with eight");
 * - before ", while", ", whereas", « , tandis que », « , alors que » (a contrast with another subject);
 * - at a comma followed by a new name ("…Portuguese F-16s based at Šiauliai, Czech Gripens at Ämari, and French
 *   Rafales…": each item of such a list pairs its own names), an "and" / « et » or a determiner allowed before it;
 *   not at a name between two commas, an apposition ("the President of the Commission, Ursula von der Leyen, …");
 * - before a relative clause set off by a comma (", which", ", who", ", where", « , qui », « , dont », « , où »):
 *   it says more about a name of the part before it, and its own names do not own that part's figure.
 *
 * A part that is only a short run of names ("Germany", "the Netherlands", "In Latvia") is an item of the list that
 * is the next part's subject, not a statement: it is joined to the next part. A relative part keeps a link to the
 * part it depends on (`governor`): what it says is that part's subject's.
 */
export interface Clause {
  text: string;
  /** The index of the part a relative clause depends on; undefined for a part of its own. */
  governor?: number | undefined;
}

/** A run of capitalised words, particles and initials allowed: "Ursula von der Leyen", « M. Manuel Valls ». */
const APPOSITION = String.raw`\p{Lu}[\p{L}.’'-]*(?:\s+(?:(?:von|van|der|de|du|la|le)\s+)*\p{Lu}[\p{L}.’'-]*)*`;
const HARD = /\s*(?:;|:\s|\s[—–-]\s)\s*/u;
const SOFT = new RegExp(
  [
    // Ranking and contrast: the next subject comes with its own figure.
    String.raw`,?\s+(?=(?:followed by|suivie?s? (?:de|d['’]|par)|suivis? (?:de|d['’]|par))\s)`,
    String.raw`,\s+(?=(?:while|whereas|tandis que|alors que)\s)`,
    // A new name after a comma, possibly after "and" / « et » / a determiner; not a name set off by two commas,
    // which is the part's own subject said otherwise ("the President of the Commission, Ursula von der Leyen,").
    String.raw`,\s+(?!${APPOSITION},)(?=(?:(?:and|et|as well as|ainsi que)\s+)?(?:(?:the|le|la|les|l['’])\s*)?\p{Lu})`,
  ].join("|"),
  "u",
);
const RELATIVE = /,\s+(?=(?:which|who|whose|where|qui|dont|où|lequel|laquelle|lesquels|lesquelles)\s)/u;
/** A part of at most this many words, each capitalised or a determiner or "and", is a list item. */
const LIST_ITEM_WORDS = 3;
const LINK_WORD = /^(?:the|and|of|in|le|la|les|l['’]|et|de|en|à|au|aux)$/iu;

/** The sentence's parts, in order (see above); one part when nothing cuts it. */
export function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  for (const statement of sentence.split(HARD)) {
    const from = out.length;
    let pending = "";
    for (const soft of statement.split(SOFT)) {
      const parts = soft.split(RELATIVE);
      // A short run of names before the cut is one of the list that the next part says something about.
      const [head = "", ...relatives] = parts;
      const text = pending ? `${pending}, ${head}` : head;
      if (relatives.length === 0 && isListItem(head)) {
        pending = text;
        continue;
      }
      pending = "";
      if (text.trim()) out.push({ text: text.trim() });
      const governor = out.length - 1;
      for (const r of relatives)
        if (r.trim()) out.push({ text: r.trim(), governor: governor >= 0 ? governor : undefined });
    }
    // A run of names that ends the statement ("…from Poland, Germany") goes with the part before it.
    const last = out.at(-1);
    if (pending.trim() && last && out.length > from) last.text = `${last.text}, ${pending.trim()}`;
    else if (pending.trim()) out.push({ text: pending.trim() });
  }
  return out.length > 0 ? out : [{ text: sentence }];
}

function isListItem(part: string): boolean {
  const words = part.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  return (
    words.length > 0 && words.length <= LIST_ITEM_WORDS && words.every((w) => /^\p{Lu}/u.test(w) || LINK_WORD.test(w))
  );
}
