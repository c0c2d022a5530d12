import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/domain/language.js";
import { carriesFocus, questionFocus } from "../../src/core/qa/focus.js";
import type { Passage } from "../../src/core/qa/qa-types.js";

const passage = (text: string, lang: Lang = "en", title = "A release"): Passage => ({
  id: "r:en:body:0",
  releaseId: "r",
  lang,
  kind: "body",
  title,
  text,
});
const answers = (q: string, lang: Lang, text: string, textLang: Lang = lang) =>
  carriesFocus(questionFocus(q, lang), passage(text, textLang));

describe("questionFocus / carriesFocus", () => {
  it("reads what each kind of question asks for, in both languages", () => {
    const kinds: [string, Lang, string][] = [
      ["How many troops took part?", "en", "figure"],
      ["Combien de navires participent ?", "fr", "figure"],
      ["Quel montant les Alliés ont-ils promis ?", "fr", "figure"],
      ["When did Finland join NATO?", "en", "date"],
      ["Quand la Suède a-t-elle adhéré ?", "fr", "date"],
      ["How long will the mission last?", "en", "duration"],
      ["Combien de temps durera la mission ?", "fr", "duration"],
      ["Who succeeded Jens Stoltenberg?", "en", "person"],
      ["Qui est le nouveau secrétaire général ?", "fr", "person"],
      ["Where will the centre be based?", "en", "place"],
      ["Où sera installé le centre ?", "fr", "place"],
      ["What did ministers agree on hybrid threats?", "en", "any"],
    ];
    for (const [q, lang, kind] of kinds) expect(questionFocus(q, lang).kind, q).toBe(kind);
  });

  it("wants a figure the question does not already give", () => {
    expect(
      answers("How many troops take part in Steadfast Defender 2024?", "en", "About 90,000 troops take part."),
    ).toBe(true);
    expect(
      answers("How many troops take part in Steadfast Defender 2024?", "en", "Steadfast Defender 2024 is large."),
    ).toBe(false);
    expect(answers("Combien de navires participent ?", "fr", "Quinze navires participent à l'exercice.")).toBe(true);
  });

  it("wants the thing counted, or another spelling of it, beside the figure; a price is a figure", () => {
    const q = "How many nuclear weapons are stored in Belgium?";
    expect(questionFocus(q, "en").counted).toEqual(["nuclear", "weapons"]);
    expect(questionFocus("Combien de mines terrestres contaminent le territoire ?", "fr").counted).toEqual([
      "mines",
      "terrestres",
      "contaminent",
    ]);
    expect(answers(q, "en", "Flights run more than 1,000 kilometres from Belgium.")).toBe(false);
    const troops = questionFocus("How many troops took part in Nordic Response?", "en");
    const translated = passage("The exercise gathered more than 20,000 military from 13 countries.");
    expect(carriesFocus(troops, translated)).toBe(false);
    expect(carriesFocus(troops, translated, { alternatives: () => ["military", "soldiers"] })).toBe(true);
    expect(questionFocus("What is the price of grain?", "en").kind).toBe("figure");
    expect(questionFocus("Quel est le coût du programme ?", "fr").kind).toBe("figure");
  });

  it("wants a date for when, a duration for how long, a new person for who, a place for where", () => {
    expect(answers("When did Finland join NATO?", "en", "Finland joined on 4 April 2023.")).toBe(true);
    expect(answers("When did Finland join NATO?", "en", "Finland brings strong armed forces.")).toBe(false);
    expect(answers("How long will the mission last?", "en", "The mission will last two years.")).toBe(true);
    expect(answers("How long will the mission last?", "en", "The mission starts in 2025.")).toBe(false);
    const who = "Who succeeded Jens Stoltenberg as Secretary General?";
    expect(answers(who, "en", "Mark Rutte took office, succeeding Jens Stoltenberg.")).toBe(true);
    expect(answers(who, "en", "Secretary General Jens Stoltenberg hailed a historic day.")).toBe(false);
    expect(answers("Qui a remplacé Jens Stoltenberg ?", "fr", "M. Rutte a pris ses fonctions.")).toBe(true);
    expect(answers("Where will the centre be based?", "en", "The centre will be based in Wiesbaden.")).toBe(true);
    expect(answers("Where will the centre be based?", "en", "The centre will be based on a new model.")).toBe(false);
  });

  it("takes a day of a month without its year for a date: a release leaves the year to its publication", () => {
    const q = "Quand s'est réunie la conférence des directeurs nationaux des armements ?";
    expect(answers(q, "fr", "Les directeurs se sont réunis le 29 octobre à Bruxelles.")).toBe(true);
    expect(answers("When did the directors meet?", "en", "They gathered on 29 October in Brussels.")).toBe(true);
    expect(answers("When did the directors meet?", "en", "They met on October 29th.")).toBe(true);
    // "may" is a verb, a figure before a month a count of something else is still not a day.
    expect(answers("When did the directors meet?", "en", "The directors may meet 3 times.")).toBe(false);
    expect(answers(q, "fr", "La conférence réunit 32 directeurs.")).toBe(false);
  });

  it("reads a French rank of several words before a surname as a person", () => {
    const q = "Qui a prononcé le discours d'ouverture ?";
    expect(answers(q, "fr", "Le général de corps d'armée Wiermann a prononcé le discours d'ouverture.")).toBe(true);
    expect(answers(q, "fr", "La générale de brigade aérienne Duvernoy a ouvert la séance.")).toBe(true);
    expect(answers(q, "fr", "Le contre-amiral Sénéchal a ouvert la séance.")).toBe(true);
    expect(answers(q, "fr", "Le général de corps d'armée a ouvert la séance.")).toBe(false);
  });

  it("holds a lone name to its capital: the month « mars » is not the planet Mars", () => {
    expect(answers("What did NATO say about a mission to Mars?", "en", "La mission durera jusqu'en mars.", "fr")).toBe(
      false,
    );
    expect(
      answers("Que dit l'OTAN de la planète Mars ?", "fr", "Bruxelles, 17 mars 2025 – L'OTAN a parlé d'espace."),
    ).toBe(false);
    expect(answers("What did NATO say about Mars?", "en", "Allies discussed missions to Mars.")).toBe(true);
    // A name's other-language spelling, and a title-cased programme the other language writes in lower case.
    expect(answers("When did Finland join NATO?", "en", "La Finlande a adhéré le 4 avril 2023.", "fr")).toBe(true);
    expect(
      answers(
        "What is the NATO Innovation Fund investing in?",
        "en",
        "Le Fonds OTAN pour l'innovation investit.",
        "fr",
      ),
    ).toBe(true);
  });

  it("keeps the last question's focus for a short follow-up", () => {
    const first = questionFocus("How many contracts did the NSPA sign in 2023?", "en");
    const next = questionFocus("and in 2024?", "en", first);
    expect(next.kind).toBe("figure");
    expect(carriesFocus(next, passage("In 2024 the NSPA signed 40 contracts."))).toBe(true);
  });
});

