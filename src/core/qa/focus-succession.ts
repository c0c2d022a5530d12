import { fold } from "../text/fold.js";
import { escapeRegExp, regExpsOnUse, unicodeBoundaries as unicode } from "../text/regexp.js";
import type { Passage } from "./qa-types.js";

/**
 * Replacing and succeeding go one way. "Who did Bauer replace?" asks whom Bauer came after; "who replaced Bauer?",
 * "who was elected to succeed Bauer?", « qui a succédé à Bauer ? » ask who came after him. A sentence that says
 * "X was elected to succeed him" (« X a été élu pour lui succéder ») has Bauer, or the pronoun that stands for him,
 * as what is succeeded: it answers the second question and not the first. So the sentence that answers either
 * speaks of succession (succeed, replace, take over, take office, successor, predecessor; « succéder, remplacer,
 * prendre ses fonctions, successeur, prédécesseur »), and does not give the person asked about the other role.
 */
export interface Succession {
  /** The person the question names (lower case, the last word of how it names him: "admiral bauer" → "bauer"). */
  name: string;
  /** What is asked: who came before `name` (`predecessor`) or who came after (`successor`). */
  asks: "predecessor" | "successor";
}

const VERB_EN =
  "replace|replaces|replaced|replacing|succeed|succeeds|succeeded|succeeding|take over from|took over from";
const VERB_FR = String.raw`remplac\p{L}*|succ[eéè]d\p{L}*`;
const NAME = String.raw`([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?)`;
const ASKS: { asks: Succession["asks"]; re: RegExp }[] = [
  // "who did Bauer replace?", "whom will she succeed?"
  {
    asks: "predecessor",
    re: new RegExp(String.raw`\bwho(?:m)?\s+(?:did|does|will|has|had|is|was)\s+${NAME}\s+(?:${VERB_EN})\b`, "u"),
  },
  // "who was Bauer's predecessor?", « qui était le prédécesseur de Bauer ? »
  { asks: "predecessor", re: new RegExp(String.raw`\b${NAME}'s\s+predecessor\b`, "u") },
  { asks: "predecessor", re: new RegExp(String.raw`\bpr[eé]d[eé]cesseur\s+(?:de|d')\s*${NAME}\s*\??$`, "u") },
  { asks: "predecessor", re: new RegExp(String.raw`\bpredecessor\s+(?:of|to)\s+${NAME}\s*\??$`, "u") },
  // « qui Bauer a-t-il remplacé ? », « à qui Bauer a-t-il succédé ? », « qui Bauer remplace-t-il ? »
  {
    asks: "predecessor",
    re: new RegExp(
      String.raw`\b(?:à |a )?qui\s+(?!(?:a|avait|va|est|sera|allait)\s)${NAME}\s+(?:(?:a|avait|va|allait)(?:-t-(?:il|elle))?\s+)?(?:${VERB_FR})`,
      "u",
    ),
  },
  // "who replaced Bauer?", "who was elected to succeed Admiral Bauer?", « qui a succédé à Bauer ? »
  {
    asks: "successor",
    re: new RegExp(
      String.raw`\b(?:who|qui)\s+(?:[\p{L}'-]+\s+){0,4}?(?:${VERB_EN}|${VERB_FR})\s+(?:à\s+|a\s+)?${NAME}\s*(?:\?|$|\s+(?:as|at|in|comme|à|a|au)\s)`,
      "u",
    ),
  },
  { asks: "successor", re: new RegExp(String.raw`\b${NAME}'s\s+successor\b`, "u") },
  { asks: "successor", re: new RegExp(String.raw`\bsuccess(?:or|eur)\s+(?:of|to|de|d')\s*${NAME}\s*\??$`, "u") },
];

const NOT_A_NAME = new Set("to the he she him her it they il elle lui le la les".split(" "));

