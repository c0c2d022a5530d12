import { describe, expect, it } from "vitest";
import type { GlossaryTerm } from "../../src/infra/offline/glossary.js";
import { datePhraseSpans } from "../../src/infra/offline/rules/date-phrases.js";
import { simplePast } from "../../src/infra/offline/rules/english-tense.js";
import { frenchArticles } from "../../src/infra/offline/rules/french-articles.js";
import { glossaryFacts } from "../../src/infra/offline/rules/glossary-facts.js";
import { englishPlacePrepositions, frenchPlacePrepositions } from "../../src/infra/offline/rules/places.js";
import { englishTitleApposition, frenchTitleApposition } from "../../src/infra/offline/rules/titles.js";
import { typographicApostrophes } from "../../src/infra/offline/rules/typography.js";
import { verbPhraseSpans } from "../../src/infra/offline/rules/verb-phrases.js";

// A glossary of its own, so each rule is seen working from the glossary's data, not from a memorised list.
const term = (kind: GlossaryTerm["kind"], en: string, fr: string, frVariants: string[] = []): GlossaryTerm => ({
  kind,
  en,
  fr,
  enVariants: [],
  frVariants,
});
const facts = glossaryFacts([
  term("acronym", "NATO", "OTAN", ["l'OTAN"]),
  term("acronym", "NSPA", "NSPA", ["la NSPA"]),
  term("acronym", "SHAPE", "SHAPE", ["le SHAPE"]),
  term("body", "Allies", "Alliés", ["les Alliés"]),
  term("body", "Military Committee", "Comité militaire", ["le Comité militaire"]),
  term("title", "Secretary General", "secrétaire général", ["le secrétaire général"]),
  term("title", "NATO Secretary General", "secrétaire général de l'OTAN", ["le secrétaire général de l'OTAN"]),
  term("title", "Chair of the Military Committee", "président du Comité militaire"),
  term("title", "Admiral", "amiral", ["l'amiral"]),
  term("title", "defence ministers", "ministres de la Défense"),
  term("term", "cyber-attacks", "cyberattaques"),
  term("term", "warship", "navire de guerre", ["navires de guerre", "le navire de guerre"]),
  term("term", "aircraft carrier", "porte-avions", ["le porte-avions"]),
  term("term", "nuclear deterrence", "dissuasion nucléaire", ["la dissuasion nucléaire"]),
  term("term", "airspace", "espace aérien", ["l'espace aérien"]),
  term("term", "defence spending", "dépenses de défense", ["dépense de défense", "les dépenses de défense"]),
  term("country", "Portugal", "Portugal", ["le Portugal"]),
  term("country", "Finland", "Finlande", ["la Finlande"]),
  term("country", "Netherlands", "Pays-Bas", ["les Pays-Bas"]),
  term("country", "Ukraine", "Ukraine", ["l'Ukraine"]),
  term("place", "Madrid", "Madrid"),
  term("place", "Oslo", "Oslo"),
  term("body", "NATO Headquarters", "siège de l'OTAN", ["le siège de l'OTAN"]),
  term("body", "Centre of Excellence", "centre d'excellence", ["centres d'excellence", "le centre d'excellence"]),
]);