describe("questions typed as in chat", () => {
  it("asks a duration with an elided unit, « combien d'années », and in minutes", () => {
    expect(questionFocus("la flotte va durer combien d'annees", "fr").kind).toBe("duration");
    expect(questionFocus("combien d'heures a duré le vol", "fr").kind).toBe("duration");
    expect(questionFocus("how many minutes does it take", "en").kind).toBe("duration");
    expect(questionFocus("combien d'avions", "fr").kind).toBe("figure");
  });

  it("takes minutes for a duration, in both languages", () => {
    const en = "how long do the fighters need to take off";
    expect(answers(en, "en", "The jets are ready to take off within 15 minutes.")).toBe(true);
    expect(answers(en, "en", "The jets are ready to take off quickly.")).toBe(false);
    const fr = "en combien de temps les chasseurs peuvent-ils décoller";
    expect(answers(fr, "fr", "Les avions peuvent décoller en moins de quinze minutes.")).toBe(true);
    expect(answers(fr, "fr", "Les avions peuvent décoller rapidement.")).toBe(false);
  });
});

describe("durations in minutes", () => {
  it("takes minutes only when the question asks how quickly, in both languages", () => {
    const soon = "The jets are ready to take off within 15 minutes.";
    expect(answers("how quickly can the jets take off", "en", soon)).toBe(true);
    expect(answers("how long did the jets stay in Romania", "en", soon)).toBe(false);
    expect(answers("combien de temps les avions sont-ils restés", "fr", "Ils décollent en quinze minutes.")).toBe(
      false,
    );
    expect(answers("dans quel délai les avions décollent-ils", "fr", "Ils décollent en quinze minutes.")).toBe(true);
  });

  it("reads a duration in the original when the stored translation mangles its unit", () => {
    const focus = questionFocus("la flotte va durer combien d'annees", "fr");
    const translated: Passage = {
      ...passage("Partager l'entretien sur la vidade30 ans de la flotte.", "fr"),
      kind: "translation",
      original: { lang: "en", text: "To share maintenance over the 30-year life of the fleet." },
    };
    expect(carriesFocus(focus, translated)).toBe(true);
    expect(carriesFocus(focus, { ...translated, original: undefined })).toBe(false);
  });
});

