import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const sample = path.join(root, "samples/breton-defence-industry.fr.txt");

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-e2e-"));
  // Translation is not what these tests look at: no Apertium pipelines to start.
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/b.db`,
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    OFFLINE_TRANSLATION: "off",
    LOG_LEVEL: "warn",
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the nato-brief executable", () => {
  it("is the file package.json names: executable, run by node, built by npm ci", () => {
    expect(pkg.bin["nato-brief"]).toBe("bin/nato-brief.mjs");
    const file = path.join(root, pkg.bin["nato-brief"]!);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(file, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    // npm ci and npm install run `prepare`: a fresh clone has the compiled build before its first command.
    expect(pkg.scripts.prepare).toBe("npm run build");
  });

  it("runs as a program (its #! line) and answers help and --version", () => {
    const help = execFileSync(BIN, ["help"], { env, cwd: dir, encoding: "utf8" });
    expect(help).toMatch(/^Usage: nato-brief COMMAND \[options\]$/m);
    expect(execFileSync(BIN, ["--version"], { env, cwd: dir, encoding: "utf8" }).trim()).toBe(
      `nato-brief ${pkg.version}`,
    );
  });

  it("is what npx nato-brief runs in the clone", () => {
    const run = spawnSync("npx", ["--no-install", "nato-brief", "--version"], { env, cwd: root, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`nato-brief ${pkg.version}`);
  });

  it("without a compiled build, runs the sources and says how to get the fast start back", () => {
    // A clone installed with --ignore-scripts: the same files, no dist/.
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), "bin-nodist-"));
    try {
      fs.mkdirSync(path.join(clone, "bin"));
      for (const f of fs.readdirSync(path.join(root, "bin"))) {
        fs.copyFileSync(path.join(root, "bin", f), path.join(clone, "bin", f));
      }
      for (const d of ["src", "adapters", "node_modules", "prompts", "glossary", "samples"]) {
        fs.symlinkSync(path.join(root, d), path.join(clone, d));
      }
      fs.copyFileSync(path.join(root, "package.json"), path.join(clone, "package.json"));
      const run = spawnSync(process.execPath, [path.join(clone, "bin/nato-brief.mjs"), "help"], {
        env,
        cwd: dir,
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Usage: nato-brief COMMAND/m);
      expect(run.stderr).toMatch(/the compiled build is missing; running the sources with tsx \(run `npm run build`/);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe("what each command loads (heavy modules only where they are needed)", () => {
  const recorder = path.join(root, "tests/helpers/import-recorder.mjs");
  function loaded(args: string[], extra: NodeJS.ProcessEnv = {}): string[] {
    const log = path.join(dir, `imports-${args[0]}.log`);
    const run = spawnSync(process.execPath, ["--import", recorder, BIN, ...args], {
      env: { ...env, ...extra, IMPORT_LOG: log },
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    return fs.readFileSync(log, "utf8").split("\n").filter(Boolean);
  }
  const SDKS = /node_modules\/(?:@slack\/|botbuilder|openai\/)/;
  const QA_INDEX = /node_modules\/(?:minisearch|@orama\/stemmers|stopword)\/|dist\/src\/infra\/qa\//;
  const SOURCES = /node_modules\/(?:linkedom|@mozilla\/readability|fast-xml-parser)\/|dist\/src\/infra\/sources\//;
  const ENGINES = /dist\/src\/infra\/(?:offline|llm)\//;
  const STORE = /node_modules\/better-sqlite3\//;
  // The PostgreSQL driver, loaded only when DATABASE_URL names a PostgreSQL server (here: SQLite).
  const PG = /node_modules\/pg(?:-[a-z-]+)?\/|dist\/src\/infra\/store\/pg\//;

  beforeAll(() => {
    execFileSync(process.execPath, [BIN, "ingest", "--file", sample], { env, cwd: dir });
  });

  it("help loads neither the store nor any engine", () => {
    const urls = loaded(["help"]);
    for (const heavy of [SDKS, QA_INDEX, SOURCES, ENGINES, STORE, PG])
      expect(urls.filter((u) => heavy.test(u))).toEqual([]);
    // Not even the command files it lists.
    expect(urls.filter((u) => /dist\/src\/cli\/commands\/(?!index\.js)/.test(u))).toEqual([]);
  });

  it("list loads the store only", () => {
    const urls = loaded(["list"]);
    expect(urls.some((u) => STORE.test(u))).toBe(true);
    for (const heavy of [SDKS, QA_INDEX, SOURCES, ENGINES, PG]) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
  });

  it("ingest --file loads no HTML or XML parser, no chat or LLM SDK", () => {
    const urls = loaded(["ingest", "--file", sample]);
    for (const heavy of [SDKS, SOURCES, PG]) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
  });

  it("show ID loads the brief engines, not the search index, the sources or a chat or LLM SDK", () => {
    const id = JSON.parse(
      execFileSync(process.execPath, [BIN, "list", "--json"], { env, cwd: dir, encoding: "utf8" }),
    )[0].id as string;
    const urls = loaded(["show", id]);
    expect(urls.some((u) => ENGINES.test(u))).toBe(true);
    for (const heavy of [SDKS, QA_INDEX, SOURCES]) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
  });

  it("ask (English or French) loads the search index, not the digests, ingest, sources or a chat SDK", () => {
    // What createApp adds beyond Q&A: the digests and their schedule, ingest, the chat command handler.
    const APP_ONLY =
      /dist\/src\/(?:app\.js|core\/digest\/(?:index|schedule)|core\/ingest\/ingest-service|core\/commands\/|infra\/schedule\/)/;
    for (const question of ["What did NATO say about ammunition?", "Qu'a dit l'OTAN sur les munitions ?"]) {
      const urls = loaded(["ask", question]);
      expect(urls.some((u) => QA_INDEX.test(u))).toBe(true);
      for (const heavy of [SDKS, SOURCES, PG, APP_ONLY]) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
    }
  });

  it("translate loads Apertium's pipeline only: not the store, the search index, the sources or an SDK", () => {
    const urls = loaded(["translate", "--from", "fr", "--to", "en", "--text", "L'OTAN a signé."], {
      OFFLINE_TRANSLATION: "apertium",
    });
    expect(urls.some((u) => /dist\/src\/infra\/offline\/guarded-translator\.js/.test(u))).toBe(true);
    for (const heavy of [SDKS, QA_INDEX, SOURCES, STORE]) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
  });
});
