/**
 * The same expectations for every chat surface (console, Slack, Teams): what a user must see for each kind of
 * reply, whatever the platform's format. Each adapter contributes a renderer and a way to read back the text a
 * person would see; the expectations are shared.
 */
import { describe, expect, it } from "vitest";
import { renderReply as renderConsole } from "../../adapters/console/console-chat.js";
import { renderReply as renderSlack } from "../../adapters/slack/render/reply-message.js";
import { renderReply as renderTeams } from "../../adapters/teams/render/reply-messages.js";
import type { Reply } from "../../src/core/commands/command-handler.js";
import { makeBrief } from "../helpers/slack-blocks.js";

/**
 * Every string under the keys a platform parses and shows (text, titles, URLs, facts), depth first. A Teams
 * activity's notification `summary` is plain text that Teams never parses for mentions, so it is not read.
 */
function visible(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) visible(v, out);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (
        [
          "text",
          "title",
          "url",
          "alt_text",
          "body",
          "blocks",
          "elements",
          "fields",
          "actions",
          "columns",
          "items",
          "card",
          "accessory",
          "facts",
          "value",
        ].includes(key)
      )
        visible(v, out);
    }
  }
  return out;
}

interface Surface {
  name: string;
  show(reply: Reply): string;
  /** A broadcast ping or hidden link this platform would act on. */
  pings?: RegExp;
}

const surfaces: Surface[] = [
  { name: "console", show: (r) => renderConsole(r) },
  {
    name: "slack",
    show: (r) => visible(renderSlack(r, { langs: ["en", "fr"], shareable: true })).join("\n"),
    pings: /<!(?:channel|here|everyone)>|(?<![\w\u2060])@(?:channel|here|everyone)\b|<https?:\/\/evil/u,
  },
  {
    name: "teams",
    show: (r) => visible(renderTeams(r, { languages: ["en", "fr"] })).join("\n"),
    pings: /<at>|\]\(https?:\/\/evil/u,
  },
];

const brief = (headlineEn: string) =>
  makeBrief({
    id: "r1",
    en: {
      headline: headlineEn,
      summary: "NSPA authorised contracts worth 10 billion dollars.",
      keyPoints: ["Patriot", "155 mm", "Vilnius"],
    },
    fr: {
      headline: "Les Alliés et M. Breton",
      summary: "La NSPA a autorisé 10 milliards de dollars de contrats.",
      keyPoints: ["Patriot", "155 millimètres", "Vilnius"],
    },
    provenance: {
      en: { kind: "machine-offline", label: "Machine translation (offline, Apertium): may contain errors" },
      fr: { kind: "source", label: "Extrait du texte original en français" },
    },
  });

describe.each(surfaces)("$name renders replies as every surface must", (surface) => {
  it("shows a brief in both languages with each language's provenance and the source link", () => {
    const text = surface.show({ kind: "briefs", briefs: [brief("Allies and Mr Breton")] });
    for (const expected of [
      "Allies and Mr Breton",
      "Les Alliés et M. Breton",
      "10 billion dollars",
      "10 milliards de dollars",
      "Machine translation (offline, Apertium)",
      "Extrait du texte original",
      "https://www.nato.int/cps/fr/natohq/news_r1.htm",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("shows the help with what was wrong", () => {
    const text = surface.show({ kind: "help", problem: 'unknown command "frobnicate"' });
    expect(text).toContain("frobnicate");
    expect(text).toMatch(/latest/);
  });

  it("shows a translation labelled as offline machine translation, or why there is none", () => {
    const translation = (text: string) =>
      ({
        kind: "translation",
        translation: {
          from: "en",
          to: "fr",
          source: "NATO said.",
          text,
          provenance: {
            kind: "machine-offline",
            label: "Traduction automatique (hors ligne, Apertium) : peut contenir des erreurs",
            model: "apertium eng-spa | es-fr",
          },
        },
      }) as const;
    const text = surface.show(translation("L’OTAN a dit : « 10 milliards de dollars ». [tempo]"));
    for (const expected of [
      "L’OTAN a dit",
      "10 milliards de dollars",
      "[tempo]",
      "Traduction automatique (hors ligne, Apertium)",
      "EN → FR",
    ]) {
      expect(text).toContain(expected);
    }
    const none = surface.show({
      kind: "translation",
      translation: {
        from: "fr",
        to: "en",
        source: "L'OTAN",
        text: "",
        provenance: { kind: "unavailable", label: "Translation unavailable", reason: "Apertium is not installed" },
      },
    });
    expect(none).toContain("Translation unavailable");
    expect(none).toContain("Apertium is not installed");
    if (surface.pings) {
      const hostile = surface.show(
        translation("<!channel> @here <https://evil.example|click> [x](https://evil.example) <at>Bob</at>"),
      );
      expect(hostile).not.toMatch(surface.pings);
    }
  });

  it("shows an error's message", () => {
    expect(surface.show({ kind: "error", message: "No stored release has the id x." })).toContain("No stored release");
  });

  // A terminal has no pings or hidden links: only chat platforms carry this expectation.
  const pings = surface.pings;
  if (pings) {
    it("never turns release text into a ping or a hidden link", () => {
      const hostile =
        "<!channel> @here @everyone <https://evil.example|click> [click](https://evil.example) <at>Bob</at>";
      const text = surface.show({ kind: "briefs", briefs: [brief(hostile)] });
      expect(text).toContain("Bob");
      expect(text).not.toMatch(pings);
    });
  }
});
