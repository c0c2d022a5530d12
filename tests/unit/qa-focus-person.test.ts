import { describe, expect, it } from "vitest";
import { askedAgent, asksIdentity } from "../../src/core/qa/focus-person.js";
import { focusAnswers as answers, sentence as passage } from "../helpers/releases.js";

describe("who leads / runs / chairs / organises / hosts: a person or a body", () => {
  it("reads the kind of verb a who-question asks the agent of, in both languages, accents or not", () => {
    expect(askedAgent("who led dynamic mongoose")).toBe("lead");
    expect(askedAgent("Who runs the biggest SPS project?")).toBe("lead");
    expect(askedAgent("who will head the new centre")).toBe("lead");
    expect(askedAgent("qui dirige l'agence ?")).toBe("lead");
    expect(askedAgent("qui a mene le projet")).toBe("lead");
    expect(askedAgent("qui preside le conseil ?")).toBe("chair");
    expect(askedAgent("Who chaired the meeting?")).toBe("chair");
    expect(askedAgent("qui organise cyber coalition ?")).toBe("organise");
    expect(askedAgent("qui a accueilli la réunion ?")).toBe("host");
    expect(askedAgent("who hosted the summit")).toBe("host");
    expect(askedAgent("who did Rutte meet in Ankara?")).toBeUndefined();
    expect(askedAgent("qui a mentionné le projet ?")).toBeUndefined();
  });

  it("takes the body a verb of that kind has for agent as the answer", () => {
    const led = "The exercise was led by the Allied Maritime Command, based at Northwood.";
    expect(answers("who led dynamic mongoose", "en", passage(led, "en"))).toBe(true);
    expect(answers("Who led the exercise?", "en", passage("The exercise was led by Finland.", "en"))).toBe(true);
    const mene = "Le projet le plus important est mené par l'Université technique de Delft.";
    expect(answers("qui mène le projet le plus important ?", "fr", passage(mene, "fr"))).toBe(true);
    const organise = "Cyber Coalition est organisé chaque année par le Commandement allié Transformation.";
    expect(answers("qui organise cyber coalition ?", "fr", passage(organise, "fr"))).toBe(true);
    expect(
      answers("Who chaired the talks?", "en", passage("Les pourparlers, sous la présidence de la Finlande.", "fr")),
    ).toBe(true);
  });

  it("reads the sentence a stored translation renders, where the translation loses the verb", () => {
    const translated = passage("The project is spent by the technical University of Delft.", "en", {
      lang: "fr",
      text: "Le projet est mené par l'Université technique de Delft.",
    });
    expect(answers("who runs the project", "en", translated)).toBe(true);
  });

  it("wants the agent of the verb asked about, named, and not one the question gives", () => {
    const q = "who led the exercise";
    // A body named in passing is not who led it; a host is not a leader; a pronoun names no one.
    expect(answers(q, "en", passage("The admiral said the Allied Maritime Command was ready.", "en"))).toBe(false);
    expect(answers(q, "en", passage("The exercise was hosted by Norway.", "en"))).toBe(false);
    expect(answers(q, "en", passage("The exercise was led by them.", "en"))).toBe(false);
    expect(answers(q, "en", passage("The exercise was led by NATO.", "en"))).toBe(false);
    expect(answers("who hosted the exercise", "en", passage("The exercise was hosted by Norway.", "en"))).toBe(true);
    // Without a verb of that kind, a body is no answer to "who": only a person is.
    expect(answers("who spoke at the exercise", "en", passage("The exercise was led by Finland.", "en"))).toBe(false);
    expect(answers("who spoke at the exercise", "en", passage("Admiral Pierre Vandier spoke.", "en"))).toBe(true);
  });

  it("finds the person in the sentence a stored translation renders, when the translation garbles the title", () => {
    const q = "qui a prononcé le discours d'ouverture ?";
    // The machine lost the name's capital (a French rank before it is read as a title: qa-focus.test.ts).
    const garbled = "DGIMS le lieutenant-général wiermann a livré les commentaires inauguraux.";
    expect(answers(q, "fr", passage(garbled, "fr"))).toBe(false);
    const original = { lang: "en" as const, text: "DGIMS Lieutenant General Wiermann delivered the opening remarks." };
    expect(answers(q, "fr", passage(garbled, "fr", original))).toBe(true);
  });
});

