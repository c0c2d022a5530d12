/**
 * The qa-quality benchmark's judgement of one reply, kept apart so its unit test can pin the rule down.
 *
 * Matching rule: both sides are normalised (Unicode NFKC, lower case, typographic quotes, apostrophes and dashes
 * made plain, no-break spaces made spaces, `[n]` citation markers removed, runs of spaces collapsed; accents are
 * kept, so « marché » and "marche" differ). An answerable question is ANSWERED when the reply's status is
 * "answered", its text is not a "no answer" message, it cites the expected release, and its normalised text
 * contains the normalised expected quote in one of the languages the release is stored in (the original sentence,
 * or NATO's own translation of it for a paired release). A machine-translated passage therefore counts only when
 * the reply also quotes the original sentence, as the issue asks. An unanswerable question is DECLINED when the
 * status is "no-answer".
 */

export interface ReplyLike {
  status: string;
  text: string;
  citations: { releaseId: string }[];
}

export interface Expected {
  releaseId: string;
  /** The short exact substring that holds the answer, in each stored language that has one. */
  quotes: string[];
}

/**
 * "answered" and "declined" are the successes. The other verdicts say how a reply missed, for the misses' causes:
 * "wrong-release" cites none of the expected release (or answers an unanswerable question); "translated-only"
 * cites it and shows a machine translation but not the original quote (perhaps the right sentence, unverifiable,
 * and not what the issue accepts); "wrong-sentence" cites it but quotes another sentence.
 */
export type Verdict = "answered" | "declined" | "refused" | "wrong-release" | "translated-only" | "wrong-sentence";

const MACHINE_LABEL = [/machine translation \(offline/u, /traduction automatique \(hors ligne/u];
const NO_ANSWER = [/^no answer in the stored releases/u, /^pas de réponse dans les communiqués/u];

export function normaliseForMatch(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s*\[\d+(?:\]\s*\[\d+)*\]/gu, " ")
      .replace(/[\u2018\u2019\u02bc\u2032`]/gu, "'")
      // French guillemets carry a (no-break) space inside: « x » and "x" compare equal.
      .replace(/\u00ab[\s\u00a0\u202f]*|[\s\u00a0\u202f]*\u00bb/gu, '"')
      .replace(/[\u201c\u201d\u201e]/gu, '"')
      .replace(/[\u2010-\u2015\u2212]/gu, "-")
      .replace(/[\s\u00a0\u202f]+/gu, " ")
      .trim()
  );
}

/** true when the normalised reply contains the normalised quote (the quote's end punctuation ignored). */
export function containsQuote(reply: string, quote: string): boolean {
  const q = normaliseForMatch(quote).replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/gu, "");
  return q.length > 0 && normaliseForMatch(reply).includes(q);
}

export function saysNoAnswer(text: string): boolean {
  const t = normaliseForMatch(text);
  return NO_ANSWER.some((re) => re.test(t));
}

/** What the reply is, for an answerable question (`expected`) or an unanswerable one (undefined). */
export function judge(reply: ReplyLike, expected: Expected | undefined): Verdict {
  if (reply.status === "refused") return "refused";
  if (reply.status !== "answered" || saysNoAnswer(reply.text)) return "declined";
  if (!expected || !reply.citations.some((c) => c.releaseId === expected.releaseId)) return "wrong-release";
  if (expected.quotes.some((q) => containsQuote(reply.text, q))) return "answered";
  const text = normaliseForMatch(reply.text);
  return MACHINE_LABEL.some((re) => re.test(text)) ? "translated-only" : "wrong-sentence";
}
