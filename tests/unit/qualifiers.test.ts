import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import type { Release } from "../../src/core/domain/release.js";
import type { BilingualLexicon, LexiconEquivalent } from "../../src/core/ports/bilingual-lexicon.port.js";
import type { PosTagger, TaggedWord } from "../../src/core/ports/pos-tagger.port.js";
import { Coverage } from "../../src/core/qa/coverage.js";
import { questionFocus } from "../../src/core/qa/focus.js";
import { releasePassages } from "../../src/core/qa/passages.js";
import { asksShare, saysShare } from "../../src/core/qa/qualifiers.js";
import type { Retrieval } from "../../src/core/qa/retriever.js";
import type { PassageMatch } from "../../src/core/qa/search-index.port.js";
import { bindingOf } from "../../src/core/qa/sentence-binding.js";
import { fold } from "../../src/core/text/fold.js";
import { loadGlossary } from "../../src/infra/offline/glossary.js";
import { createTrustTools } from "../../src/infra/trust/trust-tools.js";
import { oneLanguageRelease as release } from "../helpers/releases.js";

/** Nationalities: English adjective, French adjective (the lexicon's pairs, as Apertium gives them). */
const NATIONALITIES: [string, string][] = [
  ["Swedish", "suédois"],
  ["Portuguese", "portugais"],
  ["Czech", "tchèque"],
  ["Spanish", "espagnol"],
];
const NOUNS = new Set(
  "corps airmen véhicules vehicles helicopters hélicoptères fighters chasseurs troops soldiers soldats ally allié plan company entreprise sorties missions jets detachment détachement rotation stage stages gripen f"
    .split(" ")
    .map((w) => fold(w)),
);

const lexicon: BilingualLexicon = {
  equivalents: (word, from): LexiconEquivalent[] => {
    const key = fold(word.toLowerCase());
    const pair = NATIONALITIES.find((p) => fold((from === "en" ? p[0] : p[1]).toLowerCase()) === key);
    // Apertium's English nationality is also a French noun (« un Suédois »): the tagger's reading is then a noun's.
    if (pair && from === "en")
      return [
        { lemma: pair[1], pos: "adj" },
        { lemma: pair[1], pos: "n" },
      ];
    if (pair) return [{ lemma: pair[0], pos: "adj" }];
    return NOUNS.has(key) ? [{ lemma: key, pos: "n" }] : [];
  },
  lemmas: () => [],
  available: () => true,
};

