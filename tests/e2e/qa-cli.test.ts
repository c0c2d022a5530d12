import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli-process.js";
import { APERTIUM_MISSING, apertiumInstalled } from "../integration/qa-corpus.js";

const root = path.resolve(import.meta.dirname, "../..");
const samplePath = path.join(root, "samples/breton-defence-industry.fr.txt");
if (!apertiumInstalled) console.warn(APERTIUM_MISSING);

let dir: string;
let env: NodeJS.ProcessEnv;
let releaseId: string;

function cli(args: string[]) {
  return runCli(args, { env, cwd: dir });
}

function askJson(question: string) {
  const run = cli(["ask", question, "--json"]);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(run.stdout) as {
    answer: string;
    language: string;
    citations: { releaseId: string; title: string; url: string | null }[];
    engine: string;
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-e2e-"));
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/q.db`,
    LOG_LEVEL: "warn",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
  };
  const ingest = cli(["ingest", "--file", samplePath, "--json"]);
  expect(ingest.status, ingest.stderr).toBe(0);
  releaseId = (JSON.parse(ingest.stdout) as { id: string }).id;
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("nato-brief ask / search on the sample release (issue #5, done when)", () => {
  it("answers the French question in French, with 10 milliards, citing the sample", () => {
    const out = askJson("Quel montant de contrats la NSPA a-t-elle autorisés ?");
    expect(Object.keys(out).sort()).toEqual(["answer", "citations", "engine", "language"]);
    expect(out.language).toBe("fr");
    expect(out.answer).toMatch(/10 milliards de dollars/);
    expect(out.answer).toMatch(/\[1\]/);
    expect(out.engine).toBe("extractive");
    expect(out.citations).toEqual([
      {
        releaseId,
        title:
          "Les Alliés évoquent avec le commissaire européen Thierry Breton la nécessité de renforcer la capacité industrielle de défense",
        url: null,
      },
    ]);
  }, 60_000);

  it.skipIf(!apertiumInstalled)(
    "answers the English question in English, citing the sample",
    () => {
      const out = askJson("What amount of contracts did the NSPA authorise?");
      expect(out.language).toBe("en");
      expect(out.answer).toMatch(
        /^From the stored releases: .*NATO Support and Procurement Agency \(NSPA\).*10 billion dollars.*\[1\]/,
      );
      expect(out.answer).toMatch(/Machine translation \(offline, Apertium\): may contain errors/);
      expect(out.citations.map((c) => c.releaseId)).toEqual([releaseId]);
    },
    60_000,
  );

  it("a second `ask` loads the saved index instead of rebuilding it, and starts no translator", () => {
    const logged = (question: string) => {
      const run = runCli(["ask", question, "--json"], { env: { ...env, LOG_LEVEL: "debug" }, cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      return run.stderr;
    };
    // The first ask after the ingest may build the index (the ingest's own process saved it already, or not).
    logged("Quel montant de contrats la NSPA a-t-elle autorisés ?");
    const again = logged("Quel montant de contrats la NSPA a-t-elle autorisés ?");
    expect(again).toMatch(/"msg":"search index loaded from its snapshot"/);
    expect(again).not.toMatch(/"msg":"search index built from the store"/);
    // The release's English translation was stored by the ingest: the French question needs no Apertium.
    // Only the part-of-speech tagger (Q&A coverage) may start: no translation pipeline.
    const started = again.split("\n").filter((line) => line.includes('"msg":"starting Apertium pipeline"'));
    expect(started.filter((line) => !line.includes('"tagger":'))).toEqual([]);
  }, 60_000);

  it("gives a plain no-answer, with no citation, to a question the store cannot answer", () => {
    const out = askJson("What is the recipe for a chocolate cake?");
    expect(out.answer).toMatch(/^No answer in the stored releases\. Try a keyword search: search /);
    expect(out.citations).toEqual([]);
    const fr = askJson("Quelle est la capitale de l'Australie ?");
    expect(fr).toMatchObject({ language: "fr", citations: [] });
    expect(fr.answer).toMatch(/^Pas de réponse dans les communiqués enregistrés\./);
  }, 60_000);

  it("refuses a question that is too long with one line on stderr, and searches by words", () => {
    const long = cli(["ask", `Quel montant ${"de contrats ".repeat(60)}?`, "--json"]);
    expect(long.status).toBe(2);
    expect(long.stdout).toBe("");
    expect(long.stderr.trim().split("\n")).toHaveLength(1);
    expect(long.stderr).toMatch(/la limite est de 500/);

    const search = cli(["search", "munitions", "Patriot", "--json"]);
    expect(search.status, search.stderr).toBe(0);
    const outcome = JSON.parse(search.stdout) as { hits: { releaseId: string; snippet: string }[] };
    expect(outcome.hits.map((x) => x.releaseId)).toEqual([releaseId]);
    expect(outcome.hits[0]?.snippet).toMatch(/Patriot/);
  }, 60_000);
});
