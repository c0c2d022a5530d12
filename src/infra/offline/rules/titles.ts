import type { GlossaryFacts } from "./glossary-facts.js";
import { alternation, END, memo, START } from "./regex.js";

// A person's name as releases write it: capitalised words, with particles (van, de, al) and an honorific.
const NAME = String.raw`(?:(?:M\.|Mme|MM\.|Mr|Ms|Mrs|Dr|Sir)\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:(?:van|von|de|der|den|al|el|da|di|du|le)\s+)?\p{Lu}[\p{L}\p{M}'’-]+){0,3}`;

/**
 * English writes a title and the name after it as one phrase ("NATO Secretary General Jens Stoltenberg said");
 * French puts a full title in apposition ("le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré"). A rank
 * stays before the name in both ("l'amiral Rob Bauer", "Admiral Rob Bauer").
 */
export function frenchTitleApposition(text: string, facts: GlossaryFacts): string {
  if (facts.frenchTitles.length === 0) return text;
  const re = memo(facts, "french-apposition", () => {
    const titles = alternation(facts.frenchTitles.filter((t) => !facts.ranks.has(t)));
    return new RegExp(
      `${START}((?:le|la|Le|La|l['’]|L['’])\\s*(?:${titles}))\\s+(${NAME})(?=(\\s+\\p{Ll}|\\s*,))`,
      "gu",
    );
  });
  return text.replace(re, (whole, title: string, name: string, next: string) => {
    // "le secrétaire général Stoltenberg": a surname alone after a short title reads as one phrase in French too.
    if (!/\s/.test(name.trim()) && !/\s(?:de|du|des)\s/u.test(title)) return whole;
    return `${title}, ${name}${next.trim() === "," ? "" : ","}`;
  });
}

/**
 * The reverse: "the NATO Secretary General, Jens Stoltenberg, has…" → "NATO Secretary General Jens Stoltenberg
 * has…", and "the Admiral Rob Bauer" → "Admiral Rob Bauer". A name with an honorific or a rank keeps its commas
 * ("the Minister of Defence, Mr Anatolie Nosatîi,").
 */
export function englishTitleApposition(text: string, facts: GlossaryFacts): string {
  if (facts.englishTitles.length === 0) return text;
  const ranks = alternation([...facts.ranks].filter((r) => /^\p{Lu}/u.test(r) && /^[\p{L} ]+$/u.test(r)));
  const apposition = memo(
    facts,
    "english-apposition",
    () => new RegExp(`${START}([Tt]he)\\s+(${alternation(facts.englishTitles)}),\\s+(${NAME}),\\s`, "gu"),
  );
  const rankFirst = memo(facts, "english-rank-first", () => new RegExp(`^(?:${ranks || "(?!)"})\\s`, "u"));
  let out = text.replace(apposition, (whole, the: string, title: string, name: string) => {
    if (/^(?:Mr|Ms|Mrs|Dr|Sir)\s/.test(name) || rankFirst.test(name)) {
      return whole;
    }
    const t = the === "The" ? title[0]!.toUpperCase() + title.slice(1) : title;
    return `${t} ${name} `;
  });
  if (ranks) {
    out = out.replace(
      memo(facts, "english-the-rank", () => new RegExp(`${START}([Tt]he)\\s+(${ranks})${END}(?=\\s+\\p{Lu})`, "gu")),
      (_w, the: string, rank: string) => (the === "The" ? rank[0]!.toUpperCase() + rank.slice(1) : rank),
    );
  }
  return out;
}