/** Lower-case English nationalities are words the tagger does not know; French ones are adjectives. */
const tagger: PosTagger = {
  available: async () => true,
  tag: async (text) =>
    (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((surface, i): TaggedWord => {
      const lemma = surface.toLowerCase();
      const nationality = NATIONALITIES.find((p) => p[0].toLowerCase() === lemma || p[1] === lemma);
      if (nationality) return { surface, lemma, pos: nationality[1] === lemma ? "adjective" : "unknown" };
      if (NOUNS.has(fold(lemma))) return { surface, lemma, pos: "noun" };
      if (i > 0 && /^\p{Lu}/u.test(surface)) return { surface, lemma: surface, pos: "proper" };
      return { surface, lemma, pos: "other" };
    }),
  close: async () => {},
};
const { terms } = createTrustTools(loadGlossary());

/** The body sentences of the release that answer the question by the binding rules. */
async function bound(question: string, lang: Lang, r: Release): Promise<string[]> {
  const passages: PassageMatch[] = releasePassages(r)
    .filter((p) => p.kind === "body")
    .map((passage) => ({ passage, score: 1, coverage: 1, matched: 2, matchedName: true }));
  const retrieval = {
    query: { texts: [], alternatives: {} },
    matches: [],
    releases: new Map([[r.id, r]]),
    passages,
    weights: new Map(),
  } as unknown as Retrieval;
  const coverage = new Coverage({ tagger, trust: { lexicon } });
  const focus = questionFocus(question, lang);
  const binds = await bindingOf(coverage, question, lang, retrieval, lexicon, focus, terms);
  return passages.filter(binds).map((m) => m.passage.text);
}

describe("a question that asks for a share", () => {
  it("reads each, every, per and « chaque », « chacun », « par an »", () => {
    expect(asksShare("how much does each ally pay", "en")).toBe(true);
    expect(asksShare("how much does the plan cost", "en")).toBe(false);
    expect(asksShare("combien reçoit chaque entreprise", "fr")).toBe(true);
    expect(asksShare("combien d'entreprises ont été choisies par DIANA", "fr")).toBe(false);
    expect(saysShare("Each company receives 300,000 euros", "en")).toBe(true);
    expect(saysShare("up to 600 officers a year", "en")).toBe(true);
    expect(saysShare("à 600 par an", "fr")).toBe(true);
    expect(saysShare("signé par la NSPA", "fr")).toBe(false);
  });

  it("is answered by a sentence that gives a share, not by the total of all (EN)", async () => {
    const plan = release(
      "p",
      "en",
      "Allies fund a space surveillance plan",
      "Twenty-three Allies have committed a combined 1.8 billion euros to the plan.",
      "Each Ally pays at least 20 million euros into the plan.",
    );
    expect(await bound("how much does each ally pay for the plan", "en", plan)).toEqual([
      "Each Ally pays at least 20 million euros into the plan.",
    ]);
    // Without the share, both give a figure of the plan.
    expect(await bound("how much do the allies pay for the plan", "en", plan)).toHaveLength(2);
  });

  it("is answered by a sentence that gives a share, not by the total of all (FR)", async () => {
    const diana = release(
      "d",
      "fr",
      "DIANA choisit 60 entreprises",
      "Les 60 entreprises retenues se partagent 18 millions d’euros.",
      "Chaque entreprise reçoit 300 000 euros.",
      "Les stages dureront six semaines chacun. Le programme durera trois ans.",
    );
    expect(await bound("combien reçoit chaque entreprise", "fr", diana)).toEqual([
      "Chaque entreprise reçoit 300 000 euros.",
      "Les stages dureront six semaines chacun.",
    ]);
    expect(await bound("combien de temps dure chaque stage", "fr", diana)).toEqual([
      "Chaque entreprise reçoit 300 000 euros.",
      "Les stages dureront six semaines chacun.",
    ]);
  });
});

describe("a question that names a nationality", () => {
  it("typed in lower case, still needs it said by the sentence or the release's subject (EN)", async () => {
    const exercise = release(
      "x",
      "en",
      "Exercise Iron Meridian begins in Poland",
      "Some 11,500 troops from 17 Allies began the exercise in Poland.",
      "Swedish infantry vehicles will cross the river with 300 soldiers.",
    );
    expect(await bound("how many swedish troops take part", "en", exercise)).toEqual([
      "Swedish infantry vehicles will cross the river with 300 soldiers.",
    ]);
  });

  it("is not answered by another nationality's figure, but by the release's own subject's (EN)", async () => {
    const gripens = release(
      "g",
      "en",
      "Swedish Gripens begin air policing from Romania",
      "Six Swedish Gripens arrived at the air base on 28 April.",
      "The six jets flew 19 sorties over Romania in May. Czech pilots flew 12 sorties from the same base.",
    );
    const detachment120 = release(
      "a",
      "en",
      "Swedish Gripens begin air policing from Romania",
      "The detachment of around 120 airmen will stay until August, flying alongside Romanian and Italian fighters.",
    );
    expect(await bound("how many swedish airmen are deployed", "en", detachment120)).toHaveLength(1);
    expect(await bound("how many sorties did the Swedish jets fly", "en", gripens)).toEqual([
      "Six Swedish Gripens arrived at the air base on 28 April.",
      "The six jets flew 19 sorties over Romania in May.",
    ]);
    const detachment = release(
      "t",
      "en",
      "Portuguese F-16s take over air policing",
      "Spanish Eurofighters fly from Ämari, led by Colonel Juan García.",
      "The Portuguese detachment is commanded by Lieutenant Colonel Rui Costa.",
    );
    expect(await bound("who commands the portuguese detachment", "en", detachment)).toEqual([
      "The Portuguese detachment is commanded by Lieutenant Colonel Rui Costa.",
    ]);
  });

  it("is not answered by another nationality's figure, but by the release's own subject's (FR)", async () => {
    const rotation = release(
      "r",
      "fr",
      "Les F-16 portugais prennent la relève en Lituanie",
      "Le plus long vol a duré deux heures, quand des pilotes tchèques ont suivi un avion russe.",
      "Le détachement restera déployé pendant quatre mois au-dessus de la Lituanie.",
    );
    expect(await bound("combien de temps dure la rotation des F-16 portugais", "fr", rotation)).toEqual([
      "Le détachement restera déployé pendant quatre mois au-dessus de la Lituanie.",
    ]);
    const gripens = release(
      "s",
      "fr",
      "Des Gripen suédois en Roumanie",
      "Les six avions ont effectué 19 missions au-dessus de la Roumanie. Des pilotes espagnols ont effectué 12 missions.",
    );
    const crossing = release(
      "c",
      "fr",
      "Des blindés suédois franchiront le Niémen",
      "Les 40 véhicules franchiront de nuit le fleuve aux côtés de sapeurs lituaniens.",
    );
    expect(await bound("combien de véhicules suédois franchiront le fleuve", "fr", crossing)).toHaveLength(1);
    expect(await bound("combien de missions les Gripen suédois ont-ils effectuées", "fr", gripens)).toEqual([
      "Les six avions ont effectué 19 missions au-dessus de la Roumanie.",
    ]);
  });
});

describe("a who-question that names a country, not a nationality", () => {
  it("is answered in a release about that country by a person of any nationality (EN, FR)", async () => {
    const mission = release(
      "m",
      "en",
      "NATO starts a new mission in Iraq",
      "The new mission started its work in Baghdad on 31 October.",
      "The mission is led by Major General Dany Fortin of the Canadian Armed Forces.",
    );
    expect(await bound("who leads the mission in Iraq", "en", mission)).toContain(
      "The mission is led by Major General Dany Fortin of the Canadian Armed Forces.",
    );
    const mission2 = release(
      "n",
      "fr",
      "L’OTAN lance une nouvelle mission en Iraq",
      "La nouvelle mission a commencé ses travaux à Bagdad le 31 octobre.",
      "La mission est dirigée par le général de division Dany Fortin, des Forces armées canadiennes.",
    );
    expect(await bound("qui dirige la mission en Iraq", "fr", mission2)).toContain(
      "La mission est dirigée par le général de division Dany Fortin, des Forces armées canadiennes.",
    );
  });

  it("is not, in a release about something else: the other nationality's person is someone else's", async () => {
    const command = release(
      "k",
      "en",
      "Norwegian general takes command in Brunssum",
      "General Erik Strand of the Norwegian Army took command in Brunssum on 7 July.",
    );
    expect(await bound("who commands the battlegroup in Estonia", "en", command)).toEqual([]);
  });
});

describe("a question that names a country among others", () => {
  it("is not answered by a figure of a list of countries it names one of, but by its own share (EN)", async () => {
    const order = release(
      "h",
      "en",
      "NSPA orders helicopters for five Allies",
      "The contract covers 40 helicopters for Belgium, the Czech Republic, Luxembourg, the Netherlands and Norway.",
      "Belgium will receive 12 helicopters, the Netherlands 14. Belgium and Norway will each receive 12 more helicopters.",
    );
    expect(await bound("how many helicopters does Belgium get", "en", order)).toEqual([
      "Belgium will receive 12 helicopters, the Netherlands 14.",
      "Belgium and Norway will each receive 12 more helicopters.",
    ]);
  });

  it("is not answered by a figure of a list of countries it names one of, but by its own share (FR)", async () => {
    const order = release(
      "k",
      "fr",
      "La NSPA commande des hélicoptères pour cinq Alliés",
      "Le contrat porte sur 40 hélicoptères pour la Belgique, la Tchéquie, le Luxembourg, les Pays-Bas et la Norvège.",
      "La Belgique recevra 12 hélicoptères.",
    );
    expect(await bound("combien d'hélicoptères la Belgique reçoit-elle", "fr", order)).toEqual([
      "La Belgique recevra 12 hélicoptères.",
    ]);
  });
});

describe("a question that names a year", () => {
  it("asking for a person, is not answered by a holder since another year", async () => {
    const command = release(
      "m",
      "en",
      "New commander for Multinational Corps Northeast",
      "General Anna Nowak took command of the corps in September 2025.",
      "She succeeds General Piotr Lis, who had led the corps since 2022.",
    );
    expect(await bound("who commands the corps since september 2025", "en", command)).toEqual([
      "General Anna Nowak took command of the corps in September 2025.",
    ]);
    const commandement = release(
      "n",
      "fr",
      "Nouveau commandant pour le corps multinational nord-est",
      "La générale Anna Nowak a pris le commandement du corps en septembre 2025.",
      "Elle succède au général Piotr Lis, qui dirigeait le corps depuis 2022.",
    );
    expect(await bound("qui commande le corps depuis septembre 2025", "fr", commandement)).toEqual([
      "La générale Anna Nowak a pris le commandement du corps en septembre 2025.",
    ]);
  });

  it("is not answered by a sentence that gives another year's figure (EN)", async () => {
    const scrambles = release(
      "y",
      "en",
      "Black Sea air policing: fighters scrambled 64 times",
      "The fighters were scrambled 64 times in the first half of 2026.",
      "In the first half of 2025 the fighters were scrambled 35 times. The fighters stay ready with 12 aircraft.",
      "Since 2014 the fighters have been scrambled about 300 times a year.",
    );
    expect(await bound("how many times were the fighters scrambled in 2025", "en", scrambles)).toEqual([
      "In the first half of 2025 the fighters were scrambled 35 times.",
      "The fighters stay ready with 12 aircraft.",
      "Since 2014 the fighters have been scrambled about 300 times a year.",
    ]);
  });

  it("is not answered by a sentence that gives another year's figure (FR)", async () => {
    const scrambles = release(
      "z",
      "fr",
      "Police du ciel : les chasseurs ont décollé 64 fois",
      "Les chasseurs ont décollé 64 fois au premier semestre 2026.",
      "Au premier semestre 2025, les chasseurs avaient décollé 35 fois.",
      "Depuis le début de 2027, ils ont décollé 12 fois. Depuis 2020, ils décollent environ 70 fois par an.",
    );
    expect(await bound("combien de fois les chasseurs ont-ils décollé en 2025", "fr", scrambles)).toEqual([
      "Au premier semestre 2025, les chasseurs avaient décollé 35 fois.",
      "Depuis 2020, ils décollent environ 70 fois par an.",
    ]);
  });
});
