import { describe, expect, it } from "vitest";
import { decodeBriefsValue, decodeFeedbackValue } from "../../adapters/slack/render/actions.js";
import { renderBriefs } from "../../adapters/slack/render/brief-blocks.js";
import { escapeText, safeUrl, truncateEscaped } from "../../adapters/slack/render/escape.js";
import { languagesFor } from "../../adapters/slack/render/languages.js";
import { LIMITS, limitViolations, messageTextLength } from "../../adapters/slack/render/limits.js";
import { renderReply } from "../../adapters/slack/render/reply-message.js";
import type { Reply } from "../../src/core/commands/command-handler.js";
import type { Answer, SearchHit } from "../../src/core/qa/qa-types.js";
import { blockKitProblems, makeBrief } from "../helpers/slack-blocks.js";

const both = { langs: ["en", "fr"] as const, shareable: true };
const words = (n: number, word = "défense") => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(" ");
const sectionTexts = (blocks: unknown[]) =>
  (blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === "section").map((b) => b.text!.text);

describe("Slack brief blocks", () => {
  it("shows header, both languages with key points, provenance labels, links and the buttons", () => {
    const msg = renderBriefs([makeBrief()], both);
    expect(blockKitProblems(msg.blocks)).toEqual([]);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "NATO / OTAN · 2024-02-13" },
    });
    const [en, fr] = sectionTexts(msg.blocks);
    expect(en).toContain("*Allies discuss defence industry*");
    expect(en).toContain("• Two");
    expect(fr).toContain("Les Alliés évoquent l'industrie");
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain("Machine translation (offline, Apertium): may contain errors");
    expect(json).toContain("Source text (release)");
    expect(json).toContain("<https://www.nato.int/cps/en/natohq/news_abc1234567.htm|English original>");
    const actionIds = (msg.blocks as { type: string; elements?: { action_id?: string }[] }[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements!.map((e) => e.action_id));
    expect(actionIds).toEqual([
      "brief_feedback_up",
      "brief_feedback_down",
      "brief_lang_en",
      "brief_lang_fr",
      "brief_share",
    ]);
  });

  it("shows one language when asked, and offers the others", () => {
    const msg = renderBriefs([makeBrief()], { langs: ["fr"], shareable: false });
    expect(sectionTexts(msg.blocks)).toHaveLength(1);
    expect(sectionTexts(msg.blocks)[0]).toContain("Les Alliés");
    const footer = msg.blocks.at(-1) as { elements: { action_id: string; value: string }[] };
    expect(footer.elements.map((e) => e.action_id)).toEqual(["brief_lang_en", "brief_lang_both"]);
    expect(decodeBriefsValue(footer.elements[0]!.value)).toEqual({ releaseIds: ["abc1234567"], language: "en" });
  });

  it("labels an LLM brief with its model", () => {
    const brief = makeBrief({
      provenance: {
        en: { kind: "llm", model: "gpt-4.1-mini", label: "Summary by gpt-4.1-mini of the original text" },
        fr: {
          kind: "official",
          model: "gpt-4.1-mini",
          label: "Summary by gpt-4.1-mini of NATO's official translation",
        },
      },
    });
    expect(JSON.stringify(renderBriefs([brief], both).blocks)).toContain(
      "Summary by gpt-4.1-mini of the original text",
    );
  });

  it("keeps a 50,000-word release within Slack's limits, cut with a link to the release", () => {
    const huge = words(50_000);
    const brief = makeBrief({
      en: { headline: huge, summary: huge, keyPoints: [huge, huge, huge, huge, huge, huge] },
      fr: { headline: huge, summary: huge, keyPoints: [huge, huge, huge] },
      provenance: {
        en: { kind: "unavailable", label: huge, reason: huge },
        fr: { kind: "source", label: "Source text (release)" },
      },
      fallbackReason: huge,
    });
    const msg = renderBriefs([brief], both);
    expect(limitViolations(msg)).toEqual([]);
    expect(blockKitProblems(msg.blocks)).toEqual([]);
    expect(messageTextLength(msg)).toBeLessThanOrEqual(LIMITS.messageText);
    for (const text of sectionTexts(msg.blocks)) {
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(text).toMatch(
        /… <https:\/\/www\.nato\.int\/cps\/(en|fr)\/natohq\/news_abc1234567\.htm\|(Read the full release|Lire le communiqué complet)>$/,
      );
    }
  });

  it("keeps ten long briefs in both languages within 50 blocks and 12,000 characters", () => {
    const briefs = Array.from({ length: 10 }, (_, i) =>
      makeBrief({
        id: `id${i}`,
        en: { headline: words(30), summary: words(400), keyPoints: [words(80), words(80), words(80)] },
      }),
    );
    const msg = renderBriefs(briefs, both);
    expect(limitViolations(msg)).toEqual([]);
    expect(blockKitProblems(msg.blocks)).toEqual([]);
    expect(sectionTexts(msg.blocks)).toHaveLength(20);
  });

  it("drops whole briefs, and says how many, rather than exceed the block limit", () => {
    const briefs = Array.from({ length: 20 }, (_, i) => makeBrief({ id: `id${i}` }));
    const msg = renderBriefs(briefs, both);
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(JSON.stringify(msg.blocks)).toMatch(/\d+ more not shown here/);
    expect(blockKitProblems(msg.blocks)).toEqual([]);
  });

  it("renders mention and link injection in a release as harmless text", () => {
    const evil =
      "Read <!channel> and <!here|here> @here @channel <@U123> <#C999|general> <https://evil.example|click> &lt;!everyone&gt; <!subteam^S1>";
    const brief = makeBrief({
      en: { headline: `Alert ${evil}`, summary: evil, keyPoints: [evil, "ok", "fine"] },
      fr: { headline: evil, summary: evil, keyPoints: [evil] },
      provenance: { en: { kind: "source", label: evil }, fr: { kind: "official", label: evil } },
      fallbackReason: evil,
    });
    const msg = renderBriefs([brief], both);
    const json = JSON.stringify(msg);
    for (const bad of ["<!channel>", "<!here", "<@U123>", "<#C999", "<https://evil", "<!everyone>", "<!subteam"]) {
      expect(json).not.toContain(bad);
    }
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).toContain("&lt;https://evil.example|click&gt;");
    // An entity in the release shows as the characters it names, escaped again, not as a mention.
    expect(json).toContain("&amp;lt;!everyone&amp;gt;");
    // Bare @here / @channel are broken by an invisible joiner, and Slack's own parsing is off (verbatim).
    expect(json).not.toMatch(/@(here|channel)\b/);
    const texts = JSON.stringify(msg.blocks).match(/"type":"mrkdwn","text":"[^"]*","verbatim":true/g) ?? [];
    expect(texts.length).toBeGreaterThan(4);
    expect(JSON.stringify(msg.blocks)).not.toContain('"verbatim":false');
    // The only links are ours, to nato.int.
    const links = [...json.matchAll(/<(https?:[^|>]+)\|/g)].map((m) => new URL(m[1]!).host);
    expect(new Set(links)).toEqual(new Set(["www.nato.int"]));
  });

  it("never links a release URL that is not http(s)", () => {
    const brief = makeBrief();
    brief.release.urls = { en: "javascript:alert(1)", fr: "https://www.nato.int/a|b>c" };
    const json = JSON.stringify(renderBriefs([brief], both));
    expect(json).not.toContain("javascript:");
    expect(json).toContain("https://www.nato.int/a%7Cb%3Ec|Original français");
  });
});

