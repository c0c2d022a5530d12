import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { carriesFigure, measureAsked } from "../../src/core/qa/figure-kind.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import { sentence as passage } from "../helpers/releases.js";

/** Whether `text` answers the question's figure, as the answer test reads it. */
const answers = (q: string, lang: Lang, text: string, textLang: Lang = lang) =>
  carriesFocus(questionFocus(q, lang), passage(text, textLang));

describe("what the figure asked for measures", () => {
  it("money: cost, worth, budget, price, spending, in both languages; « pour combien »", () => {
    const money: [string, Lang][] = [
      ["How much is the contract worth?", "en"],
      ["How much does the training programme cost?", "en"],
      ["What is the budget of the centre?", "en"],
      ["How much did the fund invest?", "en"],
      ["and for how much?", "en"],
      ["Combien vaut le contrat ?", "fr"],
      ["Combien coute l'exercice ?", "fr"],
      ["Quel est le budget du centre ?", "fr"],
      ["Quel est le montant de l'enveloppe ?", "fr"],
      ["et pour combien ?", "fr"],
      ["Combien d'euros l'Allemagne a-t-elle promis ?", "fr"],
    ];
    for (const [q, lang] of money) expect(questionFocus(q, lang).measure, q).toBe("money");
  });

  it("a count is a count, and a plain « combien » any figure", () => {
    expect(questionFocus("How many projects does the fund support?", "en").measure).toBeUndefined();
    expect(questionFocus("Combien de projets bénéficient d'un financement ?", "fr").measure).toBeUndefined();
    expect(questionFocus("How much did the Allies pledge?", "en").measure).toBeUndefined();
    expect(questionFocus("Combien les Alliés ont-ils promis ?", "fr").measure).toBeUndefined();
    // « pays » is a country, not the English "pays".
    expect(questionFocus("Combien les pays baltes ont-ils reçu ?", "fr").measure).toBeUndefined();
  });

  it("temperature, distance and times, asked by their own words: figure questions in both languages", () => {
    const measured: [string, Lang, string][] = [
      ["How cold will it get during the exercise?", "en", "temperature"],
      ["Quelle température fera-t-il pendant l'exercice ?", "fr", "temperature"],
      ["How far from the border is the base?", "en", "distance"],
      ["À quelle distance de la frontière est la base ?", "fr", "distance"],
      ["Combien de kilomètres la patrouille a-t-elle parcourus ?", "fr", "distance"],
      ["How many times did the jets scramble?", "en", "times"],
      ["How often do the ministers meet?", "en", "times"],
      ["Combien de fois les avions ont-ils décollé ?", "fr", "times"],
    ];
    for (const [q, lang, measure] of measured) {
      const focus = questionFocus(q, lang);
      expect(focus.kind, q).toBe("figure");
      expect(focus.measure, q).toBe(measure);
      // The unit is what is asked: « combien de fois les avions » does not count aeroplanes.
      expect(focus.counted, q).toBeUndefined();
    }
    expect(measureAsked("how long is the border?")).toBeUndefined();
  });

  it("keeps the measure for a follow-up without a question word of its own", () => {
    const first = questionFocus("How much did the contract cost in 2024?", "en");
    expect(questionFocus("and in 2025?", "en", first).measure).toBe("money");
  });
});

