import { describe, expect, it } from "vitest";
import { answerCard, searchCard } from "../../adapters/teams/render/answer-card.js";
import { briefCard } from "../../adapters/teams/render/brief-card.js";
import { decodeCardAction, encodeCardAction } from "../../adapters/teams/render/card-actions.js";
import { type AdaptiveCard, cardBytes, MAX_CARD_BYTES } from "../../adapters/teams/render/card-types.js";
import { digestCard } from "../../adapters/teams/render/digest-card.js";
import { escapeCardText, safeUrl } from "../../adapters/teams/render/escape.js";
import { helpCard } from "../../adapters/teams/render/help-card.js";
import { languagesFor } from "../../adapters/teams/render/languages.js";
import { renderReply } from "../../adapters/teams/render/reply-messages.js";
import type { Reply } from "../../src/core/commands/command-handler.js";
import { sampleBrief, sampleDigestPart } from "../helpers/teams-fixtures.js";
import { adaptiveCardValidator } from "../helpers/teams-schemas.js";

const validate = adaptiveCardValidator();
function expectValid(card: AdaptiveCard): void {
  const ok = validate(card);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}
const texts = (card: AdaptiveCard): string => JSON.stringify(card.body);

describe("Teams brief card", () => {
  it("carries both languages with their provenance labels, links and buttons, valid against Adaptive Card 1.5", () => {
    const card = briefCard(sampleBrief(), { languages: ["en", "fr"] });
    expectValid(card);
    const body = texts(card);
    expect(body).toContain("Allies discuss defence industrial capacity");
    expect(body).toContain("Les Alliés évoquent la capacité industrielle");
    expect(body).toContain("English · Official NATO translation");
    expect(body).toContain("Français · Text of the release");
    expect(body).toContain("[English](https://www.nato.int/cps/en/natohq/news_222.htm)");
    expect(body).toContain("[Français](https://www.nato.int/cps/fr/natohq/news_222.htm)");
    expect(card.version).toBe("1.5");
    const titles = card.actions?.map((a) => a.title);
    expect(titles).toEqual(["English", "Français", "👍", "👎"]);
    const feedback = card.actions?.find((a) => a.title === "👍");
    expect(feedback?.type === "Action.Submit" && decodeCardAction(feedback.data)).toEqual({
      action: "feedback",
      vote: "up",
      releaseId: "r-2024-0213",
      contentHash: "abc123",
      engine: "offline",
      promptVersion: "extractive-1",
    });
  });

  it("shows one language with the switch offering the others", () => {
    const card = briefCard(sampleBrief(), { languages: ["fr"] });
    expectValid(card);
    expect(texts(card)).not.toContain("Allies discuss");
    expect(card.actions?.slice(0, 2).map((a) => a.title)).toEqual(["English", "English + Français"]);
  });

  it("keeps a 50,000-word brief under 80 KB, says it was shortened and links the full release", () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `word${i % 97}`).join(" ");
    const brief = sampleBrief();
    brief.en = { headline: words, summary: words, keyPoints: [words, words, words, words, words, words] };
    brief.fr = { headline: words, summary: words, keyPoints: [words, words, words] };
    const card = briefCard(brief, { languages: ["en", "fr"] });
    expectValid(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(texts(card)).toContain(
      "Shortened to fit a Teams message: [read the full release](https://www.nato.int/cps/en/",
    );
  });

  it("leaves an ordinary brief untouched (no shortening notice)", () => {
    expect(texts(briefCard(sampleBrief(), { languages: ["en", "fr"] }))).not.toContain("Shortened");
  });

  it("neutralises links, mentions, card functions and markup that come from the release", () => {
    const brief = sampleBrief();
    brief.en.summary = "See [NATO](https://evil.example) <at>Jens</at> {{DATE(2024-02-13T00:00:00Z)}} **bold** _it_";
    brief.en.keyPoints = ["- not a list", "1. not numbered", "<https://evil.example>"];
    brief.release.urls.en = "javascript:alert(1)";
    const body = texts(briefCard(brief, { languages: ["en"] }));
    expect(body).not.toContain("](https://evil.example)");
    expect(body).not.toContain("<at>");
    expect(body).not.toContain("{{DATE");
    expect(body).not.toContain("<https://evil");
    expect(body).toContain("\\\\*\\\\*bold\\\\*\\\\*");
    expect(body).not.toContain("javascript:");
  });

  it("names the fact-check findings and the fallback reason", () => {
    const brief = sampleBrief({
      fallbackReason: "the language model failed",
      checks: { ok: false, checkedAt: "x", findings: [{ lang: "en", kind: "number", value: "300", where: "s" }] },
    });
    const card = briefCard(brief, { languages: ["en", "fr"] });
    expectValid(card);
    expect(texts(card)).toContain("Fact check: 1 item(s) not found in the source (300)");
    expect(texts(card)).toContain("Note: the language model failed");
  });
});