describe("a comparative asks a difference, not a count", () => {
  it('takes any new figure for "how much bigger", and keeps what a French comparison counts', () => {
    const q = "and how much bigger does the new wing make it?";
    expect(questionFocus(q, "en").counted).toBeUndefined();
    expect(answers(q, "en", "The new wing lets the centre train twice as many trainees, 2,000 a year.")).toBe(true);
    expect(questionFocus("combien de soldats de plus", "fr").counted).toEqual(["soldats"]);
    expect(questionFocus("combien de plus de soldats", "fr").counted).toEqual(["soldats"]);
    expect(answers("combien de soldats de plus", "fr", "L'OTAN enverra 300 soldats supplémentaires.")).toBe(true);
    expect(answers("combien de soldats de plus", "fr", "L'OTAN enverra 300 chars.")).toBe(false);
  });
});

describe("a duration with a word between its figure and its unit", () => {
  it('takes « les deux prochaines années » and "two more years" for a duration', () => {
    expect(answers("combien de temps durera la formation", "fr", "Au cours des deux prochaines années.")).toBe(true);
    expect(answers("how long will the training last", "en", "Training will go on for two more years.")).toBe(true);
    expect(answers("how long will the training last", "en", "Training will go on with two more instructors.")).toBe(
      false,
    );
  });
});

describe("a sum of money asked as a count", () => {
  it("asks a sum of money for « combien d'argent » and 'how much money'", () => {
    const funded = "Elle sera financée à hauteur de 180 millions d’euros sur cinq ans.";
    expect(questionFocus("combien d'argent pour la stratégie de données", "fr").measure).toBe("money");
    expect(answers("combien d'argent pour la stratégie de données", "fr", funded)).toBe(true);
    expect(answers("how much money for the data strategy", "en", "It will be funded with 180 million euros.")).toBe(
      true,
    );
    expect(answers("combien d'argent pour la stratégie de données", "fr", "Elle compte 12 projets.")).toBe(false);
  });
});

describe("a duration said by its ends", () => {
  it("takes a span of years or of days for how long, in both languages", () => {
    expect(
      answers("le programme dure combien de temps", "fr", "The programme covers the years 2026 to 2029.", "en"),
    ).toBe(true);
    expect(
      answers("how long does the programme run", "en", "Le programme couvre la période de 2026 à 2029.", "fr"),
    ).toBe(true);
    expect(answers("how long does the programme run", "en", "The programme starts in 2026.")).toBe(false);
    const session = "Le Comité s’est réuni les 14 et 15 janvier 2026 au siège de l’OTAN.";
    expect(answers("combien de jours a duré la session en janvier 2026", "fr", session)).toBe(true);
    expect(answers("how many days did the session last", "en", "The Committee met on 14 and 15 January.")).toBe(true);
    expect(answers("how many days did the session last", "en", "The Committee met on 14 January.")).toBe(false);
  });
});

