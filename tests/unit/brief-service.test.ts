import { describe, expect, it } from "vitest";
import { BriefService } from "../../src/core/briefing/brief-service.js";
import { CircuitBreaker } from "../../src/core/briefing/circuit-breaker.js";
import type { BriefPart, FactFinding } from "../../src/core/domain/brief.js";
import type { Release } from "../../src/core/domain/release.js";
import type { BriefEngine, EngineBrief } from "../../src/core/ports/brief-engine.port.js";
import { openDatabase } from "../../src/infra/store/sqlite.js";
import { SqliteBriefRejections } from "../../src/infra/store/sqlite-brief-rejections.js";
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

async function setup(llmScript: (() => EngineBrief)[], breaker?: CircuitBreaker) {
  const store = new SqliteReleaseStore(openDatabase(":memory:"));
  const { release } = await store.saveRelease({
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
    const { release, llm, service } = await setup([() => answer("Allies agreed 2 per cent.")]);
    expect((await service.brief(release)).cached).toBe(false);
    const again = await service.brief(release);
    expect(again.cached).toBe(true);
    expect(again.brief.engine).toBe("llm:m");
    expect(llm.calls).toHaveLength(1);
  });

  it("shares one engine call between concurrent requests for the same release", async () => {
    const { release, llm, service } = await setup([() => answer("Allies agreed 2 per cent.")]);
    const [a, b] = await Promise.all([service.brief(release), service.brief(release)]);
    expect(a.brief).toEqual(b.brief);
    expect(llm.calls).toHaveLength(1);
  });

  it("retries with the findings, then falls back to the offline engine with the reason", async () => {
    const { release, llm, offline, service } = await setup([() => answer("Allies agreed 7 per cent.")]);
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
    const { release, llm, service, offline } = await setup(
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

describe("BriefService salvage and rejection memory", () => {
  const withPoints = (keyPoints: string[], summary = "Allies agreed 2 per cent."): BriefPart => ({
    headline: "Allies meet in Brussels",
    summary,
    keyPoints,
  });
  const model = (en: BriefPart, fr: BriefPart): EngineBrief => ({
    parts: { en, fr },
    provenance: {
      en: { kind: "llm", label: "Summary by m", model: "m" },
      fr: { kind: "llm", label: "Résumé par m", model: "m" },
    },
    usage: { promptTokens: 10, cachedTokens: 0, completionTokens: 5 },
  });
  const good = ["Allies met in Brussels.", "They agreed 2 per cent.", "The meeting was in Brussels."];

  async function setupWith(llmScript: (() => EngineBrief)[], promptVersion = "1") {
    const db = openDatabase(":memory:");
    const store = new SqliteReleaseStore(db);
    const rejections = new SqliteBriefRejections(db);
    const { release } = await store.saveRelease({
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
    const llm = new ScriptedEngine("llm:m", "llm", llmScript, promptVersion);
    const offline = new ScriptedEngine("offline", "offline", [offlineAnswer]);
    const make = (engine: BriefEngine) => new BriefService({ store, primary: engine, offline, rejections });
    return { release, llm, offline, service: make(llm), make, store };
  }

  it("drops a key point with an invented fact and keeps the rest, labelled, without a retry", async () => {
    const { release, llm, service } = await setupWith([
      () => model(withPoints([...good, "Allies pledged 300 tanks."]), withPoints(good)),
    ]);
    const { brief } = await service.brief(release);
    expect(llm.calls).toHaveLength(1);
    expect(brief.engine).toBe("llm:m");
    expect(brief.en.keyPoints).toEqual(good);
    expect(brief.provenance.en.label).toBe("Summary by m (1 key point removed by the fact check)");
    expect(brief.provenance.fr.label).toBe("Résumé par m");
    expect(brief.checks).toMatchObject({ ok: true, attempts: 1 });
    expect(brief.checks.dropped).toEqual([
      {
        lang: "en",
        text: "Allies pledged 300 tanks.",
        findings: [expect.objectContaining({ kind: "number", value: "300" })],
      },
    ]);
  });

  it("retries for a failing summary, then falls back for that language only", async () => {
    const bad = withPoints(good, "Allies agreed 7 per cent.");
    const { release, llm, offline, service } = await setupWith([() => model(withPoints(good), bad)]);
    const { brief } = await service.brief(release);
    expect(llm.calls).toHaveLength(2);
    expect(llm.calls[1]?.map((f) => f.value)).toEqual(["7 per cent"]);
    expect(offline.calls).toHaveLength(1);
    expect(brief.engine).toBe("llm:m");
    expect(brief.provenance.en.kind).toBe("llm");
    expect(brief.fr.summary).toBe("Allies agreed 2 per cent.");
    expect(brief.fallbackReason).toMatch(/French brief carried facts not in the release, twice/);
    expect(brief.checks.attempts).toBe(2);
  });

  it("remembers a brief rejected in both languages: no model request next time, until the prompt changes", async () => {
    const bad = withPoints(good, "Allies agreed 7 per cent.");
    const { release, llm, service, make, store } = await setupWith([() => model(bad, bad)]);
    expect((await service.brief(release)).brief.engine).toBe("offline");
    expect(llm.calls).toHaveLength(2);
    const again = await make(llm).brief(release);
    expect(llm.calls).toHaveLength(2);
    expect(again.brief.fallbackReason).toMatch(/rejected earlier/);
    // A new prompt version is another cache key: the model is asked again.
    const newPrompt = new ScriptedEngine("llm:m", "llm", [() => model(withPoints(good), withPoints(good))], "2");
    const fresh = await make(newPrompt).brief(release);
    expect(newPrompt.calls).toHaveLength(1);
    expect(fresh.brief.engine).toBe("llm:m");
    expect(await store.getBrief({ contentHash: "h", engine: "llm:m", promptVersion: "2" })).toBeDefined();
  });
});
