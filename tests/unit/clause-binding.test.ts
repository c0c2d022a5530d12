import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { BilingualLexicon, LexiconEquivalent } from "../../src/core/ports/bilingual-lexicon.port.js";
import { clauseBinds } from "../../src/core/qa/clause-binding.js";
import { questionFocus } from "../../src/core/qa/focus.js";
import { formsOf } from "../../src/core/qa/sentence-binding.js";
import type { SpecificWord } from "../../src/core/qa/specific-words.js";
import { fold } from "../../src/core/text/fold.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";
import { sentence } from "../helpers/releases.js";

/** Countries (proper nouns) and nationalities (adjectives, capitalised in English) in both languages. */
const COUNTRIES: [string, string][] = [
  ["Poland", "Pologne"],
  ["Denmark", "Danemark"],
  ["Germany", "Allemagne"],
  ["Latvia", "Lettonie"],
  ["Estonia", "Estonie"],
  ["Lithuania", "Lituanie"],
  ["Netherlands", "Pays-Bas"],
];
const NATIONALITIES: [string, string][] = [
  ["Polish", "polonais"],
  ["Danish", "danois"],
  ["Portuguese", "portugais"],
  ["Czech", "tchèque"],
  ["French", "français"],
  ["Belgian", "belge"],
  ["Spanish", "espagnol"],
];
const lexicon: BilingualLexicon = {
  equivalents: (word, from): LexiconEquivalent[] => {
    const key = fold(word.toLowerCase()).replace(/s$/u, "");
    const side = (pair: [string, string]) => fold((from === "en" ? pair[0] : pair[1]).toLowerCase()).replace(/s$/u, "");
    const country = COUNTRIES.find((p) => side(p) === key);
    if (country) return [{ lemma: from === "en" ? country[1] : country[0], pos: "np" }];
    const nationality = NATIONALITIES.find((p) => side(p) === key);
    if (nationality) return [{ lemma: from === "en" ? nationality[1] : nationality[0], pos: "adj" }];
    return [];
  },
  lemmas: () => [],
  available: () => true,
};

/** The repository's glossary: its countries and demonyms (a demonym with its country) are the classes the rule reads. */
const { terms } = createTrustTools(loadGlossary());

const name = (surface: string): SpecificWord => ({ surface, lemma: surface, kind: "name" });
const common = (surface: string): SpecificWord => ({ surface, lemma: surface, kind: "common" });

/** Whether the sentence (in `textLang`) answers the question (in `lang`) by the clause rule. */
function binds(question: string, lang: Lang, words: SpecificWord[], text: string, textLang: Lang = lang): boolean {
  const given = new Set(question.split(/[^\p{L}\p{N}]+/u).map((w) => fold(w.toLowerCase())));
  const lookups = { lexicon, terms, given, forms: (w: SpecificWord) => formsOf(w, lang, { lexicon }) };
  return clauseBinds(words, questionFocus(question, lang), sentence(text, textLang), lang, lookups);
}

