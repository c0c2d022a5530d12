import { describe, expect, it } from "vitest";
import { cleanGeneratedText } from "../../src/core/briefing/clean-text.js";

const source = "NATO news. See https://www.nato.int/cps/en/natohq/news_222.htm for details.";
const clean = (text: string) => cleanGeneratedText(text, source);

describe("cleanGeneratedText", () => {
  it("removes Slack broadcast pings and user/channel mentions", () => {
    expect(clean("Allies met <!channel> today <!here|here> and <!everyone>.")).toBe("Allies met today and.");
    expect(clean("Ask <@U123ABC> or <@U1|ada> in <#C42|general chat>.")).toBe("Ask or in.");
    expect(clean("@channel Allies met. Hi @here and @everyone!")).toBe("Allies met. Hi and !");
    expect(clean("@Channel and ＠here")).toBe("and");
    // A zero-width space cannot hide a ping.
    expect(clean("@\u200bchannel Allies met")).toBe("Allies met");
    // Encoded markup is caught too.
    expect(clean("&lt;!channel&gt; Allies met")).toBe("Allies met");
  });

  it("keeps e-mail addresses and words that only contain 'here'", () => {
    expect(clean("Write to press@hq.nato.int, here and there.")).toBe("Write to press@hq.nato.int, here and there.");
  });

  it("unwraps Teams <at> mentions to plain names", () => {
    expect(clean("<at>Jens Stoltenberg</at> met <at id='0'>Thierry Breton</at>.")).toBe(
      "Jens Stoltenberg met Thierry Breton.",
    );
  });

  it("removes Markdown and HTML markup, keeping the text", () => {
    expect(clean("**Allies** agree on *new* plan __now__ with `code` and ~~old~~")).toBe(
      "Allies agree on new plan now with code and old",
    );
    expect(clean('<b>Bold</b> and <i>italic</i><br>line <a href="https://evil.example">link</a>')).toBe(
      "Bold and italic line link",
    );
    expect(clean("Read [the release](https://evil.example/x) and ![chart](https://evil.example/c.png).")).toBe(
      "Read the release and chart.",
    );
    expect(clean("## Headline")).toBe("Headline");
    expect(clean("- a point")).toBe("a point");
    expect(clean("Spending rose by < 5 % and snake_case_names stay")).toBe(
      "Spending rose by < 5 % and snake_case_names stay",
    );
  });

  it("removes URLs the source does not contain and keeps those it does", () => {
    expect(clean("Details at https://evil.example/phish.")).toBe("Details at.");
    expect(clean("Details (https://evil.example/phish) follow")).toBe("Details follow");
    expect(clean("See www.evil.example now")).toBe("See now");
    expect(clean("Source: https://www.nato.int/cps/en/natohq/news_222.htm.")).toBe(
      "Source: https://www.nato.int/cps/en/natohq/news_222.htm.",
    );
    expect(
      clean("Slack link <https://evil.example|the site> and <https://www.nato.int/cps/en/natohq/news_222.htm>"),
    ).toBe("Slack link the site and https://www.nato.int/cps/en/natohq/news_222.htm");
  });

  it("collapses whitespace", () => {
    expect(clean("  Allies\n\n met \t in   Brussels .  ")).toBe("Allies met in Brussels.");
    expect(clean("Allies met ,  in Brussels   .")).toBe("Allies met, in Brussels.");
  });

  it("leaves clean French text alone, typography included", () => {
    const text = "« Il est absolument impératif », a indiqué M. Geoană : 10 milliards de dollars !";
    expect(clean(text)).toBe(text);
  });
});
