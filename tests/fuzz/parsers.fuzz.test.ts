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
import { BlockClock, count, MAX_BLOCK_MS, report, runs } from "./fuzz-budget.js";

/** Errors that mean "this input is bad" and are shown to the user as such; anything else is a bug. */
const INPUT_ERRORS = new Set(["IngestError", "XmlError", "ListingError", "FetchError"]);
let slowest = 0;

/** Runs one case: it may refuse the input with an input error, never throw anything else nor block too long. */
function tryCase(name: string, work: () => unknown): boolean {
  count(name);
  const clock = new BlockClock();
  try {
    work();
  } catch (err) {
    if (!(err instanceof Error) || !INPUT_ERRORS.has(err.name)) throw err;
  }
  const ms = clock.lap();
  slowest = Math.max(slowest, ms);
  if (ms > MAX_BLOCK_MS) throw new Error(`${name}: one case held the event loop ${ms.toFixed(0)} ms`);
  return true;
}

const COMMAND_WORDS = ["latest", "dernier", "show", "search", "chercher", "ask", "subscribe", "unsubscribe", "lang"];
const WORDS = ["help", "aide", "?", "08:00", "25:99", "Europe/Brussels", "fr", "both", "daily", "mon", "<@U123>"];
const word = fc.oneof(
  fc.constantFrom(...COMMAND_WORDS, ...WORDS, "https://www.nato.int/cps/en/natohq/news_1.htm", "<https://x|y>"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.stringMatching(/^[A-Za-z@:/<>&.'-]{1,40}$/),
);
const commandLine = fc.oneof(
  fc.array(word, { maxLength: 12 }).map((w) => w.join(" ")),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc
    .tuple(fc.constantFrom("a", "A", "1", "@", " ", "<", "-"), fc.integer({ min: 1, max: 20_000 }))
    .map(([c, n]) => c.repeat(n)),
);

const xmlText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom("&amp;", "&lt;", "<![CDATA[x]]>", "&#x1F600;", "&bogus;", "]]>", "<", "\u0000"),
);
const feedXml = fc
  .record({
    kind: fc.constantFrom("rss", "atom", "other"),
    title: xmlText,
    link: fc.oneof(xmlText, fc.constantFrom("https://www.nato.int/a", "/rel", "javascript:alert(1)", "")),
    date: fc.oneof(xmlText, fc.constantFrom("Tue, 13 Feb 2024 10:00:00 GMT", "2024-02-13T10:00:00Z", "yesterday")),
    items: fc.integer({ min: 0, max: 5 }),
    cut: fc.nat({ max: 600 }),
    doctype: fc.boolean(),
  })
  .map((f) => {
    const item =
      f.kind === "atom"
        ? `<entry><title>${f.title}</title><link href="${f.link}"/><updated>${f.date}</updated></entry>`
        : `<item><title>${f.title}</title><link>${f.link}</link><pubDate>${f.date}</pubDate></item>`;
    const body = item.repeat(f.items);
    const doc =
      f.kind === "atom"
        ? `<feed xmlns="http://www.w3.org/2005/Atom">${body}</feed>`
        : f.kind === "rss"
          ? `<rss version="2.0"><channel><title>${f.title}</title>${body}</channel></rss>`
          : `<html>${body}</html>`;
    const prolog = f.doctype ? '<!DOCTYPE x [<!ENTITY a "aaaa">]>' : "";
    const full = `<?xml version="1.0"?>${prolog}${doc}`;
    return f.cut > 0 && f.cut < full.length ? full.slice(0, f.cut) : full;
  });
const sitemapXml = fc
  .record({ index: fc.boolean(), locs: fc.array(xmlText, { maxLength: 6 }), cut: fc.nat({ max: 400 }) })
  .map((s) => {
    const tag = s.index ? "sitemap" : "url";
    const root = s.index ? "sitemapindex" : "urlset";
    const full = `<${root}>${s.locs.map((l) => `<${tag}><loc>${l}</loc><lastmod>2024-02-13</lastmod></${tag}>`).join("")}</${root}>`;
    return s.cut > 0 && s.cut < full.length ? full.slice(0, s.cut) : full;
  });
const html = fc
  .record({
    title: fc.string({ unit: "grapheme", maxLength: 80 }),
    paragraphs: fc.array(fc.string({ unit: "grapheme", maxLength: 300 }), { maxLength: 8 }),
    junk: fc.constantFrom("", "<script>alert(1)</script>", "<p", "<<<>>>", "&nbsp;".repeat(50), "<div>".repeat(200)),
  })
  .map(
    (p) =>
      `<html lang="en"><head><title>${p.title}</title></head><body>${p.junk}<h1>${p.title}</h1>${p.paragraphs.map((x) => `<p>${x}</p>`).join("")}</body></html>`,
  );

const RELEASE = {
  texts: {
    en: {
      lang: "en" as const,
      title: "Secretary General meets EU Commissioner Thierry Breton",
      paragraphs: [
        "On 13 February 2024, NATO Secretary General Jens Stoltenberg received Thierry Breton in Brussels.",
        "NSPA has authorised contracts worth about 10 billion dollars, including 155 mm ammunition.",
      ],
      official: true,
    },
  },
};
const briefText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom("10 billion dollars", "10 milliards de dollars", "13 February 2024", "Jens Stoltenberg", "155-mm"),
  fc
    .array(fc.constantFrom("NATO", "Breton", "1", "2024", "février", "Brussels", " ", ".", "milliards"), {
      maxLength: 30,
    })
    .map((a) => a.join(" ")),
);
const briefPart = fc.record({
  headline: briefText,
  summary: briefText,
  keyPoints: fc.array(briefText, { maxLength: 6 }),
});

// Each function once before any case is timed: the first call compiles it (and loads linkedom, Readability, franc).
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
  console.log(`fuzz parsers: slowest case ${slowest.toFixed(1)} ms (bound ${MAX_BLOCK_MS} ms)`);
});

describe("fuzz: parsers and the fact guard never crash nor block (issue 15)", () => {
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
