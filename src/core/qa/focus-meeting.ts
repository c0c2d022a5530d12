import { unicodeBoundaries as unicode } from "../text/regexp.js";
import type { Passage } from "./qa-types.js";

/**
 * "Will Rutte and Carney see each other in person?", « est-ce que Rutte et Carney vont se voir en personne ? »:
 * people who see each other, in person or face to face, meet. Releases say so with the verb of meeting (« les deux
 * dirigeants sont convenus de se rencontrer à Ottawa », "the two leaders will meet in Ottawa"), not with "see" or
 * « personne »: the question is searched with that verb, and only a sentence that speaks of a meeting (a meeting,
 * a visit, a summit) answers it — a phone call between the same people does not.
 */

// "see each other", "meet in person", "face to face", « se voir », « se rencontrer », « en personne ». « Se voir » before
// a verb is a passive (« l'Ukraine pourrait se voir accorder… »), not a meeting.
const IN_PERSON = unicode(
  /\b(?:(?:see|seen|saw|seeing|meet|meets|met|meeting)\s+(?:each other|one another)(?:\s+in person)?|(?:see|seen|saw|seeing|meet|meets|met|meeting)\s+(?:\p{L}+\s+){0,2}?in person|in person|face[- ]to[- ]face|(?:se|s['’])\s*(?:voir|voient|verront|verra|vu|vus|revoir)(?=\s*(?:$|[?,.;]|en personne|à|au|en|lors|pendant|avant|après|bientôt|prochainement|cette|ce|début|fin)(?![\p{L}]))(?:\s+en personne)?|(?:se|s['’])\s*(?:rencontrer|rencontrent|rencontreront|rencontrera|rencontr[ée]s?)(?:\s+en personne)?|en personne|face[- ]à[- ]face|en tête[- ]à[- ]tête)\b/iu,
);

/** Whether the question asks about people meeting in person (not "who did Rutte meet?", which asks for a person). */
export function asksToMeet(question: string): boolean {
  return IN_PERSON.test(question.replace(/[’]/gu, "'"));
}

/** The question for search, its words of seeing each other said as releases say them: "meet", « rencontrer ». */
export function meetingAsWritten(question: string, lang: "en" | "fr"): string {
  if (!asksToMeet(question)) return question;
  const verb = lang === "fr" ? "rencontrer" : "meet";
  return question.replace(new RegExp(IN_PERSON.source, "giu"), ` ${verb} `).replace(/\s+/gu, " ").trim();
}

const MEETING = unicode(
  /\b(?:meet|meets|met|meeting|meetings|visit|visits|visited|visiting|summit|talks in|in person|face[- ]to[- ]face|rencontr\p{L}*|réuni\p{L}*|réunion\p{L}*|visite\p{L}*|sommet\p{L}*|en personne|face[- ]à[- ]face|tête[- ]à[- ]tête|se rendr\p{L}*|s['’]est rendue?s?)\b/iu,
);

/** Whether the passage, or the sentence it translates, speaks of a meeting (a meeting, a visit, a summit). */
export function speaksOfMeeting(passage: Passage): boolean {
  const texts = [passage.text, ...(passage.original ? [passage.original.text] : [])];
  return texts.some((t) => MEETING.test(t));
}
