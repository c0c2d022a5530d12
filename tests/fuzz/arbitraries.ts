import fc from "fast-check";
import { MALFORMED_KINDS, malformed } from "../helpers/slack-malformed.js";
import { blockAction, eventCallback, slashCommand } from "../helpers/slack-requests.js";

/**
 * The fuzz suite's inputs (issue 15), shared by its pass/fail properties (tests/fuzz/*.fuzz.test.ts) and by the
 * benchmark that times the event-loop blocks they cause (`npm run bench -- abuse`, part 4).
 */

// Parsers and the fact guard.
const COMMAND_WORDS = ["latest", "dernier", "show", "search", "chercher", "ask", "subscribe", "unsubscribe", "lang"];
const WORDS = ["help", "aide", "?", "08:00", "25:99", "Europe/Brussels", "fr", "both", "daily", "mon", "<@U123>"];
const word = fc.oneof(
  fc.constantFrom(...COMMAND_WORDS, ...WORDS, "https://www.nato.int/cps/en/natohq/news_1.htm", "<https://x|y>"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.stringMatching(/^[A-Za-z@:/<>&.'-]{1,40}$/),
);
export const commandLine = fc.oneof(
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
export const feedXml = fc
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
export const sitemapXml = fc
  .record({ index: fc.boolean(), locs: fc.array(xmlText, { maxLength: 6 }), cut: fc.nat({ max: 400 }) })
  .map((s) => {
    const tag = s.index ? "sitemap" : "url";
    const root = s.index ? "sitemapindex" : "urlset";
    const full = `<${root}>${s.locs.map((l) => `<${tag}><loc>${l}</loc><lastmod>2024-02-13</lastmod></${tag}>`).join("")}</${root}>`;
    return s.cut > 0 && s.cut < full.length ? full.slice(0, s.cut) : full;
  });
export const html = fc
  .record({
    title: fc.string({ unit: "grapheme", maxLength: 80 }),
    paragraphs: fc.array(fc.string({ unit: "grapheme", maxLength: 300 }), { maxLength: 8 }),
    junk: fc.constantFrom("", "<script>alert(1)</script>", "<p", "<<<>>>", "&nbsp;".repeat(50), "<div>".repeat(200)),
  })
  .map(
    (p) =>
      `<html lang="en"><head><title>${p.title}</title></head><body>${p.junk}<h1>${p.title}</h1>${p.paragraphs.map((x) => `<p>${x}</p>`).join("")}</body></html>`,
  );

export const RELEASE = {
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
export const briefPart = fc.record({
  headline: briefText,
  summary: briefText,
  keyPoints: fc.array(briefText, { maxLength: 6 }),
});

// Signed Slack requests and Teams activities.
export const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.constantFrom("help", "latest 2", "search ammunition", "show nope", "lang fr", "subscribe 08:00 x", "<@U1> hi"),
  fc.tuple(fc.constantFrom("a", "@", "A", " "), fc.integer({ min: 1, max: 15_000 })).map(([c, n]) => c.repeat(n)),
);
/** Any JSON value, with the odd shapes Slack never sends. */
export const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, [], 0, "", { type: 5 }, { command: 1 }),
);

/** A signed request: a real shape with fuzzed fields, a known malformed kind, or raw junk. */
export const slackRequest = fc.oneof(
  text.map((t) => slashCommand({ text: t, responseUrl: "" })),
  fc
    .record({ t: fc.oneof(text, json), u: fc.oneof(fc.constant("U1"), json) })
    .map(({ t, u }) =>
      eventCallback({ type: "message", channel: "D1", channel_type: "im", user: u, text: t, ts: "1.1" }, "Ev"),
    ),
  fc
    .record({ a: fc.constantFrom("brief_show", "brief_share", "brief_lang_fr", "brief_fb_up", "x"), v: text })
    .map(({ a, v }) => blockAction({ actionId: a, value: v, responseUrl: "" })),
  fc.constantFrom(...MALFORMED_KINDS).map((k) => malformed(k, "")),
  json.map((v) => ({ body: JSON.stringify(v) ?? "null", contentType: "application/json" })),
  json.map((v) => ({
    body: new URLSearchParams({ payload: JSON.stringify(v) ?? "" }).toString(),
    contentType: "application/x-www-form-urlencoded",
  })),
  fc
    .string({ unit: "binary", maxLength: 300 })
    .map((b) => ({ body: b, contentType: "application/x-www-form-urlencoded" })),
);

/** A Teams activity with fuzzed fields around a real shape; `connectorUrl` is the fake connector's. */
export function teamsActivity(connectorUrl: string) {
  return fc.record(
    {
      type: fc.oneof(fc.constantFrom("message", "conversationUpdate", "invoke", "installationUpdate"), json),
      text,
      value: json,
      serviceUrl: fc.oneof(fc.constant(connectorUrl), fc.constantFrom("http://127.0.0.1:1/", "file:///x"), json),
      conversation: fc.oneof(fc.constant({ id: "a:fuzz", conversationType: "personal" }), json),
      from: fc.oneof(fc.constant({ id: "29:fuzz" }), json),
    },
    { requiredKeys: ["type", "serviceUrl"] },
  );
}
