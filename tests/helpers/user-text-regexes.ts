/**
 * The functions that run regexes over text a user (or a fetched page) controls, and the worst shapes of such text:
 * shared by the pass/fail test that checks the regexes' shape (tests/unit/regex-linear.test.ts) and the benchmark
 * that times how their work grows (`npm run bench -- abuse`, part 3).
 */
import { chatCommand } from "../../adapters/slack/listeners/events/chat-command.js";
import { escapeText } from "../../adapters/slack/render/escape.js";
import { plainText } from "../../adapters/teams/handlers/turn-context.js";
import { escapeCardText } from "../../adapters/teams/render/escape.js";
import { cleanGeneratedText } from "../../src/core/briefing/clean-text.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { canonicalizeUrl } from "../../src/core/ingest/canonical-url.js";
import { detectIso6393 } from "../../src/core/ingest/detect-language.js";
import { extractPublishedDate } from "../../src/core/ingest/extract-date.js";
import { normalizeText, parseReleaseText, titleFromSentence } from "../../src/core/ingest/parse-text.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { narrowByDate } from "../../src/core/qa/date-words.js";
import { carriesFigure, countedNoun, measureAsked } from "../../src/core/qa/figure-kind.js";
import { detectQuestionLanguage } from "../../src/core/qa/question-language.js";
import { findDates } from "../../src/core/text/dates.js";
import { fold } from "../../src/core/text/fold.js";
import { findNames } from "../../src/core/text/names.js";
import { findQuantities } from "../../src/core/text/quantities.js";
import { splitSentences } from "../../src/core/text/sentences.js";
import { markWords, sourceWords } from "../../src/infra/offline/apertium-stream.js";
import { defaultGlossary } from "../../src/infra/offline/glossary.js";
import { datePhraseSpans } from "../../src/infra/offline/rules/date-phrases.js";
import { createMtRules } from "../../src/infra/offline/rules/index.js";
import { numberSpans } from "../../src/infra/offline/rules/numbers.js";
import { verbPhraseSpans } from "../../src/infra/offline/rules/verb-phrases.js";
import { coverageWords, tokenize } from "../../src/infra/qa/analyzer.js";

const today = new Date("2026-03-01T12:00:00Z");
const mtRules = createMtRules(defaultGlossary().terms);

/**
 * Every function that runs regexes over text a user (or a fetched page) controls, before or without a size limit
 * that would make it harmless (issue 15, finding 2).
 */
export const ENTRY_POINTS: Record<string, (text: string) => unknown> = {
  "language detection (detectIso6393)": detectIso6393,
  "question language": (t) => detectQuestionLanguage(t, "en"),
  "date words of a question (narrowByDate)": (t) => narrowByDate(t, today),
  "figure a question asks for (figure-kind)": (t) => [measureAsked(t, countedNoun(t)), measureAsked(t)],
  "figures of a passage (figure-kind)": (t) =>
    (["money", "temperature", "distance", "times", undefined] as const).map((measure) =>
      carriesFigure({ measure, counted: measure ? undefined : ["x"], given: { digits: new Set() } }, t, "fr"),
    ),
  "pasted text clean-up (normalizeText)": normalizeText,
  "pasted text → title and paragraphs": (t) => parseReleaseText(t),
  "title from a first sentence": titleFromSentence,
  "published date of a text": extractPublishedDate,
  "command parser": parseCommand,
  "chat line (console, Teams)": commandOrQuestion,
  "Slack chat line (mentions removed)": chatCommand,
  "Teams message text (tags, entities)": plainText,
  "Slack mrkdwn escaping": escapeText,
  "Teams card text escaping": escapeCardText,
  "URL canonicalisation": (t) => {
    try {
      return canonicalizeUrl(`https://www.nato.int/${t}`);
    } catch {
      return undefined;
    }
  },
  "dates in text (fact guard)": (t) => findDates(t, "en"),
  "quantities in text (fact guard)": (t) => findQuantities(t, "fr"),
  "names in text (fact guard)": (t) => findNames(t, "en"),
  "sentence splitter": splitSentences,
  "folding for search": fold,
  "search tokenizer": tokenize,
  "coverage words of a question": coverageWords,
  "generated text clean-up": (t) => cleanGeneratedText(t, t),
  // Offline translation (issue 13): `translate` takes up to 50,000 characters on the command line.
  "offline MT: dates with their preposition": (t) => [datePhraseSpans(t, "en", "fr"), datePhraseSpans(t, "fr", "en")],
  "offline MT: verb phrases": (t) => [verbPhraseSpans(t, "fr", "en"), verbPhraseSpans(t, "en", "fr")],
  "offline MT: plain figures": (t) => [numberSpans(t, "en", "fr"), numberSpans(t, "fr", "en")],
  "offline MT: source words in word-bound blanks": (t) => markWords(t, sourceWords(t)),
  "offline MT: post-editing rules": (t) => [mtRules.post(t, "fr"), mtRules.post(t, "en")],
};

/** `unit` repeated (and cut) to n characters. */
export const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/**
 * Worst shapes for regexes over user text: long runs of one character class (what backtracking retries from every
 * position), runs of separators, spaces and punctuation, and near-misses of the patterns we look for (e-mail, URL,
 * tags, entities, dates, numbers, acronyms, names, quotes).
 */
export const WORST_SHAPES: Record<string, (n: number) => string> = {
  "one word of letters": repeat("a"),
  "capitals without spaces": repeat("A"),
  "Title Case words": repeat("Aaaa "),
  digits: repeat("1"),
  "digits and separators": repeat("1 000,"),
  "at signs in a word": repeat("a@"),
  "URL prefixes": repeat("http://a"),
  "unclosed tags": repeat("<a "),
  "unclosed mentions": repeat("<@U"),
  "entities without end": repeat("&amp"),
  "quotes and apostrophes": repeat("l'«\""),
  "dashes and hyphens": repeat("-–a"),
  "date-like": repeat("12 jan 2024 "),
  "mixed classes": repeat("Aa1.@:/<>&'- "),
  // Runs that a `\s+` or `[.,;:!?]+` retries from every position when what must follow never comes.
  "runs of spaces": (n) => `${" ".repeat(n - 1)}a`,
  "runs of punctuation": (n) => `${".".repeat(n - 1)}a`,
};