describe("Slack text helpers", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(escapeText("R&D <b> > 5 % “quotes”")).toBe("R&amp;D &lt;b&gt; &gt; 5 % “quotes”");
  });
  it("never cuts an entity in half", () => {
    const cut = truncateEscaped(escapeText(`${"a".repeat(8)}&&&&&&`), 12);
    expect(cut).toMatch(/^a+(&amp;)*…$/);
  });
  it("accepts only http(s) URLs", () => {
    expect(safeUrl("mailto:x@y.z")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
    expect(safeUrl("https://www.nato.int/x?y=1")).toBe("https://www.nato.int/x?y=1");
  });
  it("orders both languages by the Slack locale, and keeps an explicit choice", () => {
    expect(languagesFor(undefined, "fr-FR")).toEqual(["fr", "en"]);
    expect(languagesFor(undefined, "en-GB")).toEqual(["en", "fr"]);
    expect(languagesFor(undefined, undefined)).toEqual(["en", "fr"]);
    expect(languagesFor("both", "fr-CA")).toEqual(["fr", "en"]);
    expect(languagesFor("en", "fr-FR")).toEqual(["en"]);
  });
  it("rejects forged button values", () => {
    expect(decodeBriefsValue('{"r":[],"l":"en"}')).toBeUndefined();
    expect(decodeBriefsValue('{"r":["a"],"l":"de"}')).toBeUndefined();
    expect(decodeBriefsValue("not json")).toBeUndefined();
    expect(decodeFeedbackValue('{"r":"a","h":"b","e":"c"}')).toBeUndefined();
  });
});

