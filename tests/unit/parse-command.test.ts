import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["", { kind: "latest", count: 1 }],
    ["latest 3", { kind: "latest", count: 3 }],
    ["https://www.nato.int/x", { kind: "url", url: "https://www.nato.int/x" }],
    ["<https://www.nato.int/x|nato>", { kind: "url", url: "https://www.nato.int/x" }],
    ["search ammunition 155", { kind: "search", words: "ammunition 155" }],
    ["ask what about Patriot?", { kind: "ask", question: "what about Patriot?" }],
    ["lang FR", { kind: "lang", language: "fr" }],
    [
      "subscribe 08:00 Europe/Brussels both ukraine",
      { kind: "subscribe", time: "08:00", timezone: "Europe/Brussels", languages: "both", topics: ["ukraine"] },
    ],
    ["unsubscribe", { kind: "unsubscribe" }],
    ["translate Allies agreed.", { kind: "translate", text: "Allies agreed." }],
    ["translate fr>en L'OTAN a dit.", { kind: "translate", text: "L'OTAN a dit.", from: "fr", to: "en" }],
    ["traduire en→fr NATO said.", { kind: "translate", text: "NATO said.", from: "en", to: "fr" }],
    // "en" opening a French sentence is a word, not a direction.
    ["translate en 2024, l'OTAN", { kind: "translate", text: "en 2024, l'OTAN" }],
  ])("parses %j", (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
  it.each([
    ["latest 500", /1 to 10/],
    ["lang de", /en, fr or both/],
    ["frobnicate", /unknown command "frobnicate"/],
    ["subscribe 25:00", /not a time of day/],
    ["translate", /needs some text/],
    ["translate fr>fr bonjour", /between English and French/],
    [`translate ${"x".repeat(2001)}`, /too long: 2,001 characters, at most 2,000/],
  ])("turns %j into help with the problem", (input, problem) => {
    const c = parseCommand(input);
    expect(c.kind).toBe("help");
    expect(c.kind === "help" && c.problem).toMatch(problem);
  });
});
