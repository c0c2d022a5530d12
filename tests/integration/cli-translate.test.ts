import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli.js";
import { ApertiumTranslator } from "../../src/infra/offline/apertium-translator.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-translate-"));
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The CLI in-process with captured streams. */
async function cli(args: string[], stdin = "", env: Record<string, string> = {}) {
  for (const [key, value] of Object.entries({ DATABASE_URL: `sqlite:${dir}/t.db`, LOG_LEVEL: "error", ...env })) {
    vi.stubEnv(key, value);
  }
  const input = new PassThrough();
  input.end(stdin);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await runCli(args, { stdout, stderr, stdin: input });
  vi.unstubAllEnvs();
  return { code, out: Buffer.concat(out).toString("utf8"), err: Buffer.concat(err).toString("utf8") };
}

const status = await new ApertiumTranslator().status("fr", "en");
if (!status.available) console.warn(`Skipping translate CLI tests with Apertium: ${status.reason}`);

describe.skipIf(!status.available)("nato-brief translate", () => {
  it("translates stdin, with the label and the pipeline, and opens no store", async () => {
    const { code, out } = await cli(
      ["translate", "--from", "fr", "--to", "en"],
      "M. Breton a fait un exposé lors d'une réunion.\n",
    );
    expect(code).toBe(0);
    expect(out).toContain("Mr Breton gave a presentation during a meeting.");
    expect(out).toMatch(/Machine translation \(offline, Apertium\).*FR → EN.*apertium fr-es \| spa-eng \+ leak guard/);
    expect(fs.existsSync(path.join(dir, "t.db"))).toBe(false);
  });

  it("prints one JSON object with provenance for --json, the source language detected", async () => {
    const { code, out } = await cli([
      "translate",
      "--text",
      "NATO Secretary General Mark Rutte met Allies on 12 May 2025.",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      from: string;
      to: string;
      text: string;
      provenance: { kind: string; model: string };
    };
    expect(json).toMatchObject({ from: "en", to: "fr", provenance: { kind: "machine-offline" } });
    expect(json.text).toContain("Le secrétaire général de l’OTAN, Mark Rutte, a rencontré");
    expect(json.text).toContain("le 12 mai 2025");
  });
});

describe("nato-brief translate with bad input or without translation", () => {
  it("refuses a language other than en or fr, and a same-language request, as usage errors", async () => {
    const bad = await cli(["translate", "--from", "de", "--text", "Hallo"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from must be en or fr \(got "de"\)/);
    const same = await cli(["translate", "--from", "en", "--to", "en", "--text", "Hi"]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/between English and French/);
  });

  it("says offline translation is off when it is", async () => {
    const off = await cli(["translate", "--text", "NATO said."], "", { OFFLINE_TRANSLATION: "off" });
    expect(off.code).toBe(1);
    expect(off.err).toBe("nato-brief: offline translation is turned off (OFFLINE_TRANSLATION=off)\n");
  });
});