function answer(): Answer {
  return {
    status: "answered",
    text: "Allies agreed to boost production [1] and support Ukraine [2]. <!channel> [1]",
    language: "en",
    citations: [
      {
        releaseId: "r1",
        title: "Allies <@U1> meet",
        url: "https://www.nato.int/cps/en/natohq/news_1.htm",
        published: "2024-02-13",
      },
      { releaseId: "r2", title: "Support", url: null },
    ],
    engine: "llm:gpt-4.1-mini",
  };
}

const hit = (id: string): SearchHit => ({
  releaseId: id,
  title: `Release ${id} <https://evil|x>`,
  url: `https://www.nato.int/cps/en/natohq/${id}.htm`,
  published: "2024-02-13",
  snippet: "Stoltenberg said @here things.",
});

describe("Slack reply rendering", () => {
  const replies: Reply[] = [
    { kind: "briefs", briefs: [makeBrief()] },
    { kind: "briefs", briefs: [] },
    { kind: "text", text: "No releases are stored yet. <!channel>" },
    { kind: "help", problem: 'unknown command "frob"' },
    { kind: "help" },
    { kind: "error", message: "Something went wrong" },
    { kind: "subscription", action: "subscribed", text: "Subscribed: daily at 08:00 (Europe/Brussels), en+fr." },
    { kind: "subscription", action: "not-subscribed", text: "This conversation has no digest subscription." },
    { kind: "answer", answer: answer() },
    { kind: "answer", answer: { ...answer(), status: "no-answer", citations: [], text: "No answer <!here>." } },
    { kind: "search", words: "Stoltenberg <!channel>", outcome: { language: "en", hits: [hit("r1"), hit("r2")] } },
    { kind: "search", words: "nothing", outcome: { language: "fr", hits: [] } },
  ];
  it.each(replies.map((r) => [r.kind, r] as const))("renders %s as valid blocks within limits", (_kind, reply) => {
    const msg = renderReply(reply, both);
    expect(msg.blocks.length).toBeGreaterThan(0);
    expect(msg.text.length).toBeGreaterThan(0);
    expect(blockKitProblems(msg.blocks)).toEqual([]);
    expect(limitViolations(msg)).toEqual([]);
    expect(JSON.stringify(msg)).not.toContain("<!channel>");
  });
  it("puts what was wrong before the help text", () => {
    const msg = renderReply({ kind: "help", problem: 'unknown command "frob"' }, both);
    expect(sectionTexts(msg.blocks)[0]).toBe(':warning: unknown command "frob"');
    expect(sectionTexts(msg.blocks)[1]).toContain("latest [N]");
    expect(sectionTexts(msg.blocks)[1]).toContain("&lt;URL&gt;");
  });
  it("links an answer's [n] markers and lists its sources, with the model that wrote it", () => {
    const msg = renderReply({ kind: "answer", answer: answer() }, both);
    const [body, sources] = sectionTexts(msg.blocks);
    expect(body).toContain("production <https://www.nato.int/cps/en/natohq/news_1.htm|[1]>");
    expect(body).toMatch(/Ukraine \[2\]\./); // no URL to link to
    expect(body).toMatch(/&lt;!channel&gt; \[1\]$/); // only the first mention of a source is a link
    expect(sources).toContain(
      "[1] <https://www.nato.int/cps/en/natohq/news_1.htm|Allies &lt;@U1&gt; meet> (2024-02-13)",
    );
    expect(JSON.stringify(msg.blocks)).toContain("Answer by gpt-4.1-mini");
  });
  it("gives each search hit a Brief button with its release id", () => {
    const msg = renderReply({ kind: "search", words: "x", outcome: { language: "en", hits: [hit("r1")] } }, both);
    expect(msg.blocks[1]).toMatchObject({ accessory: { type: "button", action_id: "brief_show", value: "r1" } });
    expect(JSON.stringify(msg.blocks)).not.toContain("<https://evil");
  });
  it("splits a long text reply into sections under the limit", () => {
    const msg = renderReply({ kind: "text", text: words(2000, "paragraph\n\n") }, both);
    expect(limitViolations(msg)).toEqual([]);
    expect(sectionTexts(msg.blocks).length).toBeGreaterThan(1);
  });
});
