/**
 * The words of `/nato-brief` (Slack), the Teams command menu and the console chat, parsed once for every
 * platform. Parsing never throws: bad input becomes `{ kind: "help", problem }` so each adapter can show the
 * help text with what was wrong.
 */
import { closest } from "../text/closest.js";
import { INPUT_LIMITS, tooLong } from "./input-limits.js";
import { MAX_TRANSLATE_CHARS } from "./translate-command.js";

export type LangPreference = "en" | "fr" | "both";

export type Command =
  | { kind: "latest"; count: number }
  | { kind: "url"; url: string }
  | { kind: "show"; id: string }
  | { kind: "search"; words: string }
  | { kind: "ask"; question: string }
  | {
      kind: "subscribe";
      time?: string;
      /** "daily", "weekdays", or a day of the week ("mon") for a weekly digest. */
      days?: string;
      timezone?: string;
      languages?: LangPreference;
      topics: string[];
    }
  | { kind: "unsubscribe" }
  | { kind: "lang"; language: LangPreference }
  /** Text to translate between English and French; `from`/`to` when the user said (`translate en>fr …`). */
  | { kind: "translate"; text: string; from?: "en" | "fr"; to?: "en" | "fr" }
  | { kind: "help"; problem?: string };

export const MAX_LATEST = 10;
export { MAX_TRANSLATE_CHARS };

/** The command words, for "did you mean …?" (the French aliases are answered too, but not suggested). */
const COMMAND_WORDS = ["latest", "show", "search", "ask", "subscribe", "unsubscribe", "lang", "help"];

