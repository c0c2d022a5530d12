import { describe, expect, it } from "vitest";
import { asksToMeet, meetingAsWritten } from "../../src/core/qa/focus-meeting.js";
import { focusAnswers as answers, sentence as passage } from "../helpers/releases.js";

describe("seeing each other in person is meeting", () => {
  it("reads a question about people meeting in person, in both languages", () => {
    expect(asksToMeet("est-ce que rutte et carney vont se voir en personne ?")).toBe(true);
    expect(asksToMeet("Will Rutte and Carney see each other?")).toBe(true);
    expect(asksToMeet("will they meet in person")).toBe(true);
    expect(asksToMeet("Les deux ministres se rencontreront-ils ?")).toBe(true);
    expect(asksToMeet("who did Rutte meet in Ankara?")).toBe(false);
    expect(asksToMeet("qu'a vu le secrétaire général à Evenes ?")).toBe(false);
    expect(asksToMeet("rutte et carney vont-ils se voir à ottawa ?")).toBe(true);
    expect(asksToMeet("l'ukraine va-t-elle se voir accorder l'adhésion ?")).toBe(false);
  });

  it("searches it with the verb of meeting releases use, in the question's language", () => {
    expect(meetingAsWritten("est-ce que rutte et carney vont se voir en personne ?", "fr")).toBe(
      "est-ce que rutte et carney vont rencontrer ?",
    );
    expect(meetingAsWritten("Will Rutte and Carney see each other in person?", "en")).toBe(
      "Will Rutte and Carney meet ?",
    );
    expect(meetingAsWritten("who did Rutte meet in Ankara?", "en")).toBe("who did Rutte meet in Ankara?");
  });

  it("is answered by a sentence about a meeting, not by their phone call", () => {
    const q = "est-ce que rutte et carney vont se voir en personne ?";
    const call = "Mark Rutte s'est entretenu au téléphone avec le Premier ministre du Canada, Mark Carney.";
    expect(answers(q, "fr", passage(call, "fr"))).toBe(false);
    const meeting = "Les deux dirigeants sont convenus de se rencontrer à Ottawa au début de 2026.";
    expect(answers(q, "fr", passage(meeting, "fr"))).toBe(true);
    const translated = passage("The two leaders agreed to find themselves in Ottawa.", "en", {
      lang: "fr",
      text: meeting,
    });
    expect(answers("will rutte and carney see each other in person?", "en", translated)).toBe(true);
  });
});