describe("clauseBinds", () => {
  const order =
    "Germany, the Netherlands, Estonia, Latvia and Lithuania take part; Germany placed the largest order, with 500 missiles.";
  const commande =
    "L’Allemagne, les Pays-Bas, l’Estonie, la Lettonie et la Lituanie participent ; l’Allemagne a passé la plus grosse commande, avec 500 missiles.";

  it("declines a figure in the part of the sentence about another country (English and French)", () => {
    expect(binds("how many missiles did latvia order", "en", [common("missiles"), name("latvia")], order)).toBe(false);
    expect(
      binds("combien de missiles la lettonie a commandé", "fr", [common("missiles"), name("lettonie")], commande),
    ).toBe(false);
    // Asked across languages: the French question, the English sentence.
    expect(
      binds("combien de missiles la lettonie a commandé", "fr", [common("missiles"), name("lettonie")], order, "en"),
    ).toBe(false);
  });

  it("answers with the same shape when the country asked about is in the figure's part", () => {
    expect(binds("how many missiles did germany order", "en", [common("missiles"), name("germany")], order)).toBe(true);
    expect(
      binds("combien de missiles l'allemagne a commandé", "fr", [common("missiles"), name("allemagne")], commande),
    ).toBe(true);
  });

  it("declines a person in the part about another nationality's aircraft, keeps the part about the one asked", () => {
    const flown =
      "The jets were flown by Portuguese pilots at Šiauliai, Czech Gripens at Ämari in Estonia, and French crews at Malbork.";
    const words = [name("portuguese"), common("detachment")];
    expect(binds("who commands the portuguese detachment", "en", words, flown)).toBe(false);
    const led =
      "The jets were flown by French crews at Malbork, Portuguese pilots led by Colonel Rui Almeida at Šiauliai.";
    expect(binds("who commands the portuguese detachment", "en", words, led)).toBe(true);
    const vols =
      "Les F-16 portugais sont basés à Šiauliai ; les Gripen tchèques du colonel Jan Novák sont à Ämari, en Estonie.";
    const fr = [common("détachement"), name("portugais")];
    expect(binds("qui commande le détachement portugais", "fr", fr, vols)).toBe(false);
    const ordres =
      "Les équipages français sont à Malbork ; les pilotes portugais, aux ordres du colonel Rui Almeida, sont à Šiauliai.";
    expect(binds("qui commande le détachement portugais", "fr", fr, ordres)).toBe(true);
  });

  it("takes a nationality for its country's name: the Polish minister signed for Poland", () => {
    const signed =
      "At the ceremony, Polish Defence Minister Antoni Macierewicz and his Danish counterpart signed the text.";
    expect(binds("who signed for poland", "en", [name("poland")], signed)).toBe(true);
    expect(binds("who signed for denmark", "en", [name("denmark")], signed)).toBe(true);
    expect(binds("who signed for latvia", "en", [name("latvia")], signed)).toBe(false);
    // A sentence of one part is left to the sentence's context: the French one is cut at its semicolon.
    const signe =
      "La cérémonie a eu lieu au siège ; le ministre polonais de la Défense, Antoni Macierewicz, et son homologue danois ont signé.";
    expect(binds("qui a signé pour la pologne", "fr", [name("pologne")], signe)).toBe(true);
    expect(binds("qui a signé pour la lettonie", "fr", [name("lettonie")], signe)).toBe(false);
  });

  it("leaves to the sentence's context a figure whose part names no other country", () => {
    const subject = "Latvia will receive 12 systems; the first arrive in 2027, the others in 2028.";
    expect(binds("when does latvia get its first system", "en", [name("latvia")], subject)).toBe(true);
    const sujet = "La Lettonie recevra 12 systèmes ; les premiers arrivent en 2027, les autres en 2028.";
    expect(binds("quand la lettonie reçoit-elle son premier système", "fr", [name("lettonie")], sujet)).toBe(true);
  });

  it("does not judge a sentence without a country or nationality asked, a question that asks for nothing, or without a glossary", () => {
    expect(binds("how many missiles were ordered", "en", [common("missiles")], order)).toBe(true);
    expect(binds("did latvia order missiles", "en", [name("latvia")], order)).toBe(true);
    // A place is no country: Ämari is not another Latvia.
    expect(binds("how many missiles are at amari", "en", [common("missiles"), name("amari")], order)).toBe(true);
    const lookups = { lexicon, given: new Set<string>(), forms: (w: SpecificWord) => [w.lemma] };
    const focus = questionFocus("how many missiles did latvia order", "en");
    expect(clauseBinds([name("latvia")], focus, sentence(order, "en"), "en", lookups)).toBe(true);
  });

  it("declines a count whose figure and what it counts are together only across a cut", () => {
    // The query spells « turcs » as the country: near the figure only past "followed by".
    const alternatives = { turcs: ["Türkiye"], turkish: ["Türkiye"] };
    const across = (question: string, lang: Lang, words: SpecificWord[], text: string) => {
      const given = new Set(question.split(/[^\p{L}\p{N}]+/u).map((w) => fold(w.toLowerCase())));
      const forms = (w: SpecificWord) => formsOf(w, lang, { lexicon, alternatives });
      const lookups = { lexicon, terms, alternatives, given, forms };
      return clauseBinds(words, questionFocus(question, lang), sentence(text, "en"), lang, lookups);
    };
    const ranked = "Spain is the largest contributor, with around 150 advisers, followed by Türkiye and Italy.";
    expect(across("combien de conseillers turcs", "fr", [common("conseillers"), name("turcs")], ranked)).toBe(false);
    expect(across("how many Turkish staff", "en", [common("staff"), name("turkish")], ranked)).toBe(false);
    // Together in one part, the same shape answers.
    const own = "Spain is the largest contributor, followed by Türkiye with around 150 advisers.";
    expect(across("combien de conseillers turcs", "fr", [common("conseillers"), name("turcs")], own)).toBe(true);
    expect(across("how many Turkish staff", "en", [common("staff"), name("turkish")], own)).toBe(true);
  });

  it("declines a figure when the country asked is named only in a relative clause about something else", () => {
    const led =
      "Around 3,200 troops take part, under the command of General Hervé Lemaire, who leads the battlegroup in Romania.";
    expect(
      binds("how many troops are in the battlegroup in romania", "en", [common("troops"), name("romania")], led),
    ).toBe(false);
    const dirige =
      "Environ 3 200 militaires y participent, sous le commandement du général Hervé Lemaire, qui dirige le groupement en Roumanie.";
    expect(
      binds(
        "combien de militaires compte le groupement en roumanie",
        "fr",
        [common("militaires"), name("roumanie")],
        dirige,
      ),
    ).toBe(false);
    const own = "Romania hosts around 5,000 troops, who train at Cincu.";
    expect(
      binds("how many troops are in the battlegroup in romania", "en", [common("troops"), name("romania")], own),
    ).toBe(true);
  });

  it("takes the names of a relative clause about what answers: the place or the person it follows", () => {
    const based =
      "Eight Spanish Eurofighters landed on Tuesday at Graf Ignatievo air base, near Plovdiv, where they will police the skies alongside the Bulgarian air force.";
    const words = [name("spanish"), common("jets"), name("bulgaria")];
    expect(binds("where are the spanish jets based in bulgaria", "en", words, based)).toBe(true);
    const poses =
      "Huit Eurofighter espagnols se sont posés mardi sur la base aérienne de Graf Ignatievo, près de Plovdiv, où ils assureront la police du ciel aux côtés de l’aviation bulgare.";
    const mots = [name("espagnols"), common("avions"), name("bulgarie")];
    expect(binds("où sont basés les avions espagnols en bulgarie", "fr", mots, poses)).toBe(true);
    // The person a "who" clause follows is the one asked about.
    const led = "The exercise is under the command of General Hervé Lemaire, who leads the battlegroup in Romania.";
    expect(binds("who leads the battlegroup in romania", "en", [name("romania")], led)).toBe(true);
    const dirige =
      "L’exercice est placé sous le commandement du général Hervé Lemaire, qui dirige le groupement en Roumanie.";
    expect(binds("qui dirige le groupement en roumanie", "fr", [name("roumanie")], dirige)).toBe(true);
  });

  it("lends no names when the part that answers names another country", () => {
    const sent = "Germany sent 500 troops, who will serve alongside Polish units.";
    expect(binds("how many polish troops", "en", [name("polish"), common("troops")], sent)).toBe(false);
    const envoye = "L’Allemagne a envoyé 500 militaires, qui serviront aux côtés d’unités polonaises.";
    expect(binds("combien de militaires polonais", "fr", [name("polonais"), common("militaires")], envoye)).toBe(false);
  });
});
