/**
 * How much user text each entry point takes, checked before any other work (issue 15: one long message used to
 * stall the server for minutes). Chat platforms cap a message at 40,000 characters (Slack) or about 28 KB (Teams);
 * nothing a command needs comes near these.
 */
export const INPUT_LIMITS = {
  /** A whole command line or chat message. Above QA_MAX_QUESTION_CHARS' own ceiling (10,000). */
  commandChars: 12_000,
  /** `search WORDS`. */
  searchChars: 500,
  /** `show ID`. */
  idChars: 200,
  /** `translate TEXT` in a chat (the command line takes more: MAX_CLI_TRANSLATE_CHARS). */
  translateChars: 2_000,
  /** A pasted link. */
  urlChars: 2_048,
  /** `subscribe … topics`: how many, and how long each. */
  topics: 10,
  topicChars: 60,
} as const;

/** "… is too long: 40,001 characters, at most 12,000." in the wording every limit uses. */
export function tooLong(what: string, length: number, max: number): string {
  return `${what} is too long: ${length.toLocaleString("en-GB")} characters, at most ${max.toLocaleString("en-GB")}`;
}
