import { describe, expect, it } from "vitest";
import { BriefService } from "../../src/core/briefing/brief-service.js";
import { CircuitBreaker } from "../../src/core/briefing/circuit-breaker.js";
import type { BriefPart, FactFinding } from "../../src/core/domain/brief.js";
import type { Release } from "../../src/core/domain/release.js";
import type { BriefEngine, EngineBrief } from "../../src/core/ports/brief-engine.port.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteReleaseStore } from "../../src/infra/store/sqlite-release-store.js";

const part = (summary: string): BriefPart => ({
  headline: "Allies meet in Brussels",
  summary,
  keyPoints: ["a.", "b.", "c."],
});

/** A brief engine whose answers are scripted; it records what it was asked. */
class ScriptedEngine implements BriefEngine {
  calls: (FactFinding[] | undefined)[] = [];
  constructor(
    readonly id: string,
    readonly kind: "llm" | "offline",
    private readonly script: (() => EngineBrief | Promise<EngineBrief>)[],
    readonly promptVersion = "1",
  ) {}
  async brief(_release: Release, findings?: FactFinding[]): Promise<EngineBrief> {
    this.calls.push(findings);
    // The last step repeats once the script runs out.
    const next = this.script.length > 1 ? this.script.shift() : this.script[0];
    if (!next) throw new Error("script exhausted");
    return next();
  }
}

const answer = (summary: string): EngineBrief => ({
  parts: { en: part(summary), fr: part(summary) },
  provenance: { en: { kind: "llm", label: "x", model: "m" }, fr: { kind: "llm", label: "x", model: "m" } },
  usage: { promptTokens: 10, cachedTokens: 0, completionTokens: 5 },
});
const offlineAnswer = (): EngineBrief => ({ ...answer("Allies agreed 2 per cent."), usage: null });
const failing = () => {
  throw Object.assign(new Error("boom"), { reason: "server error (HTTP 500)" });
};

function setup(llmScript: (() => EngineBrief)[], breaker?: CircuitBreaker) {
  const store = new SqliteReleaseStore(openDatabase(":memory:"));
  const { release } = store.saveRelease({
    contentHash: "h",
    sourceLanguage: "en",
    texts: {
      en: {
        lang: "en",
        title: "Allies meet in Brussels",
        paragraphs: ["Allies agreed 2 per cent in Brussels."],
        official: true,
      },
    },
  });
  const llm = new ScriptedEngine("llm:m", "llm", llmScript);
  const offline = new ScriptedEngine("offline", "offline", [offlineAnswer]);
  return { release, llm, offline, service: new BriefService({ store, primary: llm, offline, breaker }) };
}

describe("BriefService", () => {
  it("stores the LLM brief and serves it from the cache the second time", async () => {
    const { release, llm, service } = setup([() => answer("Allies agreed 2 per cent.")]);
    expect((await service.brief(release)).cached).toBe(false);
    const again = await service.brief(release);
    expect(again.cached).toBe(true);
    expect(again.brief.engine).toBe("llm:m");
    expect(llm.calls).toHaveLength(1);
  });

  it("shares one engine call between concurrent requests for the same release", async () => {
    const { release, llm, service } = setup([() => answer("Allies agreed 2 per cent.")]);
    const [a, b] = await Promise.all([service.brief(release), service.brief(release)]);
    expect(a.brief).toEqual(b.brief);
    expect(llm.calls).toHaveLength(1);
  });

  it("retries with the findings, then falls back to the offline engine with the reason", async () => {
    const { release, llm, offline, service } = setup([() => answer("Allies agreed 7 per cent.")]);
    const { brief } = await service.brief(release);
    expect(llm.calls).toHaveLength(2);
    expect(llm.calls[1]?.map((f) => f.value)).toContain("7 per cent");
    expect(offline.calls).toHaveLength(1);
    expect(brief.engine).toBe("offline");
    expect(brief.fallbackReason).toMatch(/facts not in the release/);
  });

  it("opens the circuit after repeated failures and stops calling the LLM until the cool-down ends", async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, now: () => now });
    const { release, llm, service, offline } = setup(
      [failing, failing, failing, () => answer("Allies agreed 2 per cent.")],
      breaker,
    );
    for (let i = 0; i < 4; i++) {
      const { brief } = await service.brief({ ...release, contentHash: `h${i}` });
      expect(brief.engine).toBe("offline");
    }
    expect(llm.calls).toHaveLength(2);
    expect(offline.calls.length).toBeGreaterThanOrEqual(4);
    now = 2000;
    const { brief } = await service.brief({ ...release, contentHash: "h-later" });
    expect(llm.calls).toHaveLength(3);
    expect(brief.engine).toBe("offline");
  });
});
