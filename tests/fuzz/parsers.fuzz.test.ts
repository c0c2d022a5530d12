import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatCommand } from "../../adapters/slack/listeners/events/chat-command.js";
import { plainText } from "../../adapters/teams/handlers/turn-context.js";
import { checkFacts } from "../../src/core/briefing/fact-guard.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { draftFromHtml, draftFromText } from "../../src/core/ingest/index.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { parseFeed } from "../../src/infra/sources/feed-parser.js";
import { parseSitemap } from "../../src/infra/sources/sitemap-parser.js";
import { briefPart, commandLine, feedXml, html, RELEASE, sitemapXml } from "./arbitraries.js";
import { count, report, runs } from "./fuzz-budget.js";

/** Errors that mean "this input is bad" and are shown to the user as such; anything else is a bug. */
const INPUT_ERRORS = new Set(["IngestError", "XmlError", "ListingError", "FetchError"]);

/**
 * Runs one case: it may refuse the input with an input error, never throw anything else. How long a case holds
 * the event loop is measured by `npm run bench -- abuse` (part 4), not here: timings belong in benchmarks.
 */
function tryCase(name: string, work: () => unknown): boolean {
  count(name);
  try {
    work();
  } catch (err) {
    if (!(err instanceof Error) || !INPUT_ERRORS.has(err.name)) throw err;
  }
  return true;
}

// Each function once before the cases: the first call compiles it (and loads linkedom, Readability, franc).
beforeAll(() => {
  draftFromHtml(
    `<html><body><h1>T</h1><p>${"Allies met in Brussels. ".repeat(20)}</p></body></html>`,
    "https://www.nato.int/a",
  );
  draftFromText(`Title\n\n${"NATO Allies met in Brussels on Tuesday to agree a plan. ".repeat(10)}`);
  parseFeed('<rss version="2.0"><channel><title>t</title></channel></rss>', "https://www.nato.int/rss.xml");
  parseSitemap("<urlset><url><loc>https://www.nato.int/a</loc></url></urlset>", "https://www.nato.int/sitemap.xml");
  checkFacts({ en: { headline: "NATO", summary: "10 billion", keyPoints: [] } }, RELEASE);
});

afterAll(() => {
  report("parsers");
});

describe("fuzz: parsers and the fact guard never crash (issue 15)", () => {
  it("the command parser and chat lines answer every text with a command", () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        for (const [name, parse] of [
          ["parseCommand", parseCommand],
          ["commandOrQuestion", commandOrQuestion],
          ["slack chatCommand", chatCommand],
        ] as const) {
          tryCase(name, () => expect(typeof parse(line).kind).toBe("string"));
        }
        tryCase("teams plainText", () => plainText(line));
      }),
      { numRuns: runs(700) },
    );
  });

  it("the feed and sitemap parsers refuse bad XML with an XmlError, nothing else", () => {
    fc.assert(
      fc.property(feedXml, (xml) => tryCase("feed", () => parseFeed(xml, "https://www.nato.int/rss.xml"))),
      { numRuns: runs(600) },
    );
    fc.assert(
      fc.property(sitemapXml, (xml) => tryCase("sitemap", () => parseSitemap(xml, "https://www.nato.int/sitemap.xml"))),
      { numRuns: runs(400) },
    );
  });

  it("pages and pasted text become a release draft or an IngestError", () => {
    fc.assert(
      fc.property(html, (page) => tryCase("page", () => draftFromHtml(page, "https://www.nato.int/cps/en/a.htm"))),
      { numRuns: runs(300) },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), (text) =>
        tryCase("pasted text", () => draftFromText(text)),
      ),
      { numRuns: runs(200) },
    );
  });

  it("the fact guard checks any brief against a release without throwing", () => {
    fc.assert(
      fc.property(briefPart, briefPart, (en, fr) =>
        tryCase("fact guard", () => {
          const check = checkFacts({ en, fr }, RELEASE);
          expect(check).toBeTypeOf("object");
        }),
      ),
      { numRuns: runs(300) },
    );
  });
});
