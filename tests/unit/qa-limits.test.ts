import { describe, expect, it } from "vitest";
import { commandOrQuestion } from "../../src/core/qa/chat-line.js";
import { ConversationMemory } from "../../src/core/qa/conversation-memory.js";
import type { Turn } from "../../src/core/qa/qa-types.js";
import { RateLimiter } from "../../src/core/qa/rate-limiter.js";

describe("RateLimiter", () => {
  it("allows `limit` questions per user in any hour, then says when the next one is allowed", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, now: () => now });
    expect(limiter.take("alice")).toEqual({ allowed: true });
    now = 10 * 60_000;
    expect(limiter.take("alice")).toEqual({ allowed: true });
    expect(limiter.take("alice")).toEqual({ allowed: false, retryAfterMs: 50 * 60_000 });
    expect(limiter.take("bob")).toEqual({ allowed: true });
    now = 60 * 60_000;
    expect(limiter.take("alice")).toEqual({ allowed: true });
  });

  it("forgets the least recently seen users past its bound", () => {
    const limiter = new RateLimiter({ limit: 1, maxKeys: 2, now: () => 0 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(() => new RateLimiter({ limit: 0 })).toThrow(/positive integer, got 0/);
  });
});

describe("ConversationMemory", () => {
  const turn = (question: string, at: number): Turn => ({ question, answer: "…", language: "en", releaseIds: [], at });

  it("keeps the last turns of each conversation, bounded, and forgets a quiet one", () => {
    let now = 0;
    const memory = new ConversationMemory({ maxTurns: 2, maxConversations: 2, ttlMs: 1_000, now: () => now });
    memory.remember("c1", turn("q1", 0));
    memory.remember("c1", turn("q2", 0));
    memory.remember("c1", turn("q3", 0));
    expect(memory.recent("c1").map((t) => t.question)).toEqual(["q2", "q3"]);
    memory.remember("c2", turn("x", 0));
    memory.remember("c3", turn("y", 0));
    expect(memory.size).toBe(2);
    expect(memory.recent("c1")).toEqual([]);
    now = 2_000;
    expect(memory.recent("c3")).toEqual([]);
  });
});

describe("commandOrQuestion", () => {
  it("treats a line that is not a command as a question", () => {
    expect(commandOrQuestion("Quel montant de contrats la NSPA a-t-elle autorisés ?")).toEqual({
      kind: "ask",
      question: "Quel montant de contrats la NSPA a-t-elle autorisés ?",
    });
    expect(commandOrQuestion("search munitions")).toEqual({ kind: "search", words: "munitions" });
    expect(commandOrQuestion("ask What is NSATU?")).toEqual({ kind: "ask", question: "What is NSATU?" });
    expect(commandOrQuestion("latest 2")).toEqual({ kind: "latest", count: 2 });
    expect(commandOrQuestion("help")).toEqual({ kind: "help" });
    expect(commandOrQuestion("https://www.nato.int/cps/en/natohq/news_1.htm").kind).toBe("url");
  });
});
