import { describe, expect, it } from "vitest";
import { INPUT_LIMITS } from "../../src/core/commands/input-limits.js";
import { parseCommand } from "../../src/core/commands/parse-command.js";
import { draftFromText } from "../../src/core/ingest/index.js";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";

/** Size limits come before any work on the text (issue 15, findings 2 and 7). */
describe("size limits on every text a user sends", () => {
  it("a message past the command limit is refused as a whole, in any position", () => {
    const huge = `ask ${"a".repeat(INPUT_LIMITS.commandChars)}`;
    expect(parseCommand(huge)).toMatchObject({ kind: "help", problem: expect.stringContaining("too long") });
    expect(commandOrQuestion("x".repeat(3_000_000))).toMatchObject({ kind: "help" });
  });

  it("search words have their own limit", () => {
    expect(parseCommand(`search ${"w ".repeat(300)}`)).toMatchObject({
      kind: "help",
      problem: expect.stringContaining("at most 500"),
    });
    expect(parseCommand("search ammunition")).toEqual({ kind: "search", words: "ammunition" });
  });

  it("subscribe takes at most 10 topics of at most 60 characters (a 30,000-topic row was stored before)", () => {
    const many = parseCommand(`subscribe 08:00 ${Array.from({ length: 11 }, (_, i) => `t${i}`).join(" ")}`);
    expect(many).toMatchObject({ kind: "help", problem: "subscribe takes at most 10 topics" });
    const long = parseCommand(`subscribe ${"x".repeat(61)}`);
    expect(long).toMatchObject({ kind: "help", problem: expect.stringContaining("at most 60") });
    expect(parseCommand("subscribe 08:00 ukraine air-defence")).toMatchObject({
      kind: "subscribe",
      topics: ["ukraine", "air-defence"],
    });
  });

  it("an unknown first word is echoed back shortened", () => {
    const reply = parseCommand(`${"z".repeat(5000)} please`);
    expect(reply.kind === "help" && reply.problem!.length).toBeLessThan(80);
  });

  it("a pasted release far past the release limit is refused before it is parsed", () => {
    expect(() => draftFromText("a".repeat(1_000_000))).toThrow(/too long: 1000000 characters/);
  });
});