describe("articles before acronyms, bodies and titles (French)", () => {
  it("puts the glossary's article before an acronym, contracted after a preposition", () => {
    expect(frenchArticles("Le NSPA a signé avec le OTAN au NSPA.", facts)).toBe(
      "La NSPA a signé avec l'OTAN à la NSPA.",
    );
    expect(frenchArticles("SHAPE a annoncé le plan de OTAN.", facts)).toBe("Le SHAPE a annoncé le plan de l'OTAN.");
  });

  it("takes a name ending in s for one body when the glossary gives it a singular article: « le Corps… »", () => {
    const corps = glossaryFacts([
      term("body", "Allied Rapid Reaction Corps", "Corps de réaction rapide allié", [
        "le Corps de réaction rapide allié",
      ]),
      term("body", "Allies", "Alliés", ["les Alliés"]),
    ]);
    expect(corps.plurals.has("Corps de réaction rapide allié")).toBe(false);
    expect(corps.plurals.has("Alliés")).toBe(true);
    expect(frenchArticles("Corps de réaction rapide allié a déployé, Alliés ont suivi.", corps)).toBe(
      "Le Corps de réaction rapide allié a déployé, les Alliés ont suivi.",
    );
  });

  it("leaves an acronym alone in parentheses after the full name: it abbreviates it, it is no subject", () => {
    expect(frenchArticles("L'Agence OTAN de soutien et d'acquisition (NSPA) a signé.", facts)).toBe(
      "L'Agence OTAN de soutien et d'acquisition (NSPA) a signé.",
    );
    expect(frenchArticles("M. Rutte (secrétaire général) et Mme Ana Ribeiro (Alliés) ont parlé.", facts)).toBe(
      "M. Rutte (secrétaire général) et Mme Ana Ribeiro (Alliés) ont parlé.",
    );
    expect(frenchArticles("Le plan (SHAPE ) est prêt ; (NSPA a signé).", facts)).toBe(
      "Le plan (SHAPE ) est prêt ; (La NSPA a signé).",
    );
  });

  it("gives a title or a body its article in running text, not in an apposition or after 'en tant que'", () => {
    expect(frenchArticles("Secrétaire général a rencontré Alliés.", facts)).toBe(
      "Le secrétaire général a rencontré les Alliés.",
    );
    expect(frenchArticles("Il parle en tant que secrétaire général.", facts)).toBe(
      "Il parle en tant que secrétaire général.",
    );
    expect(frenchArticles("M. Dupont, secrétaire général, a parlé.", facts)).toBe(
      "M. Dupont, secrétaire général, a parlé.",
    );
    // A rank keeps its article after a comma.
    expect(frenchArticles("Le président, amiral Dupont, a parlé.", facts)).toBe(
      "Le président, l'amiral Dupont, a parlé.",
    );
    expect(frenchArticles("la visite de secrétaire général", facts)).toBe("la visite du secrétaire général");
  });

  it("makes a plural term and its verb agree, which MT conjugates as one unknown word", () => {
    expect(frenchArticles("Le cyberattaques a visé des hôpitaux.", facts)).toBe(
      "Les cyberattaques ont visé des hôpitaux.",
    );
    expect(frenchArticles("Les Alliés est prêts et ministres de la Défense sera là.", facts)).toBe(
      "Les Alliés sont prêts et les ministres de la Défense seront là.",
    );
  });

  it("makes the plural form of a singular term agree too, but not a word that is the same in both numbers", () => {
    expect(frenchArticles("Le navires de guerre a appareillé de la base.", facts)).toBe(
      "Les navires de guerre ont appareillé de la base.",
    );
    expect(frenchArticles("Le navire de guerre est arrivé.", facts)).toBe("Le navire de guerre est arrivé.");
    expect(frenchArticles("Le porte-avions a appareillé.", facts)).toBe("Le porte-avions a appareillé.");
    expect(frenchArticles("Le centres d'excellence a signé.", facts)).toBe("Les centres d'excellence ont signé.");
    // A plural whose English is a mass noun ("defence spending"): the French singular form tells it is one.
    expect(frenchArticles("Le dépenses de défense a augmenté.", facts)).toBe("Les dépenses de défense ont augmenté.");
  });

  it("opens a sentence on a common term with its article, as French wants and English need not", () => {
    expect(frenchArticles("Navires de guerre a appareillé. Dissuasion nucléaire reste essentielle.", facts)).toBe(
      "Les navires de guerre ont appareillé. La dissuasion nucléaire reste essentielle.",
    );
    expect(frenchArticles("Espace aérien a été violé. Le navire de guerre et porte-avions", facts)).toBe(
      "L'espace aérien a été violé. Le navire de guerre et porte-avions",
    );
    // Only a sentence's first word: inside it, a bare term may be right ("en gestion de crise", "de défense").
    expect(frenchArticles("Il parle de dissuasion nucléaire.", facts)).toBe("Il parle de dissuasion nucléaire.");
  });
});

describe("prepositions before places", () => {
  it("French: à before a city, en/au/aux by the country's article, never touching a dative 'à la'", () => {
    expect(
      frenchPlacePrepositions("réunis en Madrid, dans Oslo, en Portugal, dans les Pays-Bas et en Finlande", facts),
    ).toBe("réunis à Madrid, à Oslo, au Portugal, aux Pays-Bas et en Finlande");
    expect(frenchPlacePrepositions("réunis en siège de l'OTAN", facts)).toBe("réunis au siège de l'OTAN");
    expect(frenchPlacePrepositions("son soutien à Ukraine et à la Finlande", facts)).toBe(
      "son soutien à l'Ukraine et à la Finlande",
    );
  });

  it("English: a city where something happens is 'in' it, one travelled to stays 'to'", () => {
    expect(englishPlacePrepositions("The meeting took place to Madrid; she travelled to Oslo.", facts)).toBe(
      "The meeting took place in Madrid; she travelled to Oslo.",
    );
  });
});

describe("word order of titles and names", () => {
  it("French puts a full title in apposition; a rank or a short title before a surname stays as one phrase", () => {
    expect(frenchTitleApposition("le secrétaire général de l'OTAN Jens Stoltenberg a parlé", facts)).toBe(
      "le secrétaire général de l'OTAN, Jens Stoltenberg, a parlé",
    );
    expect(frenchTitleApposition("l'amiral Rob Bauer a parlé", facts)).toBe("l'amiral Rob Bauer a parlé");
    expect(frenchTitleApposition("le secrétaire général Stoltenberg a parlé", facts)).toBe(
      "le secrétaire général Stoltenberg a parlé",
    );
  });

  it("English writes title and name as one phrase, unless the name has an honorific or a rank", () => {
    expect(englishTitleApposition("The NATO Secretary General, Jens Stoltenberg, has said", facts)).toBe(
      "NATO Secretary General Jens Stoltenberg has said",
    );
    expect(englishTitleApposition("the Chair of the Military Committee, Admiral Rob Bauer, said", facts)).toBe(
      "the Chair of the Military Committee, Admiral Rob Bauer, said",
    );
    expect(englishTitleApposition("and the Admiral Rob Bauer said", facts)).toBe("and Admiral Rob Bauer said");
  });
});

