import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, reply, startFakeOpenAi } from "../fakes/fake-openai-server.js";
import { runCliAsync } from "../helpers/cli-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const sample = path.join(root, "samples/breton-defence-industry.fr.txt");

/** What a faithful model would answer for the sample: every figure is in the release. */
const faithful = {
  en: {
    headline: "Allies discuss defence industrial capacity with EU Commissioner Thierry Breton",
    summary:
      "On 13 February 2024, NATO Secretary General Jens Stoltenberg received EU Commissioner Thierry Breton in Brussels. Deputy Secretary General Mircea Geoană said NSPA had authorised contracts worth about 10 billion dollars.",
    keyPoints: [
      "Defence production must increase.",
      "Contracts cover Patriot missiles and 155 mm ammunition.",
      "Third NATO-EU joint declaration signed in January 2023.",
    ],
  },
  fr: {
    headline: "Les Alliés évoquent la capacité industrielle de défense avec Thierry Breton",
    summary:
      "Le 13 février 2024, Jens Stoltenberg a reçu Thierry Breton à Bruxelles. Mircea Geoană a indiqué que la NSPA avait autorisé environ 10 milliards de dollars de contrats.",
    keyPoints: [
      "La production de défense doit augmenter.",
      "Missiles Patriot et munitions de 155 millimètres.",
      "Troisième déclaration commune en janvier 2023.",
    ],
  },
};
const inventive = {
  ...faithful,
  en: { ...faithful.en, summary: `${faithful.en.summary} Allies pledged 300 new tanks.` },
};

let fake: FakeOpenAiServer;
let dir: string;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-llm-"));
});

function envFor(baseURL: string) {
  return {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/b.db`,
    OPENAI_BASE_URL: baseURL,
    OPENAI_API_KEY: "",
    OPENAI_MODEL: "test-model",
    OPENAI_TIMEOUT_MS: "2000",
    OPENAI_MAX_RETRIES: "0",
  };
}

async function brief(baseURL: string) {
  const env = envFor(baseURL);
  const { code, stdout, stderr } = await runCliAsync(["brief", "--file", sample, "--json"], { env, cwd: dir });
  expect(code, stderr).toBe(0);
  return { brief: JSON.parse(stdout), stderr };
}

describe("cli brief with an OpenAI-compatible server", () => {
  it("makes exactly one request for a new release, labels both languages with the model, and none the second time", async () => {
    fake.enqueue(reply.json(faithful, { prompt_tokens: 900, completion_tokens: 300, cached_tokens: 128 }));
    const first = await brief(fake.url);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body?.model).toBe("test-model");
    expect(first.brief.engine).toBe("llm:test-model");
    expect(first.brief.provenance.en).toMatchObject({ kind: "llm", model: "test-model" });
    expect(first.brief.provenance.fr).toMatchObject({ kind: "llm", model: "test-model" });
    expect(first.brief.usage).toEqual({ promptTokens: 900, cachedTokens: 128, completionTokens: 300 });
    expect(first.brief.checks.ok).toBe(true);
    // Accepted whole: nothing dropped from either language.
    expect({ en: first.brief.en, fr: first.brief.fr }).toEqual(faithful);
    expect(first.brief.checks.dropped).toBeUndefined();
    const second = await brief(fake.url);
    expect(fake.requests).toHaveLength(1);
    expect(second.brief.cached).toBe(true);
    const { stdout } = await runCliAsync(["stats", "--json"], { env: envFor(fake.url), cwd: dir });
    expect(JSON.parse(stdout).totals).toEqual({
      briefs: 1,
      promptTokens: 900,
      cachedTokens: 128,
      completionTokens: 300,
    });
    // Three CLI processes in a row: room for a loaded machine.
  }, 60_000);

  it("falls back to the offline engine, labelled, when the server answers 500", async () => {
    fake.enqueue(reply.status(500));
    const { brief: b } = await brief(fake.url);
    expect(b.engine).toBe("offline");
    expect(b.provenance.fr.kind).toBe("source");
    expect(b.fallbackReason).toMatch(/unavailable.*500/);
  });

  it("falls back when nothing listens on the endpoint", async () => {
    const { brief: b } = await brief("http://127.0.0.1:9/v1");
    expect(b.engine).toBe("offline");
    expect(b.fallbackReason).toMatch(/unavailable/);
  });

  it("retries once with the findings, then never shows an invented figure: that language alone falls back", async () => {
    fake.enqueue(reply.json(inventive), reply.json(inventive));
    const { brief: b } = await brief(fake.url);
    expect(fake.requests).toHaveLength(2);
    expect(JSON.stringify(fake.requests[1]?.body?.messages)).toContain("300");
    expect(JSON.stringify(b.en)).not.toContain("300");
    expect(b.provenance.en.kind).not.toBe("llm");
    expect(b.provenance.fr).toMatchObject({ kind: "llm", model: "test-model" });
    expect(b.fr).toEqual(faithful.fr);
    expect(b.fallbackReason).toMatch(/English brief carried facts not in the release/);
  });

  it("shows a brief with one bad key point without it, labelled, at the first request; show --json says why", async () => {
    const onePoint = {
      ...faithful,
      fr: { ...faithful.fr, keyPoints: [...faithful.fr.keyPoints, "Un fonds de 500 millions d'euros a été créé."] },
    };
    fake.enqueue(reply.json(onePoint));
    const { brief: b } = await brief(fake.url);
    expect(fake.requests).toHaveLength(1);
    expect(b.fr.keyPoints).toEqual(faithful.fr.keyPoints);
    expect(b.provenance.fr.label).toMatch(/1 key point removed by the fact check/);
    expect(b.en).toEqual(faithful.en);
    const { stdout } = await runCliAsync(["show", b.release.id, "--json"], { env: envFor(fake.url), cwd: dir });
    const shown = JSON.parse(stdout);
    expect(fake.requests).toHaveLength(1);
    expect(shown.checks.ok).toBe(true);
    expect(shown.checks.dropped).toEqual([
      expect.objectContaining({
        lang: "fr",
        text: "Un fonds de 500 millions d'euros a été créé.",
        findings: [expect.objectContaining({ kind: "number", value: "500 millions d'euros" })],
      }),
    ]);
  }, 60_000);

  it("remembers a brief rejected in both languages: asking again costs no model request", async () => {
    const bothInvent = {
      en: { ...faithful.en, headline: "Allies pledge 300 new tanks" },
      fr: { ...faithful.fr, headline: "Les Alliés promettent 300 chars" },
    };
    fake.enqueue(reply.json(bothInvent), reply.json(bothInvent));
    const first = await brief(fake.url);
    expect(fake.requests).toHaveLength(2);
    expect(first.brief.engine).toBe("offline");
    const again = await brief(fake.url);
    expect(fake.requests).toHaveLength(2);
    expect(again.brief.engine).toBe("offline");
    expect(again.brief.fallbackReason).toMatch(/rejected earlier/);
  }, 60_000);

  it("accepts the corrected retry", async () => {
    fake.enqueue(reply.json(inventive), reply.json(faithful));
    const { brief: b } = await brief(fake.url);
    expect(fake.requests).toHaveLength(2);
    expect(b.engine).toBe("llm:test-model");
    expect(b.checks.ok).toBe(true);
  });
});