describe("who chairs: an office in lower case; who designed: the body it was made with", () => {
  it("takes an office written in lower case after the agent phrase", () => {
    const fr =
      "Un nouveau conseil des données, présidé par le secrétaire général adjoint pour l’innovation, en supervisera la mise en œuvre.";
    expect(answers("qui preside le nouveau conseil des données ?", "fr", passage(fr, "fr"))).toBe(true);
    const en = "A new data board, chaired by the deputy secretary general, will oversee it.";
    expect(answers("who chairs the new data board", "en", passage(en, "en"))).toBe(true);
    expect(answers("who chairs the new data board", "en", passage("A new data board will oversee it.", "en"))).toBe(
      false,
    );
  });

  it("takes the body a course was designed or developed with", () => {
    expect(askedAgent("who helped design the oberammergau disinformation course?")).toBe("make");
    expect(askedAgent("qui a aidé à concevoir le cours ?")).toBe("make");
    const en = "The course was developed with the NATO Strategic Communications Centre of Excellence in Riga.";
    expect(answers("who helped design the disinformation course?", "en", passage(en, "en"))).toBe(true);
    const fr =
      "Le programme, élaboré avec le Centre d’excellence OTAN pour la communication stratégique de Riga, comprend des ateliers.";
    expect(answers("qui a aidé à concevoir le cours ?", "fr", passage(fr, "fr"))).toBe(true);
    // A person named for something else did not design it.
    const said = "« Notre travail est de former », a déclaré le colonel Markus Feldhaus.";
    expect(answers("qui a aidé à concevoir le cours ?", "fr", passage(said, "fr"))).toBe(false);
    const spoke = "“Our work is to train,” said Colonel Markus Feldhaus.";
    expect(answers("who helped design the disinformation course?", "en", passage(spoke, "en"))).toBe(false);
    expect(answers("qui a aidé à concevoir le cours ?", "fr", passage("Le cours comprend des ateliers.", "fr"))).toBe(
      false,
    );
  });
});

describe("a run of capitalised words that names a body, a place or an event is no person", () => {
  it("a conference, a college, a kingdom: not who the question asks for; a person still is", () => {
    const who = "who did Stoltenberg meet in Munich?";
    expect(answers(who, "en", passage("Mr Stoltenberg spoke at the Munich Security Conference.", "en"))).toBe(false);
    expect(answers(who, "en", passage("In Munich, Stoltenberg met students of the NATO Defense College.", "en"))).toBe(
      false,
    );
    expect(answers(who, "en", passage("In Munich, Stoltenberg praised the United Kingdom.", "en"))).toBe(false);
    expect(answers(who, "en", passage("In Munich, Stoltenberg met Petro Poroshenko.", "en"))).toBe(true);
    const qui = "qui Stoltenberg a-t-il rencontré ?";
    expect(answers(qui, "fr", passage("M. Stoltenberg s'est exprimé devant le Collège Européen.", "fr"))).toBe(false);
    expect(answers(qui, "fr", passage("M. Stoltenberg s'est entretenu avec Manuel Valls.", "fr"))).toBe(true);
    // « Marine » is a first name as well as a navy.
    expect(answers(qui, "fr", passage("M. Stoltenberg s'est entretenu avec Marine Dupont.", "fr"))).toBe(true);
  });
});

describe("who funds / pays for: who it is paid by", () => {
  it("reads the verb in both languages, accents or not", () => {
    expect(askedAgent("who funds the heritage course?")).toBe("fund");
    expect(askedAgent("who pays for the new centre?")).toBe("fund");
    expect(askedAgent("qui finance le cours ?")).toBe("fund");
    expect(askedAgent("qui paie le centre ?")).toBe("fund");
  });

  it("is answered by the funder, not by a person the sentence names for something else", () => {
    const qui = "qui finance le cours patrimoine ?";
    expect(
      answers(qui, "fr", passage("Financé par les Pays-Bas et l’Italie, le cours sera proposé en 2027.", "fr")),
    ).toBe(true);
    expect(
      answers(qui, "fr", passage("« C’est une obligation », a rappelé Marieke Dijkstra, directrice du cours.", "fr")),
    ).toBe(false);
    const who = "who pays for the centre?";
    expect(answers(who, "en", passage("The centre is built with funding from Norway.", "en"))).toBe(true);
    expect(answers(who, "en", passage("The centre was funded by him.", "en"))).toBe(false);
  });
});

describe("who is NAME: what the person named is", () => {
  it("is told from a who-question about a person, typed as people type it, in both languages", () => {
    expect(asksIdentity("qui est jana kotorova")).toBe(true);
    expect(asksIdentity("who is jana kotorova?")).toBe(true);
    expect(asksIdentity("who was dany fortin")).toBe(true);
    // A role, an office's acronym, a possessive or an election ask for a person.
    expect(asksIdentity("qui est le directeur general de diana")).toBe(false);
    expect(asksIdentity("who is saceur")).toBe(false);
    expect(asksIdentity("who is ncia's cto")).toBe(false);
    expect(asksIdentity("who was elected president")).toBe(false);
    expect(asksIdentity("who leads the mission")).toBe(false);
  });

  it("is answered by the sentence that names the person with what they are, not only by another person", () => {
    const kotorova = passage(
      "Ms Jana Kotorova, NATO Deputy Senior Civilian in Iraq, stressed the mission's role.",
      "en",
    );
    expect(answers("who is jana kotorova", "en", kotorova)).toBe(true);
    expect(
      answers(
        "qui est jana kotorova",
        "fr",
        passage("Mme Jana Kotorova, adjointe du haut représentant civil, a parlé.", "fr"),
      ),
    ).toBe(true);
    // Asked for a person, a sentence that names only the one the question gives is no answer.
    expect(answers("who leads the mission with jana kotorova", "en", kotorova)).toBe(false);
  });
});