describe("a sentence gives a figure of the kind asked", () => {
  it("money: a currency sign, code or word beside the figure (en)", () => {
    const q = "How much is the contract worth?";
    expect(answers(q, "en", "The contract, worth 780 million dollars, was awarded to RTX.")).toBe(true);
    expect(answers(q, "en", "Germany placed the largest order, with 500 missiles.")).toBe(false);
    expect(answers(q, "en", "The Allies agreed a $10 billion package.")).toBe(true);
    expect(answers(q, "en", "Support will reach 85 billion Norwegian kroner in 2026.")).toBe(true);
    expect(answers(q, "en", "D’une valeur de 1,3 milliard d’euros, ces contrats ont été conclus.", "fr")).toBe(true);
  });

  it("money: a share or a growth of spending is a percentage, in both languages; a code before the figure", () => {
    const q = "How much will European Allies increase their defence spending?";
    expect(answers(q, "en", "European Allies will increase their defence spending by 18% in 2024.")).toBe(true);
    expect(answers(q, "en", "European Allies will spend at least 2 per cent of their gross domestic product.")).toBe(
      true,
    );
    expect(answers(q, "en", "European Allies will spend NOK 2 billion more.")).toBe(true);
    expect(answers(q, "en", "23 European Allies are expected to meet the target in 2024.")).toBe(false);
    const fr = "Combien les Alliés européens dépenseront-ils pour la défense ?";
    expect(answers(fr, "fr", "Les Alliés européens dépenseront 2 % de leur PIB pour la défense.")).toBe(true);
    expect(answers(fr, "fr", "Vingt-trois Alliés européens atteindront l'objectif.")).toBe(false);
  });

  it("money: a percentage of something else than money is no sum", () => {
    const q = "How much does each ally pay for the space plan?";
    expect(answers(q, "en", "Women now make up 25 per cent of military personnel in the space centre.")).toBe(false);
    expect(answers(q, "en", "Each ally pays 0.5% of its defence budget into the plan.")).toBe(true);
    const fr = "Combien coûte le plan d'action ?";
    expect(answers(fr, "fr", "Les femmes représentent 25 % des militaires déployés.")).toBe(false);
    expect(answers(fr, "fr", "Le plan représente 3 % des dépenses de défense.")).toBe(true);
  });

  it("money: « combien coûte » is not answered by a number of troops (fr)", () => {
    const q = "Combien coûte l'exercice ?";
    expect(answers(q, "fr", "Quelque 8 500 militaires de onze pays alliés ont entamé l'exercice.")).toBe(false);
    expect(answers(q, "fr", "L'exercice a coûté 12 millions d'euros.")).toBe(true);
    expect(answers(q, "fr", "The exercise cost EUR 12 million.", "en")).toBe(true);
  });

  it("a unit is the nearest figure's: a year before another figure's per cent is no sum", () => {
    const cost = "combien coute le plan d'action ?";
    const shares = "Les femmes représenteront 25 % du personnel d’ici à 2030, contre 14 % aujourd’hui.";
    expect(answers(cost, "fr", shares)).toBe(false);
    expect(answers(cost, "fr", "Le plan coûtera 1,1 milliard d’euros d’ici à 2030.")).toBe(true);
    expect(answers("How cold will it get?", "en", "By 2030, 5 more sites, at minus 40 degrees.")).toBe(true);
  });

  it("temperature: degrees, in either language", () => {
    const q = "How cold will it get during the exercise?";
    expect(answers(q, "en", "Some 8,500 troops from eleven Allies began the exercise.")).toBe(false);
    expect(answers(q, "en", "Troops will train in temperatures as low as minus 40 degrees.")).toBe(true);
    expect(answers(q, "en", "Il fera jusqu'à moins 40 °C.", "fr")).toBe(true);
    const fr = "Quelle température fera-t-il ?";
    expect(answers(fr, "fr", "Les températures pourront descendre jusqu'à moins 40 degrés.")).toBe(true);
    expect(answers(fr, "fr", "Environ 70 avions participent.")).toBe(false);
  });

  it("distance: kilometres, miles or metres, in either language", () => {
    const q = "How far from the border is the new base?";
    expect(answers(q, "en", "The base lies 60 kilometres from the border.")).toBe(true);
    expect(answers(q, "en", "The base will host 600 troops.")).toBe(false);
    expect(answers(q, "en", "Located 12 nautical miles off the coast, the platform is new.")).toBe(true);
    const fr = "À quelle distance de la frontière se trouve la base ?";
    expect(answers(fr, "fr", "La base se trouve à 60 km de la frontière.")).toBe(true);
    expect(answers(fr, "fr", "La base accueillera 600 militaires.")).toBe(false);
  });

  it("depth, height and altitude are distances; a weight is tonnes or kilos, in either language", () => {
    const measured: [string, Lang, string][] = [
      ["How deep is the test range?", "en", "distance"],
      ["jusqu'a quelle profondeur plongent les planeurs", "fr", "distance"],
      ["À quelle altitude vole le drone ?", "fr", "distance"],
      ["How heavy were the tanks?", "en", "weight"],
      ["Combien pèse le char ?", "fr", "weight"],
      ["Quel est le poids du char ?", "fr", "weight"],
    ];
    for (const [q, lang, measure] of measured) {
      expect(questionFocus(q, lang).kind, q).toBe("figure");
      expect(questionFocus(q, lang).measure, q).toBe(measure);
    }
    const deep = "How deep is the test range?";
    expect(answers(deep, "en", "The gliders dived as deep as 1,000 metres.")).toBe(true);
    expect(answers(deep, "en", "The range opened in 2024 with 23 test centres.")).toBe(false);
    const heavy = "How heavy were the tanks that crossed the bridge?";
    expect(answers(heavy, "en", "300 vehicles drove across, including 62-tonne main battle tanks.")).toBe(true);
    expect(answers(heavy, "en", "More than 300 vehicles drove across the bridge.")).toBe(false);
    expect(answers("Combien pèse le char ?", "fr", "Le char pèse 62 tonnes.")).toBe(true);
  });

  it("times: « N fois », « à N reprises », twice, or a frequency", () => {
    const q = "How many times did the jets scramble last year?";
    expect(answers(q, "en", "Allied jets scrambled more than 300 times in 2025.")).toBe(true);
    expect(answers(q, "en", "Four jets from 300 squadron are deployed.")).toBe(false);
    expect(answers("How often do the ministers meet?", "en", "Ministers meet twice a year.")).toBe(true);
    const fr = "Combien de fois les avions ont-ils décollé ?";
    expect(answers(fr, "fr", "Les avions ont décollé à 300 reprises.")).toBe(true);
    expect(answers(fr, "fr", "Les avions sont décollés plus de 300 fois.")).toBe(true);
    expect(answers(fr, "fr", "Quatre avions sont déployés depuis 2024 en Lituanie.")).toBe(false);
    expect(answers("À quelle fréquence se réunissent-ils ?", "fr", "Ils se réunissent chaque année.")).toBe(true);
  });

  it("a count of N: N or another spelling of it within a few words of the figure (en)", () => {
    const q = "How many missiles did Germany order?";
    expect(answers(q, "en", "Germany placed the largest order, with 500 missiles.")).toBe(true);
    const jets = "Four Royal Netherlands Air Force combat fighter jets were deployed.";
    expect(answers("How many jets were deployed?", "en", jets)).toBe(true);
    expect(
      answers(q, "en", "Some 40 companies from the Netherlands and Germany build parts for the new missiles."),
    ).toBe(false);
    const asked = { counted: ["troops"], given: { digits: new Set<string>() } };
    const text = "The exercise gathered more than 20,000 military from 13 countries.";
    expect(carriesFigure(asked, text, "en")).toBe(false);
    expect(carriesFigure(asked, text, "en", () => ["military"])).toBe(true);
  });

  it("the day of a date counts nothing, in either language and order; a count beside a date still counts", () => {
    const asked = { counted: ["soldiers"], given: { digits: new Set<string>() } };
    const military = () => ["military", "militaires"];
    const meeting = "NATO and the European Union held a meeting on military mobility in Brussels on 12 June 2025.";
    expect(carriesFigure(asked, meeting, "en", military)).toBe(false);
    expect(carriesFigure(asked, "Military planners met on June 12, 2025 in Brussels.", "en", military)).toBe(false);
    const reunion = "Les militaires se sont réunis le 1er juin 2025 à Bruxelles.";
    expect(carriesFigure(asked, reunion, "fr", military)).toBe(false);
    const troops = "On 12 June 2025, 300 military from five Allies arrived in Brussels.";
    expect(carriesFigure(asked, troops, "en", military)).toBe(true);
    expect(carriesFigure(asked, "Le 3 mars, 40 militaires sont arrivés.", "fr", military)).toBe(true);
  });

  it("a count of N: the same in French, « une trentaine » is a figure", () => {
    const q = "Combien de navires participent ?";
    expect(answers(q, "fr", "Quinze navires participent à l'exercice.")).toBe(true);
    expect(answers(q, "fr", "Douze pays européens, dont la France et l'Espagne, ont aussi envoyé des navires.")).toBe(
      false,
    );
    expect(
      answers("Combien de militaires suivent le cours ?", "fr", "Une trentaine de militaires suivent le cours."),
    ).toBe(true);
  });

  it("a count of « N of M »: both nouns beside the figure; « of the M » names a whole and is left out", () => {
    expect(answers("How many tanks of fuel does it need?", "en", "Spain sends 40 Leopard 2 tanks.")).toBe(false);
    expect(answers("How many tanks of fuel does it need?", "en", "It needs 40 tanks of fuel a day.")).toBe(true);
    expect(answers("How many pieces of unexploded ordnance?", "en", "642,000 pieces of unexploded ordnance.")).toBe(
      true,
    );
    const fr = "Combien de tonnes de carburant ont été livrées ?";
    expect(answers(fr, "fr", "Quelque 200 tonnes de munitions ont été livrées.")).toBe(false);
    expect(answers(fr, "fr", "Quelque 200 tonnes de carburant ont été livrées.")).toBe(true);
    expect(answers("How many soldiers of the battlegroup?", "en", "The battlegroup has 1,000 soldiers.")).toBe(true);
  });

  it("what is counted ends at a preposition, an article or an adverb: the words after it are no part of the noun", () => {
    expect(questionFocus("how many instructors teach there", "en").counted).toEqual(["instructors", "teach"]);
    expect(questionFocus("combien de pain embarque sur le navire", "fr").counted).toEqual(["pain", "embarque"]);
    expect(questionFocus("how many of the troops are German?", "en").counted).toEqual(["troops"]);
    // « sur » no longer stands for the thing counted, so « surface » does not say it.
    const bread = "combien de pain embarque sur le navire ?";
    expect(answers(bread, "fr", "Il a réuni 900 militaires et onze bâtiments de surface.")).toBe(false);
    expect(answers(bread, "fr", "Le navire embarque 300 kilos de pain.")).toBe(true);
  });

  it("a figure with a unit after it measures the unit, it counts no N: unless N is the unit, of it, or the event", () => {
    const pilots = "How many Ukrainian pilots will be trained?";
    expect(answers(pilots, "en", "Allies extended the training of Ukrainian pilots by two years.")).toBe(false);
    expect(answers(pilots, "en", "Allies will train 40 Ukrainian pilots.")).toBe(true);
    const drones = "combien de drones ont été abattus ?";
    expect(answers(drones, "fr", "À deux reprises, des drones ont été suivis par des chasseurs.")).toBe(false);
    expect(answers(drones, "fr", "Trois drones ont été abattus.")).toBe(true);
    expect(answers("How many radars?", "en", "Each radar sees drones 250 kilometres away.")).toBe(false);
    // The unit is of what is counted, or is what the question counts.
    expect(answers("How many tonnes of fuel?", "en", "It delivered 200 tonnes of fuel.")).toBe(true);
    expect(answers("How many scrambles since January?", "en", "The jets scrambled 37 times.")).toBe(true);
  });

  it('"how many of those", « combien d\'entre eux » count what was said before: any figure answers', () => {
    expect(questionFocus("and how many of those by the Swedish Gripens?", "en").counted).toBeUndefined();
    expect(questionFocus("combien d'entre eux sont allemands ?", "fr").counted).toBeUndefined();
    expect(answers("and how many of those by the Swedish Gripens?", "en", "The Gripens alone made 19 take-offs.")).toBe(
      true,
    );
  });
});

