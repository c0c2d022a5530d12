import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
// Comments may name what they avoid ("only src/config.ts reads process.env"); code may not.
const codeOf = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
const importsOf = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);

describe("architecture boundaries", () => {
  it("keeps src/core free of platform SDKs, the LLM SDK, HTTP servers and database drivers", () => {
    const forbidden =
      /^(?:@slack\/|botbuilder|botframework|@microsoft\/|openai$|openai\/|node:http$|node:https$|http$|https$|pg$|pg-|better-sqlite3$)/;
    const offenders = filesUnder(path.join(root, "src/core")).flatMap((f) =>
      importsOf(f)
        .filter((i) => forbidden.test(i))
        .map((i) => `${path.relative(root, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });
  it("keeps src/core from reaching into infra, adapters or the environment", () => {
    const offenders = filesUnder(path.join(root, "src/core")).flatMap((f) => {
      const text = codeOf(f);
      const bad = importsOf(f).filter((i) => /\/infra\/|\/adapters\/|config\.js$/.test(i));
      if (/process\.env/.test(text)) bad.push("process.env");
      return bad.map((b) => `${path.relative(root, f)}: ${b}`);
    });
    expect(offenders).toEqual([]);
  });
  it("keeps the PostgreSQL driver in src/infra (SQLite installs never load it)", () => {
    const dirs = ["src", "adapters"].map((d) => path.join(root, d));
    const offenders = dirs
      .flatMap(filesUnder)
      .filter((f) => !f.startsWith(path.join(root, "src", "infra") + path.sep))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^pg(?:$|-)/.test(i))
          .map((i) => `${path.relative(root, f)} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });
  it("lets only src/config.ts read process.env", () => {
    const dirs = ["src", "adapters"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
    const readers = dirs
      .flatMap(filesUnder)
      .map((f) => path.relative(root, f))
      .filter((f) => f !== path.join("src", "config.ts") && /process\.env\b/.test(codeOf(path.join(root, f))));
    expect(readers).toEqual([]);
  });
});