describe("dates with their preposition", () => {
  const render = (text: string, from: "en" | "fr", to: "en" | "fr") =>
    datePhraseSpans(text, from, to).map((s) => [text.slice(s.start, s.end), s.replacement]);

  it("English → French", () => {
    expect(render("On 4 April 1949, they met on Thursday 24 October 2019 and on 24-25 June.", "en", "fr")).toEqual([
      ["On 4 April 1949", "Le 4 avril 1949"],
      ["on Thursday 24 October 2019", "le jeudi 24 octobre 2019"],
      ["on 24-25 June", "les 24 et 25 juin"],
    ]);
    expect(render("From 15 to 17 May 2023 and since 3 June.", "en", "fr")).toEqual([
      ["From 15 to 17 May 2023", "Du 15 au 17 mai 2023"],
    ]);
    expect(render("On Tuesday, they met.", "en", "fr")).toEqual([["On Tuesday", "Mardi"]]);
  });

  it("French → English, with no 'on' after a preposition", () => {
    expect(render("Le mardi 16 mai 2023, puis les 11 et 12 juillet et depuis le 1er mars 2024.", "fr", "en")).toEqual([
      ["Le mardi 16 mai 2023", "On Tuesday 16 May 2023"],
      ["les 11 et 12 juillet", "on 11 and 12 July"],
      ["le 1er mars 2024", "1 March 2024"],
    ]);
    expect(render("Ce jeudi (29 novembre 2018), du 15 au 17 mai 2023.", "fr", "en")).toEqual([
      ["Ce jeudi", "On Thursday"],
      ["du 15 au 17 mai 2023", "from 15 to 17 May 2023"],
    ]);
  });
});

describe("verb phrases (light verbs and field senses) in any tense", () => {
  const render = (text: string, from: "en" | "fr", to: "en" | "fr") =>
    verbPhraseSpans(text, from, to).map((s) => [text.slice(s.start, s.end), s.replacement]);

  it("French light verbs become their English phrase in the same tense", () => {
    expect(render("M. Breton a fait un exposé lors d'une réunion.", "fr", "en")).toEqual([
      ["a fait un exposé", "gave a presentation"],
    ]);
    expect(render("Les ministres feront une déclaration et prononceront des discours.", "fr", "en")).toEqual([
      ["feront une déclaration", "will make a statement"],
    ]);
    expect(render("La réunion aura lieu à Oslo ; elle s'est tenue hier.", "fr", "en")).toEqual([
      ["aura lieu", "will take place"],
      ["s'est tenue", "was held"],
    ]);
    expect(render("Ils se sont entretenus avec le ministre.", "fr", "en")).toEqual([
      ["se sont entretenus avec", "held talks with"],
    ]);
  });

  it("an adverb between auxiliary and participle stays for MT, before the English verb", () => {
    expect(render("Il a également fait un exposé.", "fr", "en")).toEqual([
      ["a", ""],
      ["fait un exposé", "gave a presentation"],
    ]);
  });

  it("English phrases become French ones, in the number the subject says", () => {
    expect(render("Mr Rutte gave a presentation and held talks with the minister.", "en", "fr")).toEqual([
      ["gave a presentation", "a fait un exposé"],
      ["held talks with", "s'est entretenu avec"],
    ]);
    expect(render("The ministers met the President; the Allies will take part in it.", "en", "fr")).toEqual([
      ["met", "ont rencontré"],
      ["will take part in", "prendront part à"],
    ]);
  });

  it("leaves a noun alone: 'la rencontre', 'a meeting with', and an intransitive 'met at'", () => {
    expect(render("La rencontre a eu lieu.", "fr", "en")).toEqual([["a eu lieu", "took place"]]);
    expect(render("A meeting with the minister; the Council met at the level of ambassadors.", "en", "fr")).toEqual([]);
  });
});

describe("simple past for the passé composé", () => {
  it("turns an English present perfect into a simple past, irregular verbs included", () => {
    expect(simplePast("NATO has signed the deal. The Allies have taken a decision and it has been launched.")).toBe(
      "NATO signed the deal. The Allies took a decision and it was launched.",
    );
  });

  it("keeps the perfect where the sentence speaks of a period up to now, and continuous forms", () => {
    expect(simplePast("NATO has trained experts since 2017.")).toBe("NATO has trained experts since 2017.");
    expect(simplePast("NATO has been training experts.")).toBe("NATO has been training experts.");
    expect(simplePast("NATO has to act.")).toBe("NATO has to act.");
  });
});

describe("typography", () => {
  it("writes the typographic apostrophe NATO's texts use, and leaves quotation marks alone", () => {
    expect(typographicApostrophes("l'OTAN et les Allies' plans, 'quoted'", "fr")).toBe(
      "l’OTAN et les Allies’ plans, 'quoted'",
    );
  });
});