describe("speed, quantities of a thing, and durations counted in days", () => {
  it("how fast / « à quelle vitesse » asks for a speed: km/h, knots, Mach — not a count", () => {
    expect(questionFocus("How fast can the drone fly?", "en").measure).toBe("speed");
    expect(questionFocus("À quelle vitesse vole le drone ?", "fr").measure).toBe("speed");
    expect(answers("How fast can the drone fly?", "en", "The drone flies at up to 900 km/h.")).toBe(true);
    expect(answers("À quelle vitesse navigue la frégate ?", "fr", "La frégate atteint 30 nœuds.")).toBe(true);
    expect(answers("How fast can a Leopard run?", "en", "Spain provides 40 Leopard 2 tanks.")).toBe(false);
  });

  it('"how much N" is a quantity of N, unless N is money', () => {
    expect(questionFocus("How much fuel can the tanker carry?", "en").counted).toEqual(["fuel"]);
    expect(questionFocus("How much fuel can the tanker carry?", "en").measure).toBeUndefined();
    expect(questionFocus("How much money did the fund invest?", "en").measure).toBe("money");
    expect(questionFocus("How much funding does the project get?", "en").measure).toBe("money");
    expect(answers("How much fuel can the tanker carry?", "en", "It ordered two tankers for 590 million euros.")).toBe(
      false,
    );
    expect(answers("How much fuel can the tanker carry?", "en", "Each tanker carries 111 tonnes of fuel.")).toBe(true);
  });

  it('« combien de jours », "how many days" ask how long; a span of dates answers', () => {
    expect(questionFocus("Combien de jours a duré la visite ?", "fr").kind).toBe("duration");
    expect(questionFocus("How many days did the visit last?", "en").kind).toBe("duration");
    expect(answers("How many days did the visit last?", "en", "From 15 to 17 May 2023, he visited Moldova.")).toBe(
      true,
    );
    expect(
      answers("Combien de jours a duré la visite ?", "fr", "Du 15 au 17 mai 2023, il s'est rendu en Moldavie."),
    ).toBe(true);
    expect(answers("Combien de jours a duré la visite ?", "fr", "Il s'est rendu en Moldavie le 15 mai 2023.")).toBe(
      false,
    );
  });
});

describe("a speed is not a distance", () => {
  it("km/h, kilometres per hour, « kilomètres à l'heure » answer how fast; kilometres alone do not", () => {
    const q = "How fast can the tank go?";
    expect(answers(q, "en", "It reaches 70 kilometres per hour on roads.")).toBe(true);
    expect(answers(q, "en", "It reaches 70 km/h on roads.")).toBe(true);
    expect(answers("À quelle vitesse roule le char ?", "fr", "Il roule à 70 kilomètres à l'heure.")).toBe(true);
    expect(answers(q, "en", "The forces had to cover 1,800 kilometres in less than ten days.")).toBe(false);
  });
});