describe("a duration question that may ask a measure", () => {
  it("takes a length for 'how long is the pipeline', « quelle est la longueur »", () => {
    const pipeline = "A 95-kilometre pipeline will link the Kaunas depot to the port of Klaipėda.";
    expect(answers("how long is the kaunas klaipeda pipeline", "en", pipeline)).toBe(true);
    expect(answers("how long is the pipeline", "en", "The pipeline will cost 50 million euros.")).toBe(false);
    const oleoduc = "Un oléoduc de 95 kilomètres reliera le dépôt de Kaunas au port de Klaipėda.";
    expect(answers("quelle est la longueur de l'oléoduc", "fr", oleoduc)).toBe(true);
    expect(answers("quelle est la longueur de l'oléoduc", "fr", "L'oléoduc sera achevé en 2027.")).toBe(false);
  });

  it("takes minutes or a speed for 'how fast', « à quelle vitesse »", () => {
    const ready = "The pilots must be airborne within 15 minutes of an alert.";
    expect(answers("how fast must the pilots take off", "en", ready)).toBe(true);
    expect(
      answers("à quelle vitesse les pilotes doivent-ils décoller", "fr", "Ils décollent en moins de quinze minutes."),
    ).toBe(true);
    expect(answers("how fast can the drone fly", "en", "The drone flies at up to 900 km/h.")).toBe(true);
    expect(answers("à quelle vitesse vole le drone", "fr", "Le drone vole jusqu'à 900 km/h.")).toBe(true);
    expect(answers("how fast can the drone fly", "en", "The drone was bought in 2025.")).toBe(false);
    // A span of days is no speed, nor how quickly in minutes.
    expect(answers("how fast can the tank go", "en", "It had to cover 1,800 kilometres in ten days.")).toBe(false);
    expect(answers("à quelle vitesse roule le char", "fr", "Il a parcouru 1 800 kilomètres en dix jours.")).toBe(false);
  });
});

describe("French question words typed without their accents", () => {
  it("asks the same as with them: « duree », « annee », « coute »; « ou » is where when it opens or closes", () => {
    const kinds: [string, string][] = [
      ["quelle est la duree de la mission", "duration"],
      ["en quelle annee la mission a-t-elle commence", "date"],
      ["ou se trouve la station sol de l'AGS ?", "place"],
      ["et la prochaine edition, ce sera ou ?", "place"],
      ["et ou ça ?", "place"],
    ];
    for (const [q, kind] of kinds) expect(questionFocus(q, "fr").kind, q).toBe(kind);
    expect(questionFocus("combien coute le plan", "fr").measure).toBe("money");
  });

  it('« ou » between two words is "or": no place asked', () => {
    expect(questionFocus("les chars ou les avions sont-ils arrivés ?", "fr").kind).toBe("any");
    // « d'ou » asks an origin: left as it was without the accent.
    expect(questionFocus("d'ou viennent les diplomes ?", "fr").kind).toBe("any");
  });
});

describe("a place said otherwise than by a name after a preposition", () => {
  const where = questionFocus("où a eu lieu la cérémonie ?", "fr");
  const place = (text: string, lang: "en" | "fr") => carriesFocus(where, passage(text, lang));

  it("the seat of a body, even NATO's: « au siège de l'OTAN », \"at NATO Headquarters\"", () => {
    expect(place("La cérémonie s’est tenue au siège de l’OTAN.", "fr")).toBe(true);
    expect(place("The ceremony was held at NATO Headquarters.", "en")).toBe(true);
    expect(place("The ceremony was held at the headquarters of the Agency.", "en")).toBe(true);
    expect(place("L’OTAN a tenu une cérémonie.", "fr")).toBe(false);
  });

  it("where it lies from another place: a distance and a point of the compass", () => {
    expect(place("The training area lies some 60 kilometres west of the capital.", "en")).toBe(true);
    expect(place("Le camp se trouve à 40 km au nord-est de la ville.", "fr")).toBe(true);
    expect(place("The convoy covered 60 kilometres in a day.", "en")).toBe(false);
  });
});

describe("a place in the sentence a stored translation renders", () => {
  it("reads the original when the translation garbles the preposition of place", () => {
    const translated: Passage = {
      ...passage("Denmark handed over a new radar installed near of Kangerlussuaq.", "en"),
      kind: "translation",
      original: { lang: "fr", text: "Le Danemark a remis un nouveau radar installé près de Kangerlussuaq." },
    };
    expect(carriesFocus(questionFocus("where's the new radar in greenland", "en"), translated)).toBe(true);
    const traduit: Passage = {
      ...passage("Le radar a été installé proche Kangerlussuaq.", "fr"),
      kind: "translation",
      original: { lang: "en", text: "The radar was installed near Kangerlussuaq." },
    };
    expect(carriesFocus(questionFocus("où est installé le nouveau radar", "fr"), traduit)).toBe(true);
    expect(
      carriesFocus(questionFocus("où est installé le nouveau radar", "fr"), { ...traduit, original: undefined }),
    ).toBe(false);
  });
});
