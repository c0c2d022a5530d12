import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitRuns } from "../../src/core/text/quantities.js";
import { runCli } from "../helpers/cli-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const samplePath = path.join(root, "samples/breton-defence-industry.fr.txt");
// The facts file ships in ../shared next to the sample; the repo keeps its own copy for a standalone clone.
const factsPath = path.join(root, "tests/fixtures/breton-defence-industry.facts.json");
const apertium = spawnSync("sh", ["-c", "command -v apertium-wblank-mode"]).status === 0;
if (!apertium)
  console.warn(
    "skipping machine-translation checks: Apertium is not installed (apt-get install apertium apertium-fr-es apertium-eng-spa)",
  );

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-e2e-"));
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/b.db`,
    LOG_LEVEL: "info",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string | Buffer) {
  return runCli(args, { env, input, cwd: dir });
}

interface Part {
  headline: string;
  summary: string;
  keyPoints: string[];
}

describe("cli brief on the sample release", () => {
  let first: ReturnType<typeof cli>;
  let brief: Record<string, unknown> & { en: Part; fr: Part; provenance: Record<string, { kind: string }> };
  beforeAll(() => {
    first = cli(["brief", "--file", samplePath, "--json"]);
    brief = JSON.parse(first.stdout);
  });

  it("prints exactly one JSON document on stdout and exits 0", () => {
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    expect(brief.cached).toBe(false);
  });

  it("keeps the French source and labels the provenance of each language", () => {
    expect(brief.provenance.fr?.kind).toBe("source");
    expect(brief.provenance.en?.kind).toBe(apertium ? "machine-offline" : "unavailable");
  });

  const text = (p: Part) => [p.headline, p.summary, ...p.keyPoints].join("\n").toLowerCase();
  const facts = JSON.parse(fs.readFileSync(factsPath, "utf8")) as {
    required: { fact: string; en: string[]; fr: string[] }[];
  };

  for (const lang of ["fr", "en"] as const) {
    it.skipIf(lang === "en" && !apertium)(`carries every required fact in ${lang}, with 3–6 key points`, () => {
      const part = brief[lang];
      expect(part.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(part.keyPoints.length).toBeLessThanOrEqual(6);
      const missing = facts.required.filter((f) => !f[lang].some((s) => text(part).includes(s.toLowerCase())));
      expect(missing.map((f) => f.fact)).toEqual([]);
    });
    it(`invents no number in ${lang}`, () => {
      const source = digitRuns(fs.readFileSync(samplePath, "utf8"));
      const invented = [...digitRuns(text(brief[lang]))].filter((n) => !source.has(n));
      expect(invented).toEqual([]);
    });
  }

  it("reuses the stored brief the second time, and says so", () => {
    const again = cli(["brief", "--file", samplePath, "--json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ cached: true, contentHash: brief.contentHash });
    expect(again.stderr).toContain("reused the stored brief");
  });

  it("keeps the stable interface: npm run --silent cli -- brief --file PATH --json prints one JSON Brief", () => {
    // ARCHITECTURE.md's interface, from the TypeScript sources (tsx), as scripts call it.
    const run = spawnSync("npm", ["run", "--silent", "cli", "--", "brief", "--file", samplePath, "--json"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ cached: true, contentHash: brief.contentHash });
  });

  it("lists and shows the stored release", () => {
    const list = JSON.parse(cli(["list", "--json"]).stdout) as { id: string }[];
    expect(list.map((r) => r.id)).toContain((brief.release as { id: string }).id);
    const show = cli(["show", (brief.release as { id: string }).id]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain("Stoltenberg");
  });
});

describe("cli bad input", () => {
  it.each([
    [["brief", "--text", "-"], "", /too short|empty/i],
    [
      ["brief", "--text", "-"],
      "Die Verteidigungsminister der NATO trafen sich heute in Brüssel, um über die Lage in der Ukraine und die Stärkung der Abschreckung zu beraten. Sie vereinbarten, die Produktion von Munition deutlich zu erhöhen und die gemeinsame Beschaffung zu beschleunigen.",
      /German|deu/,
    ],
    [["brief", "--file", "/nonexistent/x.txt"], undefined, /cannot read/],
    [["brief", "--url", "https://evil.example.com/x"], undefined, /not allowed|allowed/i],
    [["brief"], undefined, /exactly one of/],
    [["frobnicate"], undefined, /unknown command/],
  ])("%j exits non-zero with one line on stderr", (args, input, message) => {
    const r = cli(args, input);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("nato-brief:"));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
  });

  it("prints help with --help", () => {
    const r = cli(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("brief --file PATH");
  });
});

describe("cli refuses what is not a text release, with one line, and stores nothing", () => {
  const junk = fs.mkdtempSync(path.join(os.tmpdir(), "cli-junk-"));
  const file = (name: string, bytes: Uint8Array) => {
    fs.writeFileSync(path.join(junk, name), bytes);
    return path.join(junk, name);
  };
  // Deterministic noise, as `head -c 4096 /dev/urandom > random.bin` makes.
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
  const script = Buffer.from(
    "#!/usr/bin/env bash\n# Deploys the bot to the staging server after the tests pass.\nset -euo pipefail\n" +
      'docker build -t "registry.example.org/nato-brief:$(git rev-parse --short HEAD)" .\n'.repeat(6),
  );
  const cases: [string, string[], Uint8Array | undefined, RegExp][] = [
    ["random bytes on stdin", ["brief", "--text", "-"], noise, /^nato-brief: This file is not text \(/],
    [
      "a gzipped release",
      ["brief", "--file", file("sample.txt.gz", gzipSync(fs.readFileSync(samplePath)))],
      undefined,
      /not text/,
    ],
    [
      "a shell script",
      ["ingest", "--file", file("deploy.sh", script)],
      undefined,
      /does not read as English or French prose: it is a script/,
    ],
    ["an executable", ["brief", "--file", process.execPath], undefined, /not text/],
  ];
  afterAll(() => fs.rmSync(junk, { recursive: true, force: true }));

  it.each(cases)("%s", (_what, args, input, message) => {
    const fresh = { ...env, DATABASE_URL: `sqlite:${junk}/junk.db` };
    const r = runCli(args, { env: fresh, cwd: dir, input: input ? Buffer.from(input) : undefined });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("nato-brief:"));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
    expect(JSON.parse(runCli(["list", "--json"], { env: fresh, cwd: dir }).stdout)).toEqual([]);
  });
});