/** Which way a question about replacing asks, and about whom; undefined for any other question. */
export function askedSuccession(question: string): Succession | undefined {
  const lower = question.toLowerCase().replace(/[’]/gu, "'").replace(/\s+/gu, " ").trim();
  for (const { asks, re } of ASKS) {
    const words = unicode(re).exec(lower)?.[1]?.split(/\s+/u);
    const name = words?.at(-1)?.replace(/^(?:l|d)'/u, "");
    // "who was elected to succeed…" is no question about someone called "to".
    if (name && name.length >= 2 && !NOT_A_NAME.has(name)) return { name, asks };
  }
  return undefined;
}

const RE = regExpsOnUse({
  // Words of succession, both languages.
  succession: () =>
    unicode(
      /\b(?:succeed\p{L}*|success(?:or|ion)|predecessor|replac\p{L}*|take over|takes over|took over|taken over|taking over|took office|take office|takes office|taking office|assumed office|handed over|succéd\p{L}*|succèd\p{L}*|successeur|successrice|prédécesseur|remplac\p{L}*|relève|(?:pris|prend|prendra|prendre|prenait)\s+(?:ses|les)\s+fonctions|entrée?s?\s+en\s+fonctions?|passation)\b/iu,
    ),
  // What is succeeded, written as a pronoun: "to succeed him", « lui succéder », « le remplacer ».
  pronounSucceeded: () =>
    unicode(
      /\b(?:(?:succeed\p{L}*|replac\p{L}*|take over from|took over from|taking over from)\s+(?:him|her)\b|(?:lui|le|la|l['’])\s*(?:succéder|succède|succédera|succédé|succèdera|remplacer|remplace|remplacera|remplacé)\b|(?:lui|l['’])\s*a\s+(?:succédé|remplacé)\b|(?:his|her)\s+successor|son\s+successeur|sa\s+successeure?)/iu,
    ),
});

/** Whether the sentence gives the person the other role than the one the question gives him. */
function wrongWay(text: string, succession: Succession): boolean {
  const name = escapeRegExp(succession.name);
  const plain = fold(text);
  const named = new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, "u").test(plain);
  // The name, after a word of succession (its object) or before "is replaced by" (the passive's subject).
  const succeeded =
    (!named && RE.pronounSucceeded.test(text)) ||
    new RegExp(
      `(?:succe\\p{L}*|replac\\p{L}*|remplac\\p{L}*|take over from|took over from|successor (?:to|of)|successeur (?:de|d'))(?:\\s+[\\p{L}.'-]+){0,4}?\\s+${name}(?![\\p{L}])|(?<![\\p{L}])${name}'s successor|(?<![\\p{L}])${name}(?![\\p{L}])[^.;]{0,40}?(?:(?:was|will be|is|has been) (?:replaced|succeeded) by|sera remplace|a ete remplace)`,
      "u",
    ).test(plain);
  // The name before a word of succession (its subject), or after "replaced by" / « remplacé par ».
  const succeeding = new RegExp(
    `(?<![\\p{L}])${name}(?![\\p{L}])(?:,[^,.;]{0,60},)?\\s+(?:\\p{L}+\\s+){0,2}?(?:succeeds|succeeded|replaces|replaced|will succeed|will replace|takes over|took over|succede|a succede|succedera|remplace|a remplace|remplacera)(?![\\p{L}])(?!\\s+(?:by|par)(?![\\p{L}]))|(?:replaced|succeeded|remplace\\p{L}*|succede\\p{L}*) (?:by|par)(?:\\s+[\\p{L}.'-]+){0,4}?\\s+${name}(?![\\p{L}])|(?<![\\p{L}])${name}'s predecessor`,
    "u",
  ).test(plain);
  return succession.asks === "predecessor" ? succeeded && !succeeding : succeeding && !succeeded;
}

/**
 * Whether the passage (or the sentence it translates) speaks of succession and gives the person the question asks
 * about the role it gives him.
 */
export function answersSuccession(passage: Passage, succession: Succession): boolean {
  const texts = [passage.text, ...(passage.original ? [passage.original.text] : [])];
  return texts.some((t) => RE.succession.test(t)) && !texts.some((t) => wrongWay(t, succession));
}