describe("Teams escaping", () => {
  it("makes markdown inert without hiding text", () => {
    expect(escapeCardText("[a](b)")).toBe("[a]\u2060(b)");
    expect(escapeCardText("<at>x</at>")).toBe("<\u2060at>x<\u2060/at>");
    expect(escapeCardText("5 < 6")).toBe("5 < 6");
    expect(escapeCardText("a\u202Eb")).toBe("ab");
  });
  it("accepts only http(s) URLs and encodes parentheses", () => {
    expect(safeUrl("https://www.nato.int/a_(b)")).toBe("https://www.nato.int/a_%28b%29");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
  });
});

describe("Teams card actions", () => {
  it("round-trips our data and refuses anything else", () => {
    const lang = { action: "lang", releaseId: "r1", language: "fr" } as const;
    expect(decodeCardAction(encodeCardAction(lang))).toEqual(lang);
    expect(decodeCardAction({ natoBrief: "lang", r: "r1", l: "de" })).toBeUndefined();
    expect(decodeCardAction({ natoBrief: "feedback", r: "r1", v: "sideways", h: "h", e: "e", p: "p" })).toBeUndefined();
    expect(decodeCardAction("text")).toBeUndefined();
    expect(decodeCardAction({ natoBrief: "lang", r: "x".repeat(500), l: "en" })).toBeUndefined();
  });
  it("orders languages by preference, then locale", () => {
    expect(languagesFor(undefined, "fr-FR")).toEqual(["fr", "en"]);
    expect(languagesFor("en", "fr-FR")).toEqual(["en"]);
    expect(languagesFor("both", "en-GB")).toEqual(["en", "fr"]);
  });
});

describe("Teams replies, digests, help and answers", () => {
  it("renders every reply kind of the core", () => {
    const replies: Reply[] = [
      { kind: "briefs", briefs: [sampleBrief(), sampleBrief()] },
      { kind: "text", text: "No releases are stored yet." },
      { kind: "help", problem: 'unknown command "frobnicate"' },
      { kind: "error", message: "boom <at>x</at>" },
      { kind: "subscription", action: "subscribed", text: "Subscribed: daily at 08:00" },
      {
        kind: "answer",
        answer: {
          status: "answered",
          text: "NSPA authorised contracts worth about 10 billion dollars [1].",
          language: "en",
          citations: [
            { releaseId: "r1", title: "Breton visit", url: "https://www.nato.int/x", published: "2024-02-13" },
          ],
          engine: "extractive",
        },
      },
      {
        kind: "search",
        words: "breton",
        outcome: {
          language: "en",
          hits: [{ releaseId: "r1", title: "Breton", url: null, snippet: "Thierry Breton…" }],
        },
      },
    ];
    for (const reply of replies) {
      const messages = renderReply(reply, { languages: ["en", "fr"] });
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) if (m.kind === "card") expectValid(m.card);
    }
    expect(renderReply(replies[0]!, { languages: ["en"] })).toHaveLength(2);
    expect(renderReply(replies[3]!, { languages: ["en"] })).toEqual([
      { kind: "text", text: "⚠ boom <\u2060at>x<\u2060/at>" },
    ]);
  });

  it("renders a digest part with provenance labels and links, valid and within the limit", () => {
    const card = digestCard(sampleDigestPart(3));
    expectValid(card);
    const body = texts(card);
    expect(body).toContain("NATO digest · 2024-02-14");
    expect(body).toContain("Français · Traduction officielle de l'OTAN");
    expect(body).toContain("[English](https://www.nato.int/en/0)");
    expect(body).not.toContain("](https://evil.example)");
    expect(body).toContain("1 more matching release(s)");
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expectValid(digestCard({ ...sampleDigestPart(0) }));
  });

  it("lists the commands in the help card", () => {
    const card = helpCard("latest takes a number");
    expectValid(card);
    expect(texts(card)).toContain("latest [N]");
    expect(texts(card)).toContain("subscribe");
    expect(
      answerCard({ status: "refused", text: "Too many questions.", language: "en", citations: [], engine: "retrieval" })
        .body,
    ).toHaveLength(2);
    expectValid(searchCard("x", { language: "fr", hits: [] }));
  });
});
