import type { FrenchArticle, GlossaryFacts } from "./glossary-facts.js";
import { alternation, END, memo, START } from "./regex.js";
import { sentenceTermArticles } from "./term-articles.js";

const ARTICLE = String.raw`(?:[Ll]e\s+|[Ll]a\s+|[Ll]es\s+|[Ll]['’]\s*)`;
// Prepositions and conjunctions after which an acronym of running text still needs its article.
const BEFORE_BARE = "de|à|par|pour|avec|sur|dans|entre|et|que|selon|envers|contre|vers|chez|auprès de|ou";
// Words after which a title stands without an article ("en tant que président", "comme secrétaire général").
const NO_ARTICLE_AFTER =
  /(?:que|comme|qualité de|fonctions de|poste de|titre de|rôle de|nommé|nommée|élu|élue|devenu|devenue|ancien|ancienne|futur|future|nouveau|nouvelle)\s*$/iu;
const DETERMINER =
  /(?:(?:^|[^\p{L}])(?:le|la|les|l['’]|un|une|des|du|au|aux|son|sa|ses|leur|leurs|notre|nos|votre|vos|ce|cet|cette|ces|chaque|tout|toute)|\d+(?:e|er|re|ème)|premier|première)\s*$/iu;

/**
 * Articles French wants before the glossary's acronyms, bodies and titles, which the glossary gives bare:
 * the right one ("la NSPA", not "le NSPA"), one where MT left none ("L'OTAN a…", "de l'UE", "le secrétaire
 * général Stoltenberg"), and the contractions ("de le" → "du", "à la" before a feminine acronym).
 */
export function frenchArticles(text: string, facts: GlossaryFacts): string {
  let out = fixArticles(text, facts);
  out = bareAcronyms(out, facts);
  out = nounArticles(out, facts);
  out = sentenceTermArticles(out, facts);
  out = pluralAgreement(out, facts);
  return contractions(out);
}

// What MT conjugates in the singular after a placeholder, and its plural.
const PLURAL_VERB: Record<string, string> = {
  a: "ont",
  est: "sont",
  sera: "seront",
  était: "étaient",
  avait: "avaient",
  va: "vont",
  peut: "peuvent",
  doit: "doivent",
  fait: "font",
  aura: "auront",
  serait: "seraient",
  aurait: "auraient",
};

/**
 * A protected term is one unknown word to MT, which conjugates it in the singular: "les Alliés a convenu" →
 * "les Alliés ont convenu"; "le cyberattaques" → "les cyberattaques".
 */
function pluralAgreement(text: string, facts: GlossaryFacts): string {
  if (facts.plurals.size === 0) return text;
  const alt = () => alternation(facts.plurals);
  const verbs = Object.keys(PLURAL_VERB).join("|");
  return text
    .replace(
      memo(facts, "plural-article", () => new RegExp(`${START}([Ll])(?:e|a)\\s+(${alt()})${END}`, "gu")),
      "$1es $2",
    )
    .replace(
      memo(facts, "plural-verb", () => new RegExp(`${START}(${alt()})(\\s+(?:ne\\s+|n['’])?)(${verbs})${END}`, "gu")),
      (_w, term: string, gap: string, verb: string) => {
        return `${term}${gap}${PLURAL_VERB[verb] ?? verb}`;
      },
    );
}

function fixArticles(text: string, facts: GlossaryFacts): string {
  if (facts.articles.size === 0) return text;
  const re = memo(facts, "articles", () => {
    // Names, and lower-case terms of two words or more ("présidence tripartite"), which no other word spells.
    const forms = [...facts.articles.keys()].filter((f) => /^\p{Lu}/u.test(f) || /\s/.test(f));
    return new RegExp(`${START}(de |à )?(${ARTICLE}|du\\s+|au\\s+|des\\s+|aux\\s+)(${alternation(forms)})${END}`, "gu");
  });
  return text.replace(re, (whole, prep: string | undefined, article: string, term: string) => {
    const wanted = facts.articles.get(term.replace(/’/g, "'"));
    if (!wanted) return whole;
    const fused = /^(du|au|des|aux)\s+$/i.test(article);
    const p = prep?.trim() ?? (fused ? (/^(du|des)/i.test(article) ? "de" : "à") : undefined);
    const capital = /^\p{Lu}/u.test(prep ?? article);
    const rebuilt = withArticle(p, wanted, term);
    return capital ? rebuilt[0]!.toUpperCase() + rebuilt.slice(1) : rebuilt;
  });
}

/** Acronyms with an article in the glossary, where MT left none: at a sentence start or after a preposition. */
function bareAcronyms(text: string, facts: GlossaryFacts): string {
  const acronyms = [...facts.acronyms].filter((a) => facts.articles.has(a));
  if (acronyms.length === 0) return text;
  const alt = alternation(acronyms);
  const article = (term: string) => facts.articles.get(term) ?? "l'";
  return (
    text
      .replace(
        memo(facts, "bare-prep", () => new RegExp(`${START}(${BEFORE_BARE})\\s+(${alt})${END}(?!-)`, "gu")),
        (_w, prep: string, term: string) => withArticle(prep, article(term), term),
      )
      .replace(
        // "(NSPA)" after the full name is its abbreviation, not a subject: no article there.
        memo(facts, "bare-start", () => new RegExp(`(^|[.!?]\\s+|\\(\\s*)(${alt})${END}(?!-|\\s*\\))`, "gu")),
        (_w, lead: string, term: string) => {
          const a = withArticle(undefined, article(term), term);
          return lead + a[0]!.toUpperCase() + a.slice(1);
        },
      )
      // A subject after a comma: ", OTAN a…"
      .replace(
        memo(facts, "bare-comma", () => new RegExp(`(,\\s+)(${alt})(?=\\s+\\p{Ll})`, "gu")),
        (_w, lead: string, term: string) => {
          return lead + withArticle(undefined, article(term), term);
        },
      )
  );
}

/**
 * "secrétaire général Stoltenberg a dit" → "le secrétaire général…", "Alliés ont convenu" → "Les Alliés…": a
 * title or a body in running text takes an article, which the glossary's bare term and MT leave out.
 */
function nounArticles(text: string, facts: GlossaryFacts): string {
  // Titles in any case (a sentence may open with one); bodies with their capital ("alliés" is an adjective).
  const titled = facts.frenchTitles.length
    ? withArticles(
        text,
        memo(
          facts,
          "titles",
          () => new RegExp(`${START}(${alternation(facts.frenchTitles.map(lowerFirst))})${END}`, "giu"),
        ),
        facts,
        true,
      )
    : text;
  return facts.frenchBodies.length
    ? withArticles(
        titled,
        memo(facts, "bodies", () => new RegExp(`${START}(${alternation(facts.frenchBodies)})${END}`, "gu")),
        facts,
        false,
      )
    : titled;
}

function withArticles(text: string, re: RegExp, facts: GlossaryFacts, titles: boolean): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index < at) continue;
    const before = text.slice(0, m.index);
    const found = m[1]!;
    const term = titles ? lowerFirst(found) : found;
    const rank = facts.ranks.has(term);
    if (DETERMINER.test(before) || (titles && NO_ARTICLE_AFTER.test(before))) continue;
    // Alone in parentheses, a title or a body glosses the words before it ("président du Comité militaire (DGIMS)").
    if (/\(\s*$/u.test(before) && /^\s*\)/u.test(text.slice(m.index + found.length))) continue;
    // After a name and a comma a title is an apposition, which French writes bare ("M. X, secrétaire général…");
    // a rank keeps its article ("…, l'amiral Rob Bauer").
    if (titles && !rank && /,\s*$/.test(before)) continue;
    const sentenceStart = /(?:^|[.!?]\s+|[«“"]\s*)$/u.test(before);
    const prep = /(?:^|[^\p{L}])(de|à|De|À)\s+$/u.exec(before);
    const article: FrenchArticle =
      facts.articles.get(term) ??
      (facts.plurals.has(term) || /^\p{L}+[sx](?:\s|$)/u.test(term)
        ? "les"
        : /^[aeiouéèêh]/iu.test(term)
          ? "l'"
          : "le");
    const start = prep ? before.length - prep[0].trimStart().length : m.index;
    let replacement = withArticle(prep?.[1], article, term);
    if (prep ? /^\p{Lu}/u.test(prep[1]!) : sentenceStart)
      replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
    out += text.slice(at, start) + replacement;
    at = m.index + found.length;
  }
  return out + text.slice(at);
}

function contractions(text: string): string {
  return (
    text
      .replace(/\b([Dd])e le\b/gu, "$1u")
      .replace(/\b([Àà]) le\b/gu, (_w, a: string) => (a === "À" ? "Au" : "au"))
      .replace(/\b([Dd])e les\b/gu, "$1es")
      .replace(/\b([Àà]) les\b/gu, (_w, a: string) => (a === "À" ? "Aux" : "aux"))
      // "in the" next to a restored term: "en le centre" is MT debris ("en le faisant" is rare in releases).
      .replace(/\b([Ee])n (le|les)\b/gu, (_w, e: string, art: string) => `${e === "E" ? "Dans" : "dans"} ${art}`)
  );
}

/** "de" + "le" + "Conseil" → "du Conseil"; "à" + "la" + "NSPA" → "à la NSPA"; no preposition → "l'OTAN". */
export function withArticle(prep: string | undefined, article: FrenchArticle, term: string): string {
  const p = prep?.toLowerCase();
  if (p === "de" && article === "le") return `du ${term}`;
  if (p === "de" && article === "les") return `des ${term}`;
  if (p === "à" && article === "le") return `au ${term}`;
  if (p === "à" && article === "les") return `aux ${term}`;
  const a = article === "l'" ? `l'${term}` : `${article} ${term}`;
  return prep ? `${prep} ${a}` : a;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