export function parseCommand(input: string): Command {
  // Before any other work: a huge message costs one comparison.
  if (input.length > INPUT_LIMITS.commandChars) {
    return { kind: "help", problem: tooLong("The message", input.length, INPUT_LIMITS.commandChars) };
  }
  const text = input.trim();
  if (!text) return { kind: "latest", count: 1 };
  const [first = "", ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  const tail = text.slice(first.length).trim();
  switch (word) {
    case "latest":
    case "dernier":
    case "derniers": {
      if (!tail) return { kind: "latest", count: 1 };
      const n = Number(tail);
      if (!Number.isInteger(n) || n < 1 || n > MAX_LATEST) {
        return { kind: "help", problem: `latest takes a number from 1 to ${MAX_LATEST} (got "${tail}")` };
      }
      return { kind: "latest", count: n };
    }
    case "show":
      if (tail.length > INPUT_LIMITS.idChars) {
        return { kind: "help", problem: tooLong("show's release id", tail.length, INPUT_LIMITS.idChars) };
      }
      return tail ? { kind: "show", id: tail } : { kind: "help", problem: "show needs a release id" };
    case "search":
    case "chercher":
      if (tail.length > INPUT_LIMITS.searchChars) {
        return { kind: "help", problem: tooLong("What to search for", tail.length, INPUT_LIMITS.searchChars) };
      }
      return tail ? { kind: "search", words: tail } : { kind: "help", problem: "search needs some words to look for" };
    case "ask":
    case "question":
      return tail ? { kind: "ask", question: tail } : { kind: "help", problem: "ask needs a question" };
    case "subscribe":
      return parseSubscribe(rest);
    case "unsubscribe":
      return { kind: "unsubscribe" };
    case "lang":
    case "langue":
      return isLangPreference(tail.toLowerCase())
        ? { kind: "lang", language: tail.toLowerCase() as LangPreference }
        : { kind: "help", problem: `lang takes en, fr or both (got "${tail}")` };
    case "translate":
    case "traduire":
    case "traduis":
      return parseTranslate(tail);
    case "help":
    case "aide":
    case "?":
      return { kind: "help" };
    default: {
      if (first.length > INPUT_LIMITS.urlChars && /^<?https?:/iu.test(first)) {
        return { kind: "help", problem: tooLong("The link", first.length, INPUT_LIMITS.urlChars) };
      }
      const url = /^<?(https?:\/\/[^\s|>]+)(?:\|[^>]*)?>?$/i.exec(first)?.[1];
      if (url && rest.length === 0) return { kind: "url", url };
      const shown = first.length > 40 ? `${first.slice(0, 40)}…` : first;
      const near = closest(word, COMMAND_WORDS);
      return { kind: "help", problem: `unknown command "${shown}"${near ? ` (did you mean ${near}?)` : ""}` };
    }
  }
}

/** `translate [en>fr|fr>en] TEXT`: an explicit direction first, else the language is detected. */
function parseTranslate(tail: string): Command {
  const m = /^(en|fr)\s*(?:>|→|->|-|:)\s*(en|fr)(?:\s+|$)/iu.exec(tail);
  const text = (m ? tail.slice(m[0].length) : tail).trim();
  if (!text)
    return { kind: "help", problem: "translate needs some text, e.g. translate Allies agreed to step up support" };
  if (text.length > MAX_TRANSLATE_CHARS) {
    return { kind: "help", problem: tooLong("The text to translate", text.length, MAX_TRANSLATE_CHARS) };
  }
  if (!m) return { kind: "translate", text };
  const from = m[1]!.toLowerCase() as "en" | "fr";
  const to = m[2]!.toLowerCase() as "en" | "fr";
  if (from === to) return { kind: "help", problem: `translate goes between English and French (got ${from}>${to})` };
  return { kind: "translate", text, from, to };
}

function parseSubscribe(words: string[]): Command {
  const cmd: Extract<Command, { kind: "subscribe" }> = { kind: "subscribe", topics: [] };
  for (const w of words) {
    if (/^\d{1,2}:\d{2}$/.test(w)) {
      const [h, m] = w.split(":").map(Number) as [number, number];
      if (h > 23 || m > 59) return { kind: "help", problem: `subscribe: "${w}" is not a time of day (HH:MM, 24-hour)` };
      cmd.time = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
    } else if (/^[A-Za-z]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?$/.test(w) || w === "UTC") cmd.timezone = w;
    else if (isLangPreference(w.toLowerCase())) cmd.languages = w.toLowerCase() as LangPreference;
    else if (SCHEDULE_WORDS.has(w.toLowerCase())) cmd.days = w.toLowerCase();
    else if (w.length > INPUT_LIMITS.topicChars) {
      return {
        kind: "help",
        problem: tooLong(`subscribe: the topic "${w.slice(0, 20)}…"`, w.length, INPUT_LIMITS.topicChars),
      };
    } else if (cmd.topics.length >= INPUT_LIMITS.topics) {
      return { kind: "help", problem: `subscribe takes at most ${INPUT_LIMITS.topics} topics` };
    } else cmd.topics.push(w);
  }
  return cmd;
}

/** Words of `subscribe` that say which days; anything else that is not a time, zone or language is a topic. */
const SCHEDULE_WORDS = new Set(
  "daily weekdays sun mon tue wed thu fri sat sunday monday tuesday wednesday thursday friday saturday".split(" "),
);

function isLangPreference(v: string): v is LangPreference {
  return v === "en" || v === "fr" || v === "both";
}

export const HELP_TEXT = [
  "/nato-brief — briefs of NATO releases in English and French",
  "  latest [N]        the latest brief(s) (default 1, at most 10)",
  "  <URL>             brief of a NATO page (allowed hosts only)",
  "  show ID           the brief of a stored release",
  "  search WORDS      find stored releases",
  "  ask QUESTION      answer from the stored releases, with sources",
  "  subscribe [HH:MM] [daily|weekdays|mon…sun] [Area/City] [en|fr|both] [topics…]   digest in this channel",
  "  unsubscribe       stop the digest in this channel",
  "  lang en|fr|both   your language preference",
  `  translate [en>fr|fr>en] TEXT   offline machine translation (Apertium), up to ${MAX_TRANSLATE_CHARS.toLocaleString("en-GB")} characters`,
  "  help              this text",
].join("\n");
